"""Reads that the library, directory and home page templates need."""

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from resources.choices import AreaType, Audience, ResourceType
from resources.facets import Facet, FacetedListing
from resources.models import (
    ResourceIndexPage,
    ResourcePage,
    ResourcePageTopic,
    SupportOrganisation,
    SupportOrganisationIndexPage,
    SupportOrganisationTopic,
    Topic,
)


def topic_facet(*, topics: QuerySet, through_model) -> Facet:
    return Facet(
        name="topic",
        legend=_("Topic"),
        choices=[(topic.slug, topic.name) for topic in topics],
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


def resource_library_listing(
    *, index_page: ResourceIndexPage, query: QueryDict, per_page: int
) -> FacetedListing:
    resources = ResourcePage.objects.child_of(index_page).live().public()
    topics = Topic.objects.filter(
        resource_page_items__content_object__in=resources.values("pk")
    ).distinct()
    listing = FacetedListing(
        queryset=resources.order_by("title"),
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
        query=query,
        per_page=per_page,
    )
    listing.page.object_list = list(
        listing.page.object_list.prefetch_related("topic_items__tag")
    )
    return listing


def support_organisation_listing(
    *, directory_page: SupportOrganisationIndexPage, query: QueryDict, per_page: int
) -> FacetedListing:
    organisations = directory_page.organisations()
    topics = Topic.objects.filter(
        support_organisation_items__content_object__in=organisations.values("pk")
    ).distinct()
    listing = FacetedListing(
        queryset=organisations.order_by("name"),
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
        query=query,
        per_page=per_page,
    )
    organisations_on_page = list(listing.page.object_list.prefetch_related("topic_items__tag"))
    for organisation in organisations_on_page:
        organisation.url = organisation.get_url(directory_page)
    listing.page.object_list = organisations_on_page
    return listing


def home_page_entry_points(*, home_page: Page) -> dict:
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
            )
            .annotate(resource_count=Count("resource_page_items", distinct=True))
            .order_by("name")
        )
    return {
        "library_page": library,
        "directory_page": directory,
        "topics": topics,
        "audiences": list(Audience),
    }
