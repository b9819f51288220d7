"""Reads that the library, directory and home page templates need."""

from collections.abc import Callable

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.content_cache import cached_content
from core.facets import Facet, Listing, faceted_listing
from core.languages import content_language_expression
from resources.choices import AreaType, Audience, ResourceType
from resources.models import (
    ResourceIndexPage,
    ResourcePage,
    ResourcePageTopic,
    SupportOrganisationIndexPage,
    SupportOrganisationTopic,
    Topic,
)
from resources.topics import sorted_by_name, topic_names


def topic_facet(*, topics, through_model) -> Facet:
    """Topics by slug (the same in every language), labelled in the visitor's language."""
    names = sorted_by_name(topics)
    return Facet(
        name="topic",
        legend=_("Topic"),
        choices=[(topic.slug, name.text) for topic, name in names],
        label_languages={topic.slug: name.language for topic, name in names if name.language},
        condition=lambda slug: Q(topic_items__tag__slug=slug),
        filter_condition=lambda slugs: Q(
            pk__in=through_model.objects.filter(tag__slug__in=slugs).values("content_object_id")
        ),
    )


def audience_facet() -> Facet:
    return Facet(
        name="audience",
        legend=_("Who it is for"),
        choices=Audience.choices,
        condition=lambda value: Q(**{Audience(value).field_name: True}),
    )


def topics_in_use(*, cache_key: str, items: Callable[[], QuerySet], related_name: str):
    return cached_content(
        f"{cache_key}:topics",
        lambda: list(
            Topic.objects.filter(**{f"{related_name}__content_object__in": items().values("pk")})
            .distinct()
            .order_by("name")
        ),
    )


def resource_library_listing(
    *, index_page: ResourceIndexPage, request: HttpRequest, per_page: int
) -> Listing:
    def resources() -> QuerySet:
        return (
            ResourcePage.objects.child_of(index_page)
            .live()
            .public()
            .annotate(content_language=content_language_expression())
            .order_by("title")
        )

    cache_key = f"library:{index_page.pk}"
    topics = topics_in_use(cache_key=cache_key, items=resources, related_name="resource_page_items")

    def describe(page_of_resources) -> list[dict]:
        return [
            {
                "title": resource.title,
                "url": resource.get_url(request=request),
                "summary": resource.summary,
                "type": str(resource.get_resource_type_display()),
                "publisher": resource.publisher,
                "content_language": resource.content_language,
            }
            for resource in page_of_resources
        ]

    return faceted_listing(
        queryset=resources,
        facets=[
            topic_facet(topics=topics, through_model=ResourcePageTopic),
            audience_facet(),
            Facet(
                name="type",
                legend=_("Type of resource"),
                choices=ResourceType.choices,
                condition=lambda value: Q(resource_type=value),
            ),
        ],
        query=request.GET,
        per_page=per_page,
        describe=describe,
        cache_key=cache_key,
    )


def support_organisation_listing(
    *, directory_page: SupportOrganisationIndexPage, request: HttpRequest, per_page: int
) -> Listing:
    def organisations() -> QuerySet:
        return directory_page.organisations().order_by("name")

    cache_key = f"directory:{directory_page.pk}"
    topics = topics_in_use(
        cache_key=cache_key, items=organisations, related_name="support_organisation_items"
    )

    def describe(page_of_organisations) -> list[dict]:
        return [
            {
                "name": organisation.name,
                "url": organisation.get_url(directory_page),
                "summary": organisation.summary,
                **organisation.result_details(),
                "content_language": organisation.content_language
                if organisation.locale_id != directory_page.locale_id
                else None,
            }
            for organisation in page_of_organisations
        ]

    return faceted_listing(
        queryset=organisations,
        facets=[
            topic_facet(topics=topics, through_model=SupportOrganisationTopic),
            audience_facet(),
            Facet(
                name="area",
                legend=_("Area they cover"),
                choices=AreaType.choices,
                condition=lambda value: Q(area_type=value),
            ),
        ],
        query=request.GET,
        per_page=per_page,
        describe=describe,
        cache_key=cache_key,
    )


def home_page_entry_points(*, home_page: Page) -> dict:
    return cached_content(
        f"home:{home_page.pk}:{get_language()}", lambda: _home_page_entry_points(home_page)
    )


def _home_page_entry_points(home_page: Page) -> dict:
    children = home_page.get_children().live().specific()
    library = next((page for page in children if isinstance(page, ResourceIndexPage)), None)
    directory = next(
        (page for page in children if isinstance(page, SupportOrganisationIndexPage)), None
    )
    topics = []
    if library is not None:
        topics = list(
            Topic.objects.filter(
                resource_page_items__content_object__in=ResourcePage.objects.child_of(library)
                .live()
                .values("pk")
            ).annotate(resource_count=Count("resource_page_items", distinct=True))
        )
        names = topic_names(topics)
        for topic in topics:
            topic.label = names[topic.pk].text
            topic.label_language = names[topic.pk].language
        topics.sort(key=lambda topic: topic.label.lower())
    return {
        "library_page": library,
        "directory_page": directory,
        "topics": topics,
        "audiences": list(Audience),
    }
