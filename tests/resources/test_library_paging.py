"""The resource library over many pages: 47 resources, made once for these tests, which only
read them."""

import pytest

from tests.factories import TopicFactory, build_site_tree
from tests.resources.library import add_resource, all_titles, visit_library
from tests.resources.reading import settle_site
from tests.shared_data import made_once_for_the_module

pytestmark = pytest.mark.django_db


def make_big_library() -> dict:
    """45 resources on walking; two more on money, so a filter changes the total."""
    site_tree = build_site_tree()
    walking = TopicFactory(name="Walking", slug="walking")
    money = TopicFactory(name="Money", slug="money")
    for number in range(45):
        add_resource(site_tree, title=f"Walk {number:02d}", topics=[walking])
    add_resource(site_tree, title="Benefits guide", topics=[money])
    add_resource(site_tree, title="Budget planner", topics=[money])
    return site_tree


@pytest.fixture(scope="module")
def big_library(django_db_setup, django_db_blocker):
    with made_once_for_the_module(django_db_blocker, make_big_library) as site_tree:
        yield site_tree


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
