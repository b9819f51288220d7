"""A resource's own page, the rules editors meet when they save one, and where pages can go."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from pages.models import ContentPage, HomePage
from resources.choices import Cost, ResourceType
from resources.models import (
    ResourceIndexPage,
    ResourcePage,
    ResourcePageRelatedResource,
    SupportOrganisationIndexPage,
)
from tests.factories import ResourcePageFactory, TopicFactory
from tests.resources.reading import cold_queries, read_listing, settle_site

pytestmark = pytest.mark.django_db

# Measured on SQLite with the test settings, with an empty content cache; the same with 2 or 8
# related resources and topics.
COLD_RESOURCE_PAGE_QUERIES = (
    20  # 18 before languages: + this page in each language, + its versions in other languages
)


def add_resource(site_tree, **fields):
    return ResourcePageFactory(parent=site_tree["library"], **fields)


def relate(resource, *others):
    for position, other in enumerate(others):
        ResourcePageRelatedResource.objects.create(
            page=resource, resource=other, sort_order=position
        )


def make_document(title="Planning ahead booklet", filename="planning-ahead.pdf", size=2048):
    document = get_document_model()(
        title=title, file=ContentFile(b"%PDF-1.4\n" + b"x" * (size - 9), name=filename)
    )
    document._set_document_file_metadata()  # what the admin upload form does
    document.save()
    return document


def page_text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def validation_errors(resource, **changes) -> dict[str, list[str]]:
    """Errors an editor would see after changing a saved resource (pages are validated when
    they are first saved, so invalid ones cannot be created directly)."""
    for name, value in changes.items():
        setattr(resource, name, value)
    with pytest.raises(ValidationError) as raised:
        resource.full_clean()
    return raised.value.message_dict


# --- What a visitor sees ------------------------------------------------------------------


def test_resource_page_shows_what_it_is_and_who_it_is_for(client, site_tree):
    resource = add_resource(
        site_tree,
        title="Living well with dementia workbook",
        summary="A workbook to plan the things that matter to you.",
        resource_type=ResourceType.WORKBOOK,
        for_people_with_dementia=True,
        for_families_and_carers=True,
        publisher="Dementia Action Alliance",
        external_url="https://example.org/living-well.pdf",
        page_count=24,
        cost=Cost.FREE,
    )

    html = page_text(client.get(resource.url))

    assert "<h1>Living well with dementia workbook</h1>" in html
    assert "A workbook to plan the things that matter to you." in html
    assert '<span class="nhsuk-caption-l">Workbook</span>' in html
    assert "Dementia Action Alliance" in html
    assert (
        '<a href="/en/resources/?audience=people-with-dementia">People living with dementia' in html
    )
    assert '<a href="/en/resources/?audience=families-and-carers">Families and carers' in html
    assert "Practitioners" not in html
    assert '<dd class="nhsuk-summary-list__value">24 pages</dd>' in html
    assert '<dd class="nhsuk-summary-list__value">Free</dd>' in html


def test_action_link_opens_the_resource_on_the_publishers_site(client, site_tree):
    resource = add_resource(
        site_tree, title="Memory diary", external_url="https://example.org/memory-diary"
    )

    html = page_text(client.get(resource.url))

    assert '<a class="nhsuk-action-link" href="https://example.org/memory-diary">' in html
    assert "Open Memory diary" in html


def test_review_dates_are_written_out_in_full(client, site_tree):
    resource = add_resource(site_tree)

    html = page_text(client.get(resource.url))

    assert "Page last reviewed: 12 January 2026" in html
    assert "Next review due: 12 January 2027" in html


def test_topics_link_to_the_library_filtered_by_that_topic(client, site_tree):
    sleep = TopicFactory(name="Sleep", slug="sleep")
    resource = add_resource(site_tree, title="Bedtime routines", topics=[sleep])
    add_resource(site_tree, title="Unrelated guide")

    html = page_text(client.get(resource.url))

    assert '<a href="/en/resources/?topic=sleep">Sleep</a>' in html
    listing = read_listing(client.get("/en/resources/?topic=sleep"))
    assert listing.titles == ["Bedtime routines"]


def test_live_related_resources_are_linked(client, site_tree):
    resource = add_resource(site_tree, title="Planning ahead")
    first = add_resource(site_tree, title="Lasting power of attorney")
    second = add_resource(site_tree, title="Advance statements")
    relate(resource, first, second)

    html = page_text(client.get(resource.url))

    assert "<h2>Related resources</h2>" in html
    assert f'<a href="{first.url}">Lasting power of attorney</a>' in html
    assert f'<a href="{second.url}">Advance statements</a>' in html
    assert html.index("Lasting power of attorney") < html.index("Advance statements")


def test_unpublished_related_resources_are_not_linked(client, site_tree):
    resource = add_resource(site_tree, title="Planning ahead")
    kept = add_resource(site_tree, title="Lasting power of attorney")
    withdrawn = add_resource(site_tree, title="Old benefits leaflet")
    relate(resource, kept, withdrawn)
    withdrawn.unpublish()

    html = page_text(client.get(resource.url))

    assert "Lasting power of attorney" in html
    assert "Old benefits leaflet" not in html


def test_no_related_heading_when_every_related_resource_is_unpublished(client, site_tree):
    resource = add_resource(site_tree, title="Planning ahead")
    withdrawn = add_resource(site_tree, title="Old benefits leaflet")
    relate(resource, withdrawn)
    withdrawn.unpublish()

    html = page_text(client.get(resource.url))

    assert "Related resources" not in html
    assert "Old benefits leaflet" not in html


def test_resource_with_a_document_offers_a_download(client, site_tree):
    document = make_document()
    resource = add_resource(
        site_tree, title="Planning ahead booklet", external_url="", document=document
    )

    html = page_text(client.get(resource.url))

    assert f'<a class="app-download" href="{document.url}">' in html
    assert "Download Planning ahead booklet (PDF, 2.0\xa0KB)" in html
    assert "nhsuk-action-link" not in html  # no link to open elsewhere


def test_resource_without_a_document_has_no_download(client, site_tree):
    resource = add_resource(site_tree)

    assert "app-download" not in page_text(client.get(resource.url))


def test_an_unpublished_resource_is_not_found(client, site_tree):
    resource = add_resource(site_tree, title="Withdrawn leaflet")
    url = resource.url
    resource.unpublish()

    response = client.get(url)

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


# --- Query budget -------------------------------------------------------------------------


def resource_with_links(site_tree, how_many: int) -> ResourcePage:
    topics = [
        TopicFactory(name=f"Subject {number}", slug=f"subject-{number}")
        for number in range(how_many)
    ]
    resource = add_resource(site_tree, title=f"Hub with {how_many}", topics=topics)
    relate(
        resource,
        *[add_resource(site_tree, title=f"Linked {how_many}-{n}") for n in range(how_many)],
    )
    return resource


def test_resource_page_queries_do_not_grow_with_related_resources_and_topics(client, site_tree):
    few = resource_with_links(site_tree, 2)
    many = resource_with_links(site_tree, 8)

    few_queries = cold_queries(client, site_tree, few.url)
    many_queries = cold_queries(client, site_tree, many.url)

    assert "Linked 8-7" in page_text(client.get(many.url))
    assert few_queries == many_queries
    assert many_queries == COLD_RESOURCE_PAGE_QUERIES


def test_resource_page_stays_within_its_query_ceiling(
    client, site_tree, django_assert_max_num_queries
):
    resource = resource_with_links(site_tree, 6)
    settle_site(client, site_tree)
    cache.clear()

    with django_assert_max_num_queries(COLD_RESOURCE_PAGE_QUERIES):
        assert client.get(resource.url).status_code == 200


# --- Rules when saving a resource ---------------------------------------------------------


def test_a_resource_needs_a_link_or_a_document(site_tree):
    errors = validation_errors(add_resource(site_tree), external_url="", document=None)

    assert "Add a link to the resource, upload a document, or both." in errors["external_url"]


def test_a_resource_with_only_a_document_is_valid(site_tree):
    resource = add_resource(site_tree)
    resource.external_url = ""
    resource.document = make_document()

    resource.full_clean()


def test_a_resource_with_only_a_link_is_valid(site_tree):
    add_resource(site_tree, external_url="https://example.org/guide").full_clean()


@pytest.mark.parametrize(
    "next_review_due",
    [datetime.date(2025, 6, 1), datetime.date(2026, 1, 12)],
    ids=["before", "same-day"],
)
def test_next_review_must_come_after_the_last_review(site_tree, next_review_due):
    errors = validation_errors(
        add_resource(site_tree),
        last_reviewed=datetime.date(2026, 1, 12),
        next_review_due=next_review_due,
    )

    assert any("must be after the last review" in message for message in errors["next_review_due"])


def test_a_resource_must_say_who_it_is_for(site_tree):
    errors = validation_errors(
        add_resource(site_tree),
        for_people_with_dementia=False,
        for_families_and_carers=False,
        for_practitioners=False,
    )

    assert any("at least one group" in message for message in errors["for_people_with_dementia"])


def test_a_resource_cannot_be_related_to_itself(site_tree):
    resource = add_resource(site_tree)
    link = ResourcePageRelatedResource(page=resource, resource=resource)

    with pytest.raises(ValidationError) as raised:
        link.clean()

    assert "cannot be related to itself" in raised.value.message_dict["resource"][0]


# --- Where pages can be created -----------------------------------------------------------


def test_resources_can_only_be_created_in_a_library(site_tree):
    resource = add_resource(site_tree)

    assert ResourcePage.can_create_at(site_tree["library"])
    assert not ResourcePage.can_create_at(site_tree["home"])
    assert not ResourcePage.can_create_at(site_tree["directory"])
    assert not ResourcePage.can_create_at(resource)
    assert ResourcePage.allowed_parent_page_models() == [ResourceIndexPage]


@pytest.mark.parametrize("index_model", [ResourceIndexPage, SupportOrganisationIndexPage])
def test_libraries_and_directories_can_only_be_created_under_the_home_page(site_tree, index_model):
    assert index_model.can_create_at(site_tree["home"])
    assert not index_model.can_create_at(Page.get_first_root_node())
    assert not index_model.can_create_at(site_tree["library"])
    assert not index_model.can_create_at(site_tree["directory"])
    assert index_model.allowed_parent_page_models() == [HomePage]


@pytest.mark.parametrize(
    "page_model",
    [ResourcePage, ResourceIndexPage, SupportOrganisationIndexPage, ContentPage, HomePage],
)
def test_nothing_can_be_created_under_a_resource(site_tree, page_model):
    resource = add_resource(site_tree)

    assert not page_model.can_create_at(resource)
    assert ResourcePage.allowed_subpage_models() == []


def test_a_library_only_holds_resources(site_tree):
    assert ResourceIndexPage.allowed_subpage_models() == [ResourcePage]
    assert not ContentPage.can_create_at(site_tree["library"])
    assert SupportOrganisationIndexPage.allowed_subpage_models() == []
