"""The resource library as a person sees it: what is listed, filtered, counted and paged."""

from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.choices import ResourceType
from tests.factories import ResourceIndexPageFactory, ResourcePageFactory, TopicFactory
from tests.resources.reading import read_listing, settle_site

pytestmark = pytest.mark.django_db

# Measured on SQLite with the test settings: a cold page (empty content cache) runs one query
# per facet and one for the page of results, whatever the library's size; a warm page only
# Wagtail's routing, the chrome and the site settings.
COLD_LIBRARY_QUERIES = 23  # 22 before languages: + this page in each language
WARM_LIBRARY_QUERIES = 9


def add_resource(site_tree, **fields):
    return ResourcePageFactory(parent=site_tree["library"], **fields)


def for_only(audience_field: str) -> dict:
    """Audience fields for a resource meant for one group only."""
    fields = {
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": False,
    }
    fields[audience_field] = True
    return fields


def visit_library(client, site_tree, query=None):
    url = site_tree["library"].url
    if query:
        url += "?" + (query if isinstance(query, str) else urlencode(query, doseq=True))
    return read_listing(client.get(url))


def all_titles(client, site_tree, query=None) -> list[str]:
    """Every result title across all pages of the listing."""
    titles = []
    page = visit_library(client, site_tree, query)
    titles += page.titles
    while page.next_href:
        page = read_listing(client.get(site_tree["library"].url + page.next_href))
        titles += page.titles
    return titles


@pytest.fixture
def topics():
    return {
        "goals": TopicFactory(name="Goal setting", slug="goal-setting"),
        "sleep": TopicFactory(name="Sleep", slug="sleep"),
        "money": TopicFactory(name="Money", slug="money"),
    }


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


# --- Pagination ---------------------------------------------------------------------------


@pytest.fixture
def big_library(site_tree, topics):
    """45 resources on walking; two more on money, so a filter changes the total."""
    walking = TopicFactory(name="Walking", slug="walking")
    for number in range(45):
        add_resource(site_tree, title=f"Walk {number:02d}", topics=[walking])
    add_resource(site_tree, title="Benefits guide", topics=[topics["money"]])
    add_resource(site_tree, title="Budget planner", topics=[topics["money"]])
    return site_tree


def test_45_resources_are_shown_20_at_a_time(client, big_library):
    first = visit_library(client, big_library, {"topic": "walking"})
    second = visit_library(client, big_library, {"topic": "walking", "page": 2})
    third = visit_library(client, big_library, {"topic": "walking", "page": 3})

    assert first.titles == [f"Walk {number:02d}" for number in range(20)]
    assert second.titles == [f"Walk {number:02d}" for number in range(20, 40)]
    assert third.titles == [f"Walk {number:02d}" for number in range(40, 45)]
    assert first.heading == "45 resources Page 1 of 3"
    assert third.heading == "45 resources Page 3 of 3"


def test_next_and_previous_links_keep_the_filters(client, big_library):
    first = visit_library(client, big_library, {"topic": "walking"})
    second = visit_library(client, big_library, {"topic": "walking", "page": 2})
    third = visit_library(client, big_library, {"topic": "walking", "page": 3})

    assert first.previous_href is None
    assert first.query_of(first.next_href) == {"topic": ["walking"], "page": ["2"]}
    assert second.query_of(second.previous_href) == {"topic": ["walking"], "page": ["1"]}
    assert second.query_of(second.next_href) == {"topic": ["walking"], "page": ["3"]}
    assert third.query_of(third.previous_href) == {"topic": ["walking"], "page": ["2"]}
    assert third.next_href is None


def test_following_next_links_visits_every_result_once(client, big_library):
    titles = all_titles(client, big_library, {"topic": "walking"})

    assert titles == [f"Walk {number:02d}" for number in range(45)]


def test_a_page_past_the_end_shows_the_last_page(client, big_library):
    page = visit_library(client, big_library, {"page": 999999})

    assert page.heading == "47 resources Page 3 of 3"
    assert page.titles == [f"Walk {number:02d}" for number in range(38, 45)]


def test_a_page_that_is_not_a_number_shows_the_first_page(client, big_library):
    page = visit_library(client, big_library, {"page": "abc"})

    assert page.heading == "47 resources Page 1 of 3"
    assert page.titles[0] == "Benefits guide"


def test_a_negative_page_number_does_not_change_what_the_first_page_shows(client, big_library):
    # ?page=-1 shows the last page, so it must not be cached as page 1 for everyone after.
    settle_site(client, big_library)
    negative = visit_library(client, big_library, {"page": "-1"})
    assert negative.heading.startswith("47 resources")

    page = visit_library(client, big_library)

    assert page.heading == "47 resources Page 1 of 3"
    assert page.titles[:2] == ["Benefits guide", "Budget planner"]


# --- Publishing shows at once (cache invalidation) ----------------------------------------


def test_a_newly_published_resource_is_listed_at_once(client, site_tree):
    settle_site(client, site_tree)
    add_resource(site_tree, title="Art at home")
    assert visit_library(client, site_tree).titles == ["Art at home"]
    draft = add_resource(site_tree, title="Baking together", live=False)
    assert visit_library(client, site_tree).titles == ["Art at home"]

    draft.save_revision().publish()

    page = visit_library(client, site_tree)
    assert page.titles == ["Art at home", "Baking together"]
    assert page.heading == "2 resources"


def test_an_unpublished_resource_disappears_at_once(client, site_tree, topics):
    settle_site(client, site_tree)
    add_resource(site_tree, title="Art at home")
    leaving = add_resource(site_tree, title="Baking together", topics=[topics["money"]])
    assert visit_library(client, site_tree).titles == ["Art at home", "Baking together"]
    assert visit_library(client, site_tree, {"topic": "money"}).titles == ["Baking together"]

    leaving.unpublish()

    page = visit_library(client, site_tree)
    assert page.titles == ["Art at home"]
    assert page.counts("topic") == {}
    assert visit_library(client, site_tree, {"topic": "money"}).titles == ["Art at home"]


def test_a_republished_title_change_shows_at_once(client, site_tree):
    settle_site(client, site_tree)
    resource = add_resource(site_tree, title="Art at home")
    assert visit_library(client, site_tree).titles == ["Art at home"]

    resource.title = "Art and craft at home"
    resource.save_revision().publish()

    assert visit_library(client, site_tree).titles == ["Art and craft at home"]


def test_a_saved_draft_does_not_change_the_listing(client, site_tree):
    settle_site(client, site_tree)
    resource = add_resource(site_tree, title="Art at home")
    assert visit_library(client, site_tree).titles == ["Art at home"]

    resource.title = "Not ready yet"
    resource.save_revision()

    assert visit_library(client, site_tree).titles == ["Art at home"]


# --- Query budget -------------------------------------------------------------------------


def add_resources_with_topics(site_tree, count, start=0):
    topics = [TopicFactory(name=f"Theme {number}", slug=f"theme-{number}") for number in range(4)]
    for number in range(start, start + count):
        add_resource(
            site_tree,
            title=f"Resource {number:03d}",
            topics=[topics[number % 4]],
            resource_type=list(ResourceType)[number % len(ResourceType)],
        )


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_library_page_query_budget_does_not_grow_with_the_library(client, site_tree):
    url = site_tree["library"].url + "?audience=families-and-carers"

    add_resources_with_topics(site_tree, 5)
    settle_site(client, site_tree)
    cache.clear()
    cold_small = count_queries(client, url)
    warm_small = count_queries(client, url)

    add_resources_with_topics(site_tree, 40, start=5)
    cache.clear()
    cold_large = count_queries(client, url)
    warm_large = count_queries(client, url)

    assert read_listing(client.get(url)).heading == "45 resources Page 1 of 3"
    assert cold_small == cold_large
    assert warm_small == warm_large
    assert (cold_large, warm_large) == (COLD_LIBRARY_QUERIES, WARM_LIBRARY_QUERIES)


def test_library_page_stays_within_its_query_ceiling(
    client, site_tree, django_assert_max_num_queries
):
    add_resources_with_topics(site_tree, 45)
    url = site_tree["library"].url + "?topic=theme-1&type=guide"
    settle_site(client, site_tree)
    cache.clear()

    with django_assert_max_num_queries(COLD_LIBRARY_QUERIES):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(WARM_LIBRARY_QUERIES):
        assert client.get(url).status_code == 200
