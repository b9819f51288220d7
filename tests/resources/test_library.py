"""The resource library as a person sees it: what is listed, filtered and counted, and what
a tampered link gives."""

import pytest

from resources.choices import ResourceType
from tests.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.resources.library import add_resource, for_only, visit_library
from tests.resources.reading import read_listing

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed_library(site_tree, topics):
    """Five resources spread across topics, audiences and types."""
    add_resource(
        site_tree,
        title="Bedtime routines",
        topics=[topics["sleep"]],
        resource_type=ResourceType.LEAFLET,
        **for_only("for_families_and_carers"),
    )
    add_resource(
        site_tree,
        title="My goals workbook",
        topics=[topics["goals"]],
        resource_type=ResourceType.WORKBOOK,
        **for_only("for_people_with_dementia"),
    )
    add_resource(
        site_tree,
        title="Setting goals with carers",
        topics=[topics["goals"], topics["sleep"]],
        resource_type=ResourceType.GUIDE,
        for_families_and_carers=True,
        for_people_with_dementia=True,
    )
    add_resource(
        site_tree,
        title="Goal-based care planning",
        topics=[topics["goals"]],
        resource_type=ResourceType.E_LEARNING,
        **for_only("for_practitioners"),
    )
    add_resource(
        site_tree,
        title="Paying for care",
        topics=[topics["money"]],
        resource_type=ResourceType.GUIDE,
        **for_only("for_families_and_carers"),
    )
    return site_tree


ALL_MIXED_TITLES = [
    "Bedtime routines",
    "Goal-based care planning",
    "My goals workbook",
    "Paying for care",
    "Setting goals with carers",
]


# --- What is listed -----------------------------------------------------------------------


def test_without_filters_every_live_resource_is_listed_alphabetically(client, site_tree):
    for title in ["Walking groups", "Art at home", "Music and memory"]:
        add_resource(site_tree, title=title)

    page = visit_library(client, site_tree)

    assert page.titles == ["Art at home", "Music and memory", "Walking groups"]
    assert page.heading == "3 resources"
    assert page.checked() == set()


def test_each_listed_resource_links_to_its_page(client, site_tree):
    resource = add_resource(site_tree, title="Art at home")

    page = visit_library(client, site_tree)

    assert page.results == [("Art at home", resource.url)]
    assert client.get(resource.url).status_code == 200


def test_one_resource_is_counted_in_the_singular(client, site_tree):
    add_resource(site_tree, title="Art at home")

    assert visit_library(client, site_tree).heading == "1 resource"


def test_unpublished_and_draft_resources_are_not_listed(client, site_tree):
    add_resource(site_tree, title="Still published")
    add_resource(site_tree, title="Taken down").unpublish()
    add_resource(site_tree, title="Never published", live=False)

    page = visit_library(client, site_tree)

    assert page.titles == ["Still published"]
    assert page.heading == "1 resource"


def test_resources_in_another_library_are_not_listed(client, site_tree):
    other_library = ResourceIndexPageFactory(
        parent=site_tree["home"], title="Archive", slug="archive"
    )
    ResourcePageFactory(parent=other_library, title="Archived leaflet")
    add_resource(site_tree, title="Current leaflet")

    assert visit_library(client, site_tree).titles == ["Current leaflet"]
    assert read_listing(client.get(other_library.url)).titles == ["Archived leaflet"]


def test_an_empty_library_says_nothing_matches(client, site_tree):
    response = client.get(site_tree["library"].url)

    assert read_listing(response).heading == "0 resources"
    assert b"No resources match all the filters you chose." in response.content


# --- Filters ------------------------------------------------------------------------------


def test_filtering_by_topic_lists_only_resources_on_that_topic(client, mixed_library):
    page = visit_library(client, mixed_library, {"topic": "goal-setting"})

    assert page.titles == [
        "Goal-based care planning",
        "My goals workbook",
        "Setting goals with carers",
    ]
    assert page.heading == "3 resources"
    assert page.checked() == {("topic", "goal-setting")}


def test_filtering_by_audience_lists_only_resources_for_them(client, mixed_library):
    page = visit_library(client, mixed_library, {"audience": "people-with-dementia"})

    assert page.titles == ["My goals workbook", "Setting goals with carers"]
    assert page.checked() == {("audience", "people-with-dementia")}


def test_filtering_by_type_lists_only_that_type(client, mixed_library):
    page = visit_library(client, mixed_library, {"type": "guide"})

    assert page.titles == ["Paying for care", "Setting goals with carers"]
    assert page.checked() == {("type", "guide")}


def test_filters_in_different_groups_must_all_match(client, mixed_library):
    page = visit_library(
        client, mixed_library, {"topic": "goal-setting", "audience": "families-and-carers"}
    )

    assert page.titles == ["Setting goals with carers"]
    assert page.heading == "1 resource"
    assert page.checked() == {("topic", "goal-setting"), ("audience", "families-and-carers")}


def test_two_topics_list_resources_on_either_topic(client, mixed_library):
    page = visit_library(client, mixed_library, {"topic": ["sleep", "money"]})

    assert page.titles == ["Bedtime routines", "Paying for care", "Setting goals with carers"]
    assert page.checked() == {("topic", "sleep"), ("topic", "money")}


def test_two_types_and_an_audience_combine_or_within_and_across(client, mixed_library):
    page = visit_library(
        client,
        mixed_library,
        {"type": ["workbook", "leaflet"], "audience": "families-and-carers"},
    )

    assert page.titles == ["Bedtime routines"]


def test_filters_that_match_nothing_offer_a_way_back(client, mixed_library):
    response = client.get(mixed_library["library"].url + "?topic=money&type=video")

    assert read_listing(response).titles == []
    assert b"No resources match all the filters you chose." in response.content
    assert b"Clear all filters" in response.content


def test_counts_without_filters_show_how_many_resources_each_option_has(client, mixed_library):
    page = visit_library(client, mixed_library)

    assert page.counts("topic") == {"goal-setting": 3, "money": 1, "sleep": 2}
    assert page.counts("audience") == {
        "people-with-dementia": 2,
        "families-and-carers": 3,
        "practitioners": 1,
    }
    assert page.counts("type") == {"workbook": 1, "guide": 2, "e-learning": 1, "leaflet": 1}


def test_options_that_would_list_nothing_are_not_offered(client, mixed_library):
    page = visit_library(client, mixed_library, {"audience": "practitioners"})

    assert page.counts("type") == {"e-learning": 1}
    assert page.counts("topic") == {"goal-setting": 1}
    # The chosen option stays on screen so it can be unticked.
    assert page.option("audience", "practitioners").checked


def test_topic_counts_reflect_the_chosen_audience(client, mixed_library):
    page = visit_library(client, mixed_library, {"audience": "families-and-carers"})

    assert page.counts("topic") == {"goal-setting": 1, "money": 1, "sleep": 2}
    # The audience group still shows what each audience alone would give.
    assert page.counts("audience") == {
        "people-with-dementia": 2,
        "families-and-carers": 3,
        "practitioners": 1,
    }


def test_only_topics_used_by_live_resources_are_offered(client, site_tree, topics):
    add_resource(site_tree, title="Live", topics=[topics["goals"]])
    add_resource(site_tree, title="Withdrawn", topics=[topics["money"]]).unpublish()

    page = visit_library(client, site_tree)

    assert page.counts("topic") == {"goal-setting": 1}


@pytest.mark.parametrize(
    "selection",
    [
        {},
        {"audience": "families-and-carers"},
        {"topic": "goal-setting"},
        {"topic": "goal-setting", "type": "guide"},
        {"topic": ["sleep", "money"], "audience": "families-and-carers"},
    ],
    ids=["nothing", "carers", "goal-setting", "goal-setting-guides", "two-topics-carers"],
)
def test_each_option_count_is_what_ticking_it_would_list(client, mixed_library, selection):
    page = visit_library(client, mixed_library, selection)

    assert page.options, "the page shows no filter options"
    for option in page.options:
        # Ticking an option keeps the choices in other groups; within its own group the
        # count is for that option on its own.
        query = {name: values for name, values in selection.items() if name != option.group}
        query[option.group] = option.value
        ticked = visit_library(client, mixed_library, query)
        assert option.count == len(ticked.titles), (option, ticked.titles)


# --- Tampered or stale links --------------------------------------------------------------

BAD_QUERIES = [
    "topic=no-such-topic",
    "audience=everyone",
    "type=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "topic=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E",
    "page=abc",
    "page=999999",
    "page=-1",
    "page=",
    "topic=sleep&topic=sleep&audience=everyone&audience=nobody",
    "type=guide&type=guide&page=1&page=1",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_odd_query_strings_give_a_normal_page(client, mixed_library, query):
    response = client.get(mixed_library["library"].url + "?" + query)

    assert response.status_code == 200
    assert read_listing(response).titles  # a normal listing, not an error page


@pytest.mark.parametrize(
    "query",
    [
        "topic=no-such-topic",
        "audience=everyone",
        "type=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "topic=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E",
        "audience=everyone&audience=nobody&type=poster",
    ],
)
def test_unknown_filter_values_are_ignored(client, mixed_library, query):
    page = visit_library(client, mixed_library, query)

    assert page.titles == ALL_MIXED_TITLES
    assert page.heading == "5 resources"
    assert page.checked() == set()


@pytest.mark.parametrize(
    ("query", "echo"),
    [
        ("type=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "<script>alert(1)</script>"),
        ("topic=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E", '"><img src=x onerror=alert(1)>'),
        ("topic=no-such-topic", "no-such-topic"),
    ],
)
def test_unknown_filter_values_are_not_written_into_the_page(client, mixed_library, query, echo):
    response = client.get(mixed_library["library"].url + "?" + query)

    assert echo not in response.content.decode()


def test_repeated_filter_values_count_once(client, mixed_library):
    page = visit_library(client, mixed_library, "topic=sleep&topic=sleep&topic=sleep")

    assert page.titles == ["Bedtime routines", "Setting goals with carers"]
    assert page.checked() == {("topic", "sleep")}


def test_a_known_value_still_applies_next_to_unknown_ones(client, mixed_library):
    page = visit_library(client, mixed_library, "type=guide&type=poster&topic=nonsense")

    assert page.titles == ["Paying for care", "Setting goals with carers"]
    assert page.checked() == {("type", "guide")}
