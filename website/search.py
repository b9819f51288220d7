"""Site search across pages and support organisations, on Wagtail's configured backend."""

from dataclasses import dataclass

from wagtail.models import Locale, Page

from resources.models import SupportOrganisation

MAX_QUERY_LENGTH = 200
MAX_ORGANISATION_RESULTS = 10


@dataclass
class SiteSearchResults:
    pages: object  # search results, paginated by the view
    organisations: list


def site_search(*, query: str, locale_code: str) -> SiteSearchResults:
    locale = Locale.objects.filter(language_code=locale_code).first() or Locale.get_default()
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(depth__lte=2)
        .specific()
        .search(query, operator="and")
    )
    organisations = list(
        SupportOrganisation.objects.live()
        .filter(locale=locale)
        .search(query, operator="and")[:MAX_ORGANISATION_RESULTS]
    )
    directory = organisations[0].directory_page if organisations else None
    for organisation in organisations:
        organisation.url = organisation.get_url(directory)
    return SiteSearchResults(pages=pages, organisations=organisations)
