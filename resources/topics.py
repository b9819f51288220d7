"""Topic names in the visitor's language (see TopicLabel)."""

from collections.abc import Iterable

from wagtail.models import Locale

from resources.models import Topic, TopicLabel


def keep_source_label_in_step(sender, instance: Topic, **kwargs) -> None:
    """Every topic has a label in the source language, the one translators translate."""
    TopicLabel.objects.update_or_create(
        topic=instance, locale=Locale.get_default(), defaults={"name": instance.name}
    )


def topic_names(topics: Iterable[Topic]) -> dict[int, str]:
    """Each topic's name in the active language, falling back to the tag's own name."""
    topics = list(topics)
    names = {topic.pk: topic.name for topic in topics}
    locale = Locale.get_active()
    if locale.language_code != Locale.get_default().language_code:
        names.update(
            TopicLabel.objects.filter(
                locale=locale, topic__in=[topic.pk for topic in topics]
            ).values_list("topic_id", "name")
        )
    return names


def sorted_by_name(topics: Iterable[Topic]) -> list[tuple[Topic, str]]:
    """Topics with their names in the active language, in that language's order."""
    names = topic_names(topics)
    return sorted(((topic, names[topic.pk]) for topic in topics), key=lambda pair: pair[1].lower())
