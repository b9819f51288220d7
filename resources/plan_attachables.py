"""How resources and support organisations appear in the plan builder. Registered through the
`register_plan_attachable` hook in wagtail_hooks.py; the plan builder never imports us."""

from __future__ import annotations

import re
from dataclasses import replace

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from taggit.models import ItemBase
from wagtail.models import Locale

from plan_builder.content_languages import default_content_language
from plan_builder.registry import (
    AttachableFilter,
    AttachmentKind,
    FilterOption,
    PlanAttachable,
)
from resources.filters import (
    AREA,
    AUDIENCE,
    RESOURCE_TYPE,
    Filter,
    narrowed,
    topic_filter,
    topics_on,
)
from resources.models import (
    ResourcePage,
    ResourcePageTopic,
    SupportOrganisation,
    SupportOrganisationIndexPage,
    SupportOrganisationTopic,
    Topic,
)

WORD = re.compile(r"[a-z]+")
IGNORED_WORDS = {"and", "for", "the", "with", "of", "to", "in", "on", "a", "my", "i"}


def word_stems(text: str) -> set[str]:
    """Rough English stems, enough to match 'walking' and 'active' to topic names."""
    stems = set()
    for word in WORD.findall(text.lower()):
        if word in IGNORED_WORDS or len(word) < 3:
            continue
        for suffix in ("ing", "ies", "es", "s", "ed"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        stems.add(word)
    return stems


def topics_mentioned(text: str) -> list[Topic]:
    said = word_stems(text)
    if not said:
        return []
    return [topic for topic in Topic.objects.all() if word_stems(topic.name) & said]


def language_filter(attachable: PlanAttachable) -> Filter:
    """A language means "available in it": the item has a version written in that language
    (an alias page that shows the English does not count)."""

    def written_in(codes: list[str]) -> Q:
        versions = attachable.written_versions(attachable.get_queryset())
        return Q(
            translation_key__in=versions.filter(locale__language_code__in=codes).values(
                "translation_key"
            )
        )

    return Filter(
        name="language",
        label=_("Language"),
        options=lambda: [
            FilterOption(locale.language_code, locale.get_display_name())
            for locale in Locale.objects.order_by("language_code")
        ],
        option_condition=lambda code: written_in([code]),
        values_condition=written_in,
    )


def suggested(attachable: PlanAttachable, text: str, through_model, *, limit: int) -> list:
    """Items sharing the most topics with what the person said, most matches first: one
    version of each (the English where there is one), so each item counts once."""
    topics = topics_mentioned(text)
    if not topics:
        return []
    item_ids = through_model.objects.filter(tag__in=topics).values("content_object_id")
    queryset = attachable.get_item_queryset(default_content_language())
    return list(
        queryset.filter(pk__in=item_ids)
        .annotate(
            matches=Count("topic_items", filter=Q(topic_items__tag__in=topics), distinct=True)
        )
        .order_by("-matches", *queryset.query.order_by or ["pk"])[:limit]
    )


class LibraryAttachable(PlanAttachable):
    """What resources and organisations share in the plan builder: a full-text search, the
    filters of resources/filters.py, and suggestions by topic."""

    topic_through_model: type[ItemBase]
    # The filter beside topic, audience and language that only this kind of item has.
    own_filter: Filter

    def search(self, queryset: QuerySet, query: str):
        return queryset.search(query)

    def filters(self) -> list[Filter]:
        through_model = self.topic_through_model
        return [
            topic_filter(
                topics=lambda: topics_on(self.get_queryset(), through_model),
                through_model=through_model,
            ),
            AUDIENCE,
            self.own_filter,
            language_filter(self),
        ]

    def get_filters(self) -> list[AttachableFilter]:
        return [each.as_attachable_filter() for each in self.filters()]

    def apply_filters(self, queryset: QuerySet, selected: dict[str, list[str]]) -> QuerySet:
        return narrowed(queryset, self.filters(), selected)

    def suggest(self, text: str, *, limit: int) -> list:
        return suggested(self, text, self.topic_through_model, limit=limit)


class ResourceAttachable(LibraryAttachable):
    model = ResourcePage
    kind = AttachmentKind.INFORMATION
    topic_through_model = ResourcePageTopic
    # The attach search page's own `type` parameter chooses what to attach.
    own_filter = replace(RESOURCE_TYPE, name="resource_type", label=_("Type"))

    def get_queryset(self) -> QuerySet:
        return ResourcePage.objects.live().public().select_related("document").order_by("title")

    def get_title(self, obj: ResourcePage) -> str:
        return obj.title

    def get_summary(self, obj: ResourcePage) -> str:
        return obj.summary

    def get_url(self, obj: ResourcePage) -> str:
        return obj.get_full_url() or ""

    def get_external_url(self, obj: ResourcePage) -> str:
        return obj.link_url


class SupportOrganisationAttachable(LibraryAttachable):
    model = SupportOrganisation
    kind = AttachmentKind.SERVICE
    topic_through_model = SupportOrganisationTopic
    own_filter = replace(AREA, label=_("Area served"))

    def get_queryset(self) -> QuerySet:
        return SupportOrganisation.objects.live().order_by("name")

    def get_title(self, obj: SupportOrganisation) -> str:
        return obj.name

    def get_summary(self, obj: SupportOrganisation) -> str:
        return obj.summary

    def get_url(self, obj: SupportOrganisation) -> str:
        directory = obj.directory_page
        if directory is None:
            return obj.website
        return directory.get_full_url() + directory.reverse_subpage("organisation", args=[obj.slug])

    def get_external_url(self, obj: SupportOrganisation) -> str:
        return obj.website

    def get_versions(self, object_ids, language: str) -> dict[str, SupportOrganisation]:
        """As the plugin finds them, with the directory page of each language read once for
        all of them (an organisation's page is under it), not once per organisation."""
        versions = super().get_versions(object_ids, language)
        if versions:
            directories: dict[int, SupportOrganisationIndexPage] = {}
            for directory in SupportOrganisationIndexPage.objects.live().order_by("path"):
                directories.setdefault(directory.locale_id, directory)
            for organisation in versions.values():
                organisation.directory_page = directories.get(organisation.locale_id)
        return versions

    def get_phone(self, obj: SupportOrganisation) -> str:
        return obj.phone_display
