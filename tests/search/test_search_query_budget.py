"""A new search (nothing cached) costs the same few queries however much there is to find, in
English and in a language whose organisations fall back to English."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests.factories import ResourcePageFactory, SupportOrganisationFactory

pytestmark = pytest.mark.django_db

# Measured with the test settings, the site chrome cached: the page's locale, view
# restrictions, the count and the page of matching pages, the organisations, the site and its
# settings. A language other than English also reads English, its organisations' fallback.
NEW_SEARCH_QUERIES = {"en": 9, "ur": 12}


def add_content(site_tree, count: int, start: int) -> None:
    for number in range(start, start + count):
        ResourcePageFactory(parent=site_tree["library"], title=f"Living well guide {number}")
        SupportOrganisationFactory(name=f"Living well group {number}")


def new_search_queries(client, language: str, words: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/{language}/search/", {"q": words})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", NEW_SEARCH_QUERIES)
def test_a_new_search_costs_the_same_queries_with_3_or_30_matches(client, site_tree, language):
    from wagtail_localize.synctree import synchronize_tree

    urdu = Locale.objects.get(language_code="ur")
    add_content(site_tree, 3, 0)
    synchronize_tree(Locale.get_default(), urdu)
    client.get(f"/{language}/search/", {"q": "living"})  # the site chrome is cached
    few = new_search_queries(client, language, "living well")

    add_content(site_tree, 27, 3)
    synchronize_tree(Locale.get_default(), urdu)
    client.get(f"/{language}/search/", {"q": "living"})  # the chrome again, after the edits
    many = new_search_queries(client, language, "well living")

    assert few == many == NEW_SEARCH_QUERIES[language], (few, many)
