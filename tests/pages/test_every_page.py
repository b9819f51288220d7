"""What every page of the site has: the header and its menu, the footer's contact details,
the error pages, robots.txt and the sitemap."""

import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from wagtail.models import Page

from core.content_cache import bump_content_version
from pages import views
from pages.models import SiteSettings
from tests.core.helpers import default_site, publish
from tests.core.markup import parse
from tests.factories import (
    ContentPageFactory,
    ResourcePageFactory,
    SupportOrganisationFactory,
)

pytestmark = pytest.mark.django_db


def menu_titles(response) -> list[str]:
    return [
        link.text for link in parse(response).find_all("a", cls="nhsuk-header__navigation-link")
    ]


# What every page has ----------------------------------------------------------------------


@pytest.fixture
def every_kind_of_page(site_tree):
    """Path, and the menu section it belongs to (None when it is in no section)."""
    about = ContentPageFactory(parent=site_tree["home"], title="About this service")
    resource = ResourcePageFactory(parent=site_tree["library"], title="Memory workbook")
    organisation = SupportOrganisationFactory(name="Carers Trust", slug="carers-trust")
    return {
        "home": ("/en/", None),
        "content page": (about.url, None),
        "library": ("/en/resources/", "Resource library"),
        "resource": (resource.url, "Resource library"),
        "directory": ("/en/support-organisations/", "Support organisations"),
        "organisation": (
            f"/en/support-organisations/{organisation.slug}/",
            "Support organisations",
        ),
        "search": ("/en/search/?q=memory", None),
        "not found": ("/en/no-such-page/", None),
    }


PAGE_KINDS = [
    "home",
    "content page",
    "library",
    "resource",
    "directory",
    "organisation",
    "search",
    "not found",
]
INNER_PAGES = ["content page", "library", "resource", "directory", "organisation"]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_has_language_one_h1_skip_link_and_main_content(
    client, every_kind_of_page, kind
):
    path, _section = every_kind_of_page[kind]
    response = client.get(path)

    assert response.status_code == (404 if kind == "not found" else 200)
    document = parse(response)
    html = document.find("html")
    assert (html.get("lang"), html.get("dir")) == ("en", "ltr")
    assert len(document.find_all("h1")) == 1
    first_link = document.find_all("a")[0]
    assert first_link.get("href") == "#maincontent"
    assert "nhsuk-skip-link" in first_link.classes
    assert document.find(id="maincontent").tag == "main"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_has_the_header_search_and_menu(client, every_kind_of_page, kind):
    path, section = every_kind_of_page[kind]
    document = parse(client.get(path))

    form = document.find("form", id="search")
    assert form.get("action") == "/en/search/"
    assert form.get("method") == "get"
    assert document.find("input", within=form, name="q").get("maxlength") == "200"
    links = document.find_all("a", cls="nhsuk-header__navigation-link")
    assert [(link.text, link.get("href")) for link in links] == [
        ("Resource library", "/en/resources/"),
        ("Support organisations", "/en/support-organisations/"),
    ]
    current = [link.text for link in links if link.get("aria-current") == "true"]
    assert current == ([section] if section else [])


@pytest.mark.parametrize("kind", INNER_PAGES)
def test_inner_pages_have_breadcrumbs_back_to_home(client, every_kind_of_page, kind):
    path, _section = every_kind_of_page[kind]
    document = parse(client.get(path))

    breadcrumbs = document.find("nav", cls="nhsuk-breadcrumb")
    assert breadcrumbs.get("aria-label") == "Breadcrumb"
    crumbs = document.find_all("a", cls="nhsuk-breadcrumb__link", within=breadcrumbs)
    assert crumbs[0].get("href") == "/en/"
    assert crumbs[0].text == "Dementia wellbeing"
    assert document.find("a", cls="nhsuk-back-link", within=breadcrumbs)


def test_breadcrumbs_lead_back_through_the_section(client, every_kind_of_page):
    path, _section = every_kind_of_page["resource"]
    document = parse(client.get(path))

    crumbs = document.find_all("a", cls="nhsuk-breadcrumb__link")
    assert [(crumb.text, crumb.get("href")) for crumb in crumbs] == [
        ("Dementia wellbeing", "/en/"),
        ("Resource library", "/en/resources/"),
    ]
    assert document.find("a", cls="nhsuk-back-link").text == "Back to Resource library"


def test_home_page_has_no_breadcrumbs(client, site_tree):
    assert not parse(client.get("/en/")).find_all("nav", cls="nhsuk-breadcrumb")


# Header navigation cache ------------------------------------------------------------------


def test_publishing_a_menu_page_adds_it_to_the_header_on_the_next_request(client, site_tree):
    assert "How we use your information" not in menu_titles(client.get("/en/"))
    page = ContentPageFactory(
        parent=site_tree["home"],
        title="How we use your information",
        show_in_menus=True,
        live=False,
    )
    assert "How we use your information" not in menu_titles(client.get("/en/"))

    publish(page)

    assert menu_titles(client.get("/en/")) == [
        "Resource library",
        "Support organisations",
        "How we use your information",
    ]


def test_unpublishing_a_menu_page_removes_it_from_the_header(client, site_tree):
    page = publish(
        ContentPageFactory(
            parent=site_tree["home"], title="Privacy", show_in_menus=True, live=False
        )
    )
    assert "Privacy" in menu_titles(client.get("/en/"))

    page.unpublish()

    assert "Privacy" not in menu_titles(client.get("/en/"))


def test_header_menu_is_served_from_the_cache_until_content_changes(client, site_tree):
    assert "Resource library" in menu_titles(client.get("/en/"))
    # A change that sends no publish signal is not seen until the content version moves on.
    Page.objects.filter(pk=site_tree["library"].pk).update(title="Library")
    assert "Resource library" in menu_titles(client.get("/en/"))

    bump_content_version()

    assert menu_titles(client.get("/en/"))[0] == "Library"


# Site settings ----------------------------------------------------------------------------


def test_footer_shows_contact_details_and_who_runs_the_service(client, site_tree):
    site_settings = SiteSettings.for_site(default_site())
    site_settings.contact_phone = "0800 888 6678"
    site_settings.contact_phone_hours = "Monday to Friday, 9am to 5pm"
    site_settings.contact_email = "help@example.org"
    site_settings.organisation_name = "Example Dementia Trust"
    site_settings.full_clean()
    site_settings.save()

    document = parse(client.get("/en/"))

    footer = document.find("footer")
    phone = document.find("a", within=footer, href="tel:+44-800-888-6678")
    assert phone.text == "0800 888 6678"
    assert "(Monday to Friday, 9am to 5pm)" in footer.text
    email = document.find("a", within=footer, href="mailto:help@example.org")
    assert email.text == "help@example.org"
    assert "run by example dementia trust" in footer.text.lower()


def test_footer_has_no_contact_section_until_details_are_set(client, site_tree):
    footer = parse(client.get("/en/")).find("footer")

    assert "Contact us" not in footer.text
    assert "run by" not in footer.text.lower()


@pytest.mark.parametrize("phone", ["12345", "call us", "0800 888 66"])
def test_an_invalid_contact_phone_number_is_refused(site_tree, phone):
    site_settings = SiteSettings.for_site(default_site())
    site_settings.contact_phone = phone

    with pytest.raises(ValidationError) as error:
        site_settings.full_clean()

    assert list(error.value.message_dict) == ["contact_phone"]


def test_footer_link_with_both_a_page_and_web_address_shows_an_error_to_the_editor(
    client, admin_user, site_tree
):
    """BUG: pages/models.py LinkBlock.clean passes a plain string in block_errors, so the
    admin crashes (AttributeError: '__proxy__' object has no attribute 'messages') instead of
    showing the message. ActionLinkBlock wraps it in ValidationError and works."""
    client.force_login(admin_user)
    client.raise_request_exception = False
    site = default_site()
    form = {
        "organisation_name": "Example Dementia Trust",
        "contact_phone": "",
        "contact_phone_hours": "",
        "contact_email": "",
        "footer_links-count": "1",
        "footer_links-0-type": "link",
        "footer_links-0-deleted": "",
        "footer_links-0-order": "0",
        "footer_links-0-id": "0b1e8a52-5e0e-4d1c-9c66-6a6b8f1c2d3e",
        "footer_links-0-value-text": "Accessibility",
        "footer_links-0-value-page": str(site_tree["library"].pk),
        "footer_links-0-value-external_url": "https://example.org/accessibility",
    }

    response = client.post(f"/admin/settings/website/sitesettings/{site.pk}/", form)

    assert response.status_code == 200
    assert "Choose a page or enter a web address, not both." in response.content.decode()
    assert not SiteSettings.for_site(site).footer_links


# Errors -----------------------------------------------------------------------------------


def test_unknown_address_gets_a_friendly_not_found_page(client, site_tree):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    document = parse(response)
    assert document.find("h1").text == "Page not found"
    assert document.find("a", href="/en/search/").text == "Search this website"
    home_links = {link.text for link in document.find_all("a", href="/en/")}
    assert "Go to the home page" in home_links


def test_not_found_page_offers_a_phone_number_when_one_is_set(client, site_tree):
    site_settings = SiteSettings.for_site(default_site())
    site_settings.contact_phone = "0800 888 6678"
    site_settings.save()

    document = parse(client.get("/en/no-such-page/"))

    inset = document.find("div", cls="nhsuk-inset-text")
    assert "If you would rather talk to someone, call us on 0800 888 6678" in inset.text


def test_server_error_page_apologises_without_touching_the_database(
    django_assert_num_queries, django_db_blocker
):
    with django_assert_num_queries(0), django_db_blocker.block():
        response = views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    text = parse(response).text
    assert "Sorry, there is a problem with this website" in text
    assert "Please try again in a few minutes." in text
    assert "Nothing you have done caused this." in text


# robots.txt and the sitemap ---------------------------------------------------------------


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_live_pages_and_leaves_out_unpublished_ones(client, site_tree):
    home, library = site_tree["home"], site_tree["library"]
    resource = ResourcePageFactory(parent=library, title="Living well workbook")
    draft = ResourcePageFactory(parent=library, title="Draft guide", live=False)
    withdrawn = ResourcePageFactory(parent=library, title="Withdrawn guide")
    publish(withdrawn).unpublish()

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {
        loc.text
        for loc in ET.fromstring(response.content).findall(  # noqa: S314 - our own response
            "sm:url/sm:loc", namespace
        )
    }
    assert {home.full_url, library.full_url, resource.full_url} <= locations
    assert home.full_url.endswith("/en/")
    assert draft.get_full_url() not in locations
    assert withdrawn.get_full_url() not in locations
    assert not any("draft-guide" in url or "withdrawn-guide" in url for url in locations)
