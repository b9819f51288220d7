"""Reads that the library, directory and home page templates need."""

from collections.abc import Callable

from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page

from core.content_cache import cached_content
from core.facets import Listing, faceted_listing
from core.languages import content_language_expression
from resources.choices import Audience
from resources.filters import AREA, AUDIENCE, RESOURCE_TYPE, Filter, topic_filter, topics_on
from resources.models import (
    ResourceIndexPage,
    ResourcePage,
    ResourcePageTopic,
    SupportOrganisationIndexPage,
    SupportOrganisationTopic,
    Topic,
)
from resources.topics import topic_names


def filtered_listing(
    *,
    items: Callable[[], QuerySet],
    through_model,
    own_filter: Filter,
    describe: Callable[[list], list[dict]],
    cache_key: str,
    request: HttpRequest,
    per_page: int,
) -> Listing:
    """The library's and the directory's listing: by topic (those in use), audience and the
    listing's own filter."""
    topics = cached_content(
        f"{cache_key}:topics", lambda: list(topics_on(items(), through_model).order_by("name"))
    )
    return faceted_listing(
        queryset=items,
        facets=[
            topic_filter(topics=lambda: topics, through_model=through_model).as_facet(),
            AUDIENCE.as_facet(),
            own_filter.as_facet(),
        ],
        query=request.GET,
        per_page=per_page,
        describe=describe,
        cache_key=cache_key,
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

    return filtered_listing(
        items=resources,
        through_model=ResourcePageTopic,
        own_filter=RESOURCE_TYPE,
        describe=describe,
        cache_key=f"library:{index_page.pk}",
        request=request,
        per_page=per_page,
    )


def support_organisation_listing(
    *, directory_page: SupportOrganisationIndexPage, request: HttpRequest, per_page: int
) -> Listing:
    def organisations() -> QuerySet:
        return directory_page.organisations().order_by("name")

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

    return filtered_listing(
        items=organisations,
        through_model=SupportOrganisationTopic,
        own_filter=AREA,
        describe=describe,
        cache_key=f"directory:{directory_page.pk}",
        request=request,
        per_page=per_page,
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
