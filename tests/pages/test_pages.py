"""Site-wide pages: where they can be created, what the home page and content pages show,
and what the home page costs in queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.models import Page
from wagtail.rich_text import RichText

from core.blocks import ActionLinkBlock
from pages.models import ContentPage, HomePage
from resources.models import Topic
from tests.core.markup import parse
from tests.factories import (
    ContentPageFactory,
    ResourcePageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


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
