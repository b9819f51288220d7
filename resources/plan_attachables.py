"""How resources and support organisations appear in the plan builder. Registered through the
`register_plan_attachable` hook in wagtail_hooks.py; the plan builder never imports us."""

from __future__ import annotations

import re

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from plan_builder.content_languages import default_content_language
from plan_builder.registry import (
    AttachableFilter,
    AttachmentKind,
    FilterOption,
    PlanAttachable,
)
from resources.choices import AreaType, Audience, ResourceType
from resources.models import (
    ResourcePage,
    ResourcePageTopic,
    SupportOrganisation,
    SupportOrganisationIndexPage,
    SupportOrganisationTopic,
    Topic,
)
from resources.topics import sorted_by_name

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


def topic_filter(items: QuerySet, related_name: str) -> AttachableFilter:
    """Only the topics that something attachable carries."""
    topics = Topic.objects.filter(
        **{f"{related_name}__content_object__in": items.values("pk")}
    ).distinct()
    return AttachableFilter(
        "topic",
        str(_("Topic")),
        [
            FilterOption(topic.slug, name.text, name.language)
            for topic, name in sorted_by_name(topics)
        ],
    )


def locale_filter() -> AttachableFilter:
    return AttachableFilter(
        "language",
        str(_("Language")),
        [
            FilterOption(locale.language_code, locale.get_display_name())
            for locale in Locale.objects.order_by("language_code")
        ],
    )


def audience_filter() -> AttachableFilter:
    return AttachableFilter(
        "audience",
        str(_("Who it is for")),
        [FilterOption(value, str(label)) for value, label in Audience.choices],
    )


def apply_common_filters(
    attachable: PlanAttachable, queryset: QuerySet, selected: dict[str, list[str]], through_model
):
    """OR within a filter, AND across filters, as on the public library. A language means
    "available in it": the item has a version written in that language (an alias page that
    shows the English does not count)."""
    if topics := selected.get("topic"):
        queryset = queryset.filter(
            pk__in=through_model.objects.filter(tag__slug__in=topics).values("content_object_id")
        )
    if audiences := [value for value in selected.get("audience", []) if value in Audience.values]:
        match = Q()
        for value in audiences:
            match |= Q(**{Audience(value).field_name: True})
        queryset = queryset.filter(match)
    if languages := selected.get("language"):
        written_in = attachable.written_versions(attachable.get_queryset()).filter(
            locale__language_code__in=languages
        )
        queryset = queryset.filter(translation_key__in=written_in.values("translation_key"))
    return queryset


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


class ResourceAttachable(PlanAttachable):
    model = ResourcePage
    kind = AttachmentKind.INFORMATION

    def get_queryset(self) -> QuerySet:
        return ResourcePage.objects.live().public().select_related("document").order_by("title")

    def get_title(self, obj: ResourcePage) -> str:
        return obj.title

    def get_summary(self, obj: ResourcePage) -> str:
        return obj.summary

    def get_url(self, obj: ResourcePage) -> str:
        return obj.get_full_url() or ""

    def get_external_url(self, obj: ResourcePage) -> str:
        if obj.external_url:
            return obj.external_url
        return obj.document.url if obj.document_id else ""

    def search(self, queryset: QuerySet, query: str):
        return queryset.search(query)

    def get_filters(self) -> list[AttachableFilter]:
        return [
            topic_filter(self.get_queryset(), "resource_page_items"),
            audience_filter(),
            AttachableFilter(
                "resource_type",
                str(_("Type")),
                [FilterOption(value, str(label)) for value, label in ResourceType.choices],
            ),
            locale_filter(),
        ]

    def apply_filters(self, queryset: QuerySet, selected: dict[str, list[str]]) -> QuerySet:
        queryset = apply_common_filters(self, queryset, selected, ResourcePageTopic)
        if types := selected.get("resource_type"):
            queryset = queryset.filter(resource_type__in=types)
        return queryset

    def suggest(self, text: str, *, limit: int) -> list:
        return suggested(self, text, ResourcePageTopic, limit=limit)


class SupportOrganisationAttachable(PlanAttachable):
    model = SupportOrganisation
    kind = AttachmentKind.SERVICE

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

    def search(self, queryset: QuerySet, query: str):
        return queryset.search(query)

    def get_filters(self) -> list[AttachableFilter]:
        return [
            topic_filter(self.get_queryset(), "support_organisation_items"),
            audience_filter(),
            AttachableFilter(
                "area",
                str(_("Area served")),
                [FilterOption(value, str(label)) for value, label in AreaType.choices],
            ),
            locale_filter(),
        ]

    def apply_filters(self, queryset: QuerySet, selected: dict[str, list[str]]) -> QuerySet:
        queryset = apply_common_filters(self, queryset, selected, SupportOrganisationTopic)
        if areas := selected.get("area"):
            queryset = queryset.filter(area_type__in=areas)
        return queryset

    def suggest(self, text: str, *, limit: int) -> list:
        return suggested(self, text, SupportOrganisationTopic, limit=limit)
