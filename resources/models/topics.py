"""Topics: one tag model shared by resources and organisations, named in each language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.models import (
    TranslatableMixin,
)


class Topic(TagBase):
    """A subject people browse by, such as "Goal setting". Shared by resources and
    organisations so one topic link finds both.

    Topics are a managed list: moderators create and name them (in every language, see
    TopicLabel and resources.forms.TopicForm); editors choose from them. With free tagging off,
    Wagtail's tag field offers only existing topics and its form field drops any other name."""

    free_tagging = False

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]


class TopicLabel(TranslatableMixin, models.Model):
    """A topic's name in one language.

    Topics are taggit tags, which wagtail-localize cannot translate, and one tag is shared by
    every language so that topic URLs, filters and counts stay the same everywhere. Each topic
    has a label in the source language (kept in step with the tag's name) that translators
    translate like any other snippet; a language without a label shows the tag's name."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="labels")
    name = models.CharField(_("name"), max_length=100)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic name")
        verbose_name_plural = _("topic names")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "locale"], name="one_topic_label_per_locale")
        ]

    def __str__(self):
        return self.name
