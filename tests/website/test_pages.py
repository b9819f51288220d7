"""Site-wide pages: where they can be created, what they show, and what every page has."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.models import Page
from wagtail.rich_text import RichText

from resources.models import Topic
from tests.factories import (
    ContentPageFactory,
    ResourcePageFactory,
    SupportOrganisationFactory,
    TopicFactory,
)
from tests.website.helpers import default_site, publish
from tests.website.markup import parse
from website import views
from website.blocks import ActionLinkBlock
from website.content_cache import bump_content_version
from website.models import ContentPage, HomePage, SiteSettings

pytestmark = pytest.mark.django_db


def menu_titles(response) -> list[str]:
    return [
        link.text for link in parse(response).find_all("a", cls="nhsuk-header__navigation-link")
    ]


# Where pages can be created ----------------------------------------------------------------


def test_a_home_page_can_only_be_created_at_the_top_of_the_tree(site_tree):
    root = Page.get_first_root_node()

    assert HomePage.can_create_at(root)
    assert not HomePage.can_create_at(site_tree["home"])
    assert not HomePage.can_exist_under(site_tree["library"])


def test_content_pages_go_under_the_home_page_or_other_content_pages(site_tree):
    about = ContentPageFactory(parent=site_tree["home"])

    assert ContentPage.can_create_at(site_tree["home"])
    assert ContentPage.can_create_at(about)
    assert not ContentPage.can_create_at(Page.get_first_root_node())


def test_content_pages_cannot_be_added_to_the_library_or_directory(site_tree):
    assert not ContentPage.can_create_at(site_tree["library"])
    assert not ContentPage.can_exist_under(site_tree["library"])
    assert not ContentPage.can_create_at(site_tree["directory"])


# The home page --------------------------------------------------------------------------


def test_home_page_shows_its_title_introduction_and_a_way_into_the_library(client, site_tree):
    response = client.get("/en/")

    assert response.status_code == 200
    document = parse(response)
    assert document.find("h1").text == "Dementia wellbeing"
    assert "Find resources and support for living well with dementia." in document.text
    action_links = {
        link.text: link.get("href") for link in document.find_all("a", cls="nhsuk-action-link")
    }
    assert action_links["Browse all resources"] == "/en/resources/"
    assert action_links["Find an organisation that can help"] == "/en/support-organisations/"


def test_home_page_links_to_resources_for_each_audience(client, site_tree):
    document = parse(client.get("/en/"))

    hrefs = {link.get("href") for link in document.find_all("a", cls="nhsuk-card__link")}
    assert {
        "/en/resources/?audience=people-with-dementia",
        "/en/resources/?audience=families-and-carers",
        "/en/resources/?audience=practitioners",
    } <= hrefs
    audience_links = {link.text for link in document.find_all("a", cls="nhsuk-card__link")}
    assert any("Families and carers" in text for text in audience_links)


def test_home_page_lists_topics_in_use_with_how_many_live_resources_each_has(client, site_tree):
    library = site_tree["library"]
    goals, money = TopicFactory(name="Goal setting"), TopicFactory(name="Money")
    TopicFactory(name="Driving")  # no resources
    ResourcePageFactory(parent=library, topics=[goals, money])
    ResourcePageFactory(parent=library, topics=[goals])
    withdrawn = ResourcePageFactory(parent=library, topics=[goals, money])
    withdrawn.unpublish()

    document = parse(client.get("/en/"))

    topic_list = document.find("ul", cls="app-topic-list")
    items = [item.text for item in document.find_all("li", within=topic_list)]
    assert items == ["Goal setting (2 resources)", "Money (1 resource)"]
    link = document.find("a", within=topic_list, href="/en/resources/?topic=goal-setting")
    assert link.text == "Goal setting"


def test_home_page_shows_featured_resources_that_are_live(client, site_tree):
    home, library = site_tree["home"], site_tree["library"]
    featured = ResourcePageFactory(parent=library, title="Living well workbook")
    withdrawn = ResourcePageFactory(parent=library, title="Old leaflet")
    home.featured_resource_items.create(resource=featured)
    home.featured_resource_items.create(resource=withdrawn)
    home.save_revision().publish()
    withdrawn.unpublish()

    document = parse(client.get("/en/"))

    assert "Good places to start" in document.text
    cards = {link.text: link.get("href") for link in document.find_all("a", cls="nhsuk-card__link")}
    assert cards["Living well workbook"] == featured.url
    assert "Old leaflet" not in cards


def test_home_page_without_featured_resources_has_no_empty_section(client, site_tree):
    assert "Good places to start" not in parse(client.get("/en/")).text


def test_home_page_links_to_the_personalised_care_page_when_one_is_chosen(client, site_tree):
    home = site_tree["home"]
    assert "New to personalised care?" not in parse(client.get("/en/")).text

    explainer = ContentPageFactory(parent=home, title="What is personalised care?")
    home.personalised_care_page = explainer
    home.save_revision().publish()

    document = parse(client.get("/en/"))
    assert "New to personalised care?" in document.text
    assert document.find("a", href=explainer.url).text == "What is personalised care?"


# Content pages and their blocks -----------------------------------------------------------


@pytest.fixture
def content_page(site_tree):
    rich = RichText
    return ContentPageFactory(
        parent=site_tree["home"],
        title="Getting ready for an appointment",
        summary="What to bring and who can come with you.",
        body=[
            ("heading", {"text": "What to expect", "level": "h2"}),
            ("heading", {"text": "Before you go", "level": "h3"}),
            ("paragraph", rich("<p>Bring a list of your medicines.</p>")),
            ("inset_text", {"text": rich("<p>You can bring someone with you.</p>")}),
            (
                "care_card",
                {
                    "urgency": "non-urgent",
                    "heading": "Speak to your GP if",
                    "body": rich("<p>you feel low for more than 2 weeks</p>"),
                },
            ),
            (
                "care_card",
                {
                    "urgency": "urgent",
                    "heading": "Ask for an urgent appointment if",
                    "body": rich("<p>you are suddenly more confused</p>"),
                },
            ),
            (
                "care_card",
                {
                    "urgency": "emergency",
                    "heading": "Call 999 if",
                    "body": rich("<p>someone has collapsed</p>"),
                },
            ),
            (
                "warning_callout",
                {"heading": "Important", "body": rich("<p>Do not stop taking medicines.</p>")},
            ),
            (
                "action_link",
                {"text": "Find support", "page": site_tree["directory"], "external_url": ""},
            ),
            (
                "expander",
                {
                    "summary": "What if I cannot travel?",
                    "body": rich("<p>Ask for a phone appointment.</p>"),
                },
            ),
        ],
    )


def test_content_page_renders_headings_paragraphs_and_inset_text(client, content_page):
    response = client.get(content_page.url)

    assert response.status_code == 200
    document = parse(response)
    assert document.find("h1").text == "Getting ready for an appointment"
    assert document.find("p", cls="nhsuk-lede-text").text == (
        "What to bring and who can come with you."
    )
    assert [h2.text for h2 in document.find_all("h2", within=document.find("main"))] == [
        "What to expect"
    ]
    assert "Before you go" in [h3.text for h3 in document.find_all("h3")]
    assert document.find("div", cls="app-rich-text").text == "Bring a list of your medicines."
    inset = document.find("div", cls="nhsuk-inset-text")
    assert inset.text == "Information: You can bring someone with you."
    hidden = document.find("span", cls="nhsuk-u-visually-hidden", within=inset)
    assert hidden.text == "Information:"


@pytest.mark.parametrize(
    ("urgency", "spoken_heading"),
    [
        ("non-urgent", "Non-urgent advice: Speak to your GP if"),
        ("urgent", "Urgent advice: Ask for an urgent appointment if"),
        ("emergency", "Immediate action required: Call 999 if"),
    ],
)
def test_care_cards_tell_screen_reader_users_how_urgent_they_are(
    client, content_page, urgency, spoken_heading
):
    document = parse(client.get(content_page.url))

    card = document.find("div", cls=f"nhsuk-card--care--{urgency}")
    heading = document.find("h3", cls="nhsuk-card__heading", within=card)
    assert heading.text == spoken_heading
    prefix = document.find("span", cls="nhsuk-u-visually-hidden", within=heading)
    assert spoken_heading.startswith(prefix.text)


def test_content_page_renders_warning_callout_action_link_and_expander(client, content_page):
    document = parse(client.get(content_page.url))

    warning = document.find("div", cls="nhsuk-card--warning")
    assert warning.text == "Important Do not stop taking medicines."
    main = document.find("main")
    action = document.find("a", cls="nhsuk-action-link", within=main)
    assert action.get("href") == "/en/support-organisations/"
    assert action.text == "Find support"
    expander = document.find("details", cls="nhsuk-expander")
    assert document.find("summary", within=expander).text == "What if I cannot travel?"
    assert "Ask for a phone appointment." in expander.text


def test_action_link_needs_exactly_one_of_a_page_or_a_web_address(site_tree):
    block = ActionLinkBlock()
    page_id = site_tree["library"].pk

    neither = block.to_python({"text": "Find out more", "page": None, "external_url": ""})
    both = block.to_python(
        {"text": "Find out more", "page": page_id, "external_url": "https://example.org/"}
    )
    for value in (neither, both):
        with pytest.raises(blocks.StructBlockValidationError) as error:
            block.clean(value)
        assert error.value.as_json_data() == {
            "blockErrors": {
                "page": {"messages": ["Choose a page or enter a web address, not both."]}
            }
        }

    page_only = block.clean(block.to_python({"text": "Go", "page": page_id, "external_url": ""}))
    assert page_only["page"].pk == page_id
    url_only = block.to_python({"text": "Go", "page": None, "external_url": "https://nhs.uk/"})
    assert block.clean(url_only)["external_url"] == "https://nhs.uk/"


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
    """BUG: website/models.py LinkBlock.clean passes a plain string in block_errors, so the
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


# Query budgets ----------------------------------------------------------------------------

# Measured on SQLite and PostgreSQL, then pinned. Warm: site, locale, page, aliases, view
# restrictions, featured resources, the personalised-care page, site settings. Cold adds the
# cached home-page entry points (children, library, directory, topic counts) and header chrome.
HOME_COLD_QUERIES = 19  # 18 before languages: + this page in each language
HOME_WARM_QUERIES = 8


def build_home_page(site_tree, resource_count: int) -> None:
    topics = [TopicFactory(name=f"Budget topic {n}") for n in range(4)]
    resources = [
        ResourcePageFactory(parent=site_tree["library"], topics=[topics[n % 4]])
        for n in range(resource_count)
    ]
    home = site_tree["home"]
    for resource in resources[:3]:
        home.featured_resource_items.create(resource=resource)
    home.personalised_care_page = ContentPageFactory(parent=home)
    home.save_revision().publish()


def measure_home_page(client) -> tuple[int, int]:
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get("/en/").status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get("/en/").status_code == 200
    return len(cold), len(warm)


@pytest.mark.parametrize("resource_count", [3, 12])
def test_home_page_stays_within_its_query_budget(
    client, site_tree, django_assert_max_num_queries, resource_count
):
    build_home_page(site_tree, resource_count)

    cache.clear()
    with django_assert_max_num_queries(HOME_COLD_QUERIES):
        client.get("/en/")
    with django_assert_max_num_queries(HOME_WARM_QUERIES):
        client.get("/en/")


def test_home_page_queries_do_not_grow_with_the_number_of_resources(client, site_tree):
    build_home_page(site_tree, 3)
    with_three = measure_home_page(client)

    topics = list(Topic.objects.filter(name__startswith="Budget topic"))
    for n in range(9):
        ResourcePageFactory(parent=site_tree["library"], topics=[topics[n % 4]])
    with_twelve = measure_home_page(client)

    assert with_twelve == with_three
    assert "(3 resources)" in parse(client.get("/en/")).text
