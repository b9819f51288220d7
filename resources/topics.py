"""Topic names in the visitor's language (see TopicLabel)."""

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from resources.models import Topic, TopicLabel
from website.content_cache import cached_content


def keep_source_label_in_step(sender, instance: Topic, **kwargs) -> None:
    """Every topic has a label in the source language, the one translators translate."""
    TopicLabel.objects.update_or_create(
        topic=instance, locale=Locale.get_default(), defaults={"name": instance.name}
    )


def labels_in_language(language_code: str) -> dict[int, str]:
    """Every topic's label in one language (a small table), cached until content changes."""
    return cached_content(
        f"topic-labels:{language_code}",
        lambda: dict(
            TopicLabel.objects.filter(locale__language_code=language_code).values_list(
                "topic_id", "name"
            )
        ),
    )


def topic_names(topics: Iterable[Topic]) -> dict[int, str]:
    """Each topic's name in the active language, falling back to the tag's own name."""
    names = {topic.pk: topic.name for topic in topics}
    language = get_language()
    if language != settings.LANGUAGE_CODE:
        labels = labels_in_language(language)
        names.update((pk, labels[pk]) for pk in names if pk in labels)
    return names


def sorted_by_name(topics: Iterable[Topic]) -> list[tuple[Topic, str]]:
    """Topics with their names in the active language, in that language's order."""
    topics = list(topics)
    names = topic_names(topics)
    return sorted(((topic, names[topic.pk]) for topic in topics), key=lambda pair: pair[1].lower())
