"""The resource library kept fresh as content changes, within its query budget."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.choices import ResourceType
from tests.factories import TopicFactory
from tests.resources.library import add_resource, visit_library
from tests.resources.reading import read_listing, settle_site

pytestmark = pytest.mark.django_db

# Measured on SQLite with the test settings: a cold page (empty content cache) runs one query
# per facet and one for the page of results, whatever the library's size; a warm page only
# Wagtail's routing, the chrome and the site settings.
COLD_LIBRARY_QUERIES = 23  # 22 before languages: + this page in each language
WARM_LIBRARY_QUERIES = 9


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
