"""Topic names in the visitor's language (see TopicLabel)."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from core.content_cache import cached_content
from resources.models import Topic, TopicLabel


@dataclass(frozen=True)
class TopicName:
    """A topic's name as shown to the visitor. ``language`` is the language of ``text`` when
    it is not the visitor's: a topic with no name in their language shows its English name,
    which templates mark with lang (and dir) so it is read out as English."""

    text: str
    language: str | None = None

    def __str__(self) -> str:
        return self.text


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


def topic_names(topics: Iterable[Topic]) -> dict[int, TopicName]:
    """Each topic's name in the active language, falling back to the tag's own (English)
    name, marked as English."""
    topics = list(topics)
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return {topic.pk: TopicName(topic.name) for topic in topics}
    labels = labels_in_language(language)
    return {
        topic.pk: TopicName(labels[topic.pk])
        if topic.pk in labels
        else TopicName(topic.name, settings.LANGUAGE_CODE)
        for topic in topics
    }


def sorted_by_name(topics: Iterable[Topic]) -> list[tuple[Topic, TopicName]]:
    """Topics with their names in the active language, in that language's order."""
    topics = list(topics)
    names = topic_names(topics)
    return sorted(
        ((topic, names[topic.pk]) for topic in topics), key=lambda pair: pair[1].text.lower()
    )
