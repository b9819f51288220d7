"""Site search at /en/search/: what people find, what they do not, and what they see when
there is nothing to show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from pages.models import SiteSettings
from tests.core.helpers import default_site, publish
from tests.core.markup import parse
from tests.factories import (
    ContentPageFactory,
    ResourcePageFactory,
    SupportOrganisationFactory,
)

pytestmark = pytest.mark.django_db

SEARCH_URL = "/en/search/"


def search(client, query, **params):
    response = client.get(SEARCH_URL, {"q": query, **params})
    assert response.status_code == 200
    return response


def found(response) -> dict[str, str]:
    """Result titles and where they link to, organisations first."""
    document = parse(response)
    return {
        link.text: link.get("href")
        for title in document.find_all("h4", cls="app-result__title")
        for link in document.find_all("a", within=title)
    }


def results_heading(response) -> str | None:
    document = parse(response)
    headings = document.find_all("h2", within=document.find("main"))
    return headings[0].text if headings else None


@pytest.fixture
def search_must_not_run(monkeypatch):
    def refuse(**kwargs):
        raise AssertionError("the search backend should not have been queried")

    monkeypatch.setattr("search.views.site_search", refuse)


# Nothing typed ----------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "\t\n"}])
def test_an_empty_search_asks_people_what_they_are_looking_for(
    client, site_tree, search_must_not_run, params
):
    response = client.get(SEARCH_URL, params)

    assert response.status_code == 200
    document = parse(response)
    assert document.find("h1").text == "Search"
    assert "Type a word or two about what you need and press Search." in document.text
    assert results_heading(response) is None
    assert "We found nothing" not in document.text
    assert document.find("input", id="search-page-field").get("value") == ""


# What people find -------------------------------------------------------------------------


def test_finds_a_resource_by_a_word_in_its_summary(client, site_tree):
    resource = ResourcePageFactory(
        parent=site_tree["library"],
        title="Gardening for wellbeing",
        summary="Ideas for sensory gardening with someone living with dementia.",
    )
    ResourcePageFactory(parent=site_tree["library"], title="Money matters")

    response = search(client, "sensory")

    assert found(response) == {"Gardening for wellbeing": "/en/resources/gardening-for-wellbeing/"}
    assert resource.url == "/en/resources/gardening-for-wellbeing/"
    assert results_heading(response) == "1 result for “sensory”"
    assert "Ideas for sensory gardening" in parse(response).text


def test_finds_a_content_page_by_its_body_text(client, site_tree):
    page = ContentPageFactory(
        parent=site_tree["home"],
        title="Staying active together",
        body=[("paragraph", RichText("<p>Try a tandem bicycle ride with a friend.</p>"))],
    )

    response = search(client, "tandem")

    assert found(response) == {"Staying active together": page.url}
    assert page.url == "/en/staying-active-together/"


def test_finds_a_support_organisation_by_name_with_its_phone_number(client, site_tree):
    SupportOrganisationFactory(name="Admiral Nurse Dementia Helpline", slug="admiral-nurses")

    response = search(client, "admiral")

    assert found(response) == {
        "Admiral Nurse Dementia Helpline": "/en/support-organisations/admiral-nurses/"
    }
    document = parse(response)
    assert "Organisations that can help" in document.text
    assert document.find("a", href="tel:+44-800-888-6678").text == "0800 888 6678"


def test_every_word_must_match(client, site_tree):
    ResourcePageFactory(
        parent=site_tree["library"], title="Driving", summary="Driving and dementia."
    )
    ResourcePageFactory(parent=site_tree["library"], title="Money", summary="Money and benefits.")

    assert list(found(search(client, "driving dementia"))) == ["Driving"]
    assert found(search(client, "driving benefits")) == {}


def test_extra_spaces_in_a_search_are_ignored(client, site_tree):
    ResourcePageFactory(parent=site_tree["library"], title="Sleep", summary="Sleep and rest.")

    response = search(client, "   sleep   ")

    assert list(found(response)) == ["Sleep"]
    assert parse(response).find("input", id="search-page-field").get("value") == "sleep"


# What people do not find ------------------------------------------------------------------


def hidden_draft_resource(site_tree):
    ResourcePageFactory(parent=site_tree["library"], title="Hidden", summary="quokka", live=False)


def hidden_unpublished_resource(site_tree):
    ResourcePageFactory(parent=site_tree["library"], title="Hidden", summary="quokka").unpublish()


def hidden_draft_content_page(site_tree):
    ContentPageFactory(
        parent=site_tree["home"],
        title="Hidden",
        body=[("paragraph", RichText("<p>quokka</p>"))],
        live=False,
    )


def hidden_private_content_page(site_tree):
    page = ContentPageFactory(
        parent=site_tree["home"], title="Hidden", body=[("paragraph", RichText("<p>quokka</p>"))]
    )
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def hidden_draft_organisation(site_tree):
    SupportOrganisationFactory(name="Hidden quokka", live=False)


def hidden_deleted_organisation(site_tree):
    SupportOrganisationFactory(name="Hidden quokka").delete()


@pytest.mark.parametrize(
    "make_hidden",
    [
        hidden_draft_resource,
        hidden_unpublished_resource,
        hidden_draft_content_page,
        hidden_private_content_page,
        hidden_draft_organisation,
        hidden_deleted_organisation,
    ],
)
def test_drafts_unpublished_private_and_deleted_content_is_not_found(
    client, site_tree, make_hidden
):
    ResourcePageFactory(parent=site_tree["library"], title="Visible", summary="quokka")
    make_hidden(site_tree)

    assert list(found(search(client, "quokka"))) == ["Visible"]


def test_unpublishing_takes_a_resource_out_of_results_at_once(client, site_tree):
    resource = ResourcePageFactory(parent=site_tree["library"], title="Axolotl", summary="axolotl")
    assert list(found(search(client, "axolotl"))) == ["Axolotl"]

    resource.unpublish()

    assert found(search(client, "axolotl")) == {}


# Nothing found ----------------------------------------------------------------------------


def test_when_nothing_matches_people_get_suggestions(client, site_tree):
    response = search(client, "zyzzyva")

    document = parse(response)
    assert results_heading(response) == "We found nothing for “zyzzyva”"
    assert "check the spelling" in document.text
    assert "use fewer words, or a different word that means the same thing" in document.text
    home_link = document.find("a", href="/en/", within=document.find("main"))
    assert home_link.text == "browse resources by topic on the home page"
    assert not document.find_all("div", cls="nhsuk-inset-text")


def test_when_nothing_matches_people_can_call_when_a_number_is_set(client, site_tree):
    site_settings = SiteSettings.for_site(default_site())
    site_settings.contact_phone = "0800 888 6678"
    site_settings.contact_phone_hours = "Monday to Friday, 9am to 5pm"
    site_settings.save()

    document = parse(search(client, "zyzzyva"))

    inset = document.find("div", cls="nhsuk-inset-text")
    assert "If you would rather talk to someone, call us on 0800 888 6678" in inset.text
    assert "(Monday to Friday, 9am to 5pm)" in inset.text
    assert document.find("a", within=inset).get("href") == "tel:+44-800-888-6678"


# Awkward input ----------------------------------------------------------------------------


def test_a_search_over_200_characters_is_refused_with_a_message(
    client, site_tree, search_must_not_run
):
    response = search(client, "memory " * 40)

    document = parse(response)
    error = document.find("span", cls="nhsuk-error-message")
    assert error.text == "Error: Search for 200 characters or fewer"
    assert (
        "nhsuk-form-group--error"
        in document.find("div", cls="nhsuk-form-group", within=document.find("main")).classes
    )
    assert "search-page-error" in document.find("input", id="search-page-field").get(
        "aria-describedby"
    )
    assert results_heading(response) is None


def test_a_search_of_exactly_200_characters_is_run(client, site_tree):
    query = "x" * 200

    response = search(client, query)

    assert results_heading(response) == f"We found nothing for “{query}”"
    assert not parse(response).find_all("span", cls="nhsuk-error-message")


def test_markup_in_a_search_is_shown_as_text_not_run(client, site_tree):
    query = '<script>alert("hi")</script>'

    response = search(client, query)

    content = response.content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;" in content
    assert results_heading(response) == f"We found nothing for “{query}”"


@pytest.fixture
def twelve_walking_resources(site_tree):
    for n in range(12):
        ResourcePageFactory(
            parent=site_tree["library"],
            title=f"Walking group {n:02d}",
            summary="A walking group guide.",
        )


def test_results_are_paged_ten_at_a_time(client, twelve_walking_resources):
    first = search(client, "walking")
    second = search(client, "walking", page="2")

    assert results_heading(first) == "12 results for “walking”"
    assert len(found(first)) == 10
    assert len(found(second)) == 2
    assert not set(found(first)) & set(found(second))
    assert parse(first).find("a", rel="next").get("href") == "?q=walking&page=2"
    assert parse(second).find("a", rel="prev").get("href") == "?q=walking&page=1"


@pytest.mark.parametrize(("page", "expected_count"), [("99", 2), ("abc", 10), ("0", 2)])
def test_a_page_number_out_of_range_or_not_a_number_still_shows_results(
    client, twelve_walking_resources, page, expected_count
):
    response = search(client, "walking", page=page)

    assert len(found(response)) == expected_count


@pytest.mark.parametrize("odd_page", ["-1", "2 "])
def test_an_odd_page_number_does_not_change_the_first_page_for_everyone(
    client, twelve_walking_resources, odd_page
):
    """Paginator.get_page("-1") serves the last page and get_page("2 ") page 2; neither may
    be cached as page 1 for everyone else searching the same words."""
    search(client, "walking", page=odd_page)

    response = search(client, "walking")

    assert len(found(response)) == 10
    assert parse(response).find_all("a", rel="next")


# Caching ----------------------------------------------------------------------------------


def test_a_newly_published_resource_is_found_straight_away(client, site_tree):
    assert found(search(client, "lighthouse")) == {}
    resource = ResourcePageFactory(
        parent=site_tree["library"], title="Lighthouse walks", summary="lighthouse", live=False
    )
    assert found(search(client, "lighthouse")) == {}

    publish(resource)

    assert found(search(client, "lighthouse")) == {"Lighthouse walks": resource.url}


def test_a_newly_added_organisation_is_found_straight_away(client, site_tree):
    assert found(search(client, "lighthouse")) == {}

    SupportOrganisationFactory(name="Lighthouse Carers", slug="lighthouse-carers")

    assert list(found(search(client, "lighthouse"))) == ["Lighthouse Carers"]


def test_a_repeated_search_is_answered_from_the_cache(client, site_tree):
    ResourcePageFactory(parent=site_tree["library"], title="Music", summary="Music and singing.")
    assert list(found(search(client, "singing"))) == ["Music"]

    with CaptureQueriesContext(connection) as queries:
        assert list(found(search(client, "Singing"))) == ["Music"]

    searched = [query["sql"] for query in queries if "indexentry" in query["sql"].lower()]
    assert searched == []
