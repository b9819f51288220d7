"""Building and reading the resource library in tests."""

from urllib.parse import urlencode

from tests.factories import ResourcePageFactory
from tests.resources.reading import read_listing


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
