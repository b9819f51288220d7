"""Site search across pages and support organisations, on Wagtail's configured backend.

Results are public content, so a page of results is cached as plain data under the content
version (see content_cache): a repeated search costs one cache read.
"""

import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from resources.models import SupportOrganisation
from website.content_cache import cached_content, page_number_key

MAX_QUERY_LENGTH = 200
MAX_ORGANISATION_RESULTS = 10
RESULTS_PER_PAGE = 10


@dataclass(frozen=True)
class SearchResults:
    pages: list[dict]
    organisations: list[dict]
    page_count: int
    page_total: int
    page_number: int
    previous_page_query: str | None
    next_page_query: str | None

    @property
    def result_count(self) -> int:
        return self.page_total + len(self.organisations)


def site_search(*, query: str, request: HttpRequest) -> SearchResults:
    requested_page = request.GET.get("page", "1")
    page_key = page_number_key(requested_page)
    query_hash = hashlib.sha256(query.lower().encode()).hexdigest()
    return cached_content(
        f"search:{get_language()}:{page_key}:{query_hash}",
        lambda: _search(query=query, request=request, requested_page=requested_page),
    )


def _search(*, query: str, request: HttpRequest, requested_page: str) -> SearchResults:
    language = get_language()
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    matching_pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(depth__lte=2)
        .specific()
        .search(query, operator="and")
    )
    page = Paginator(matching_pages, RESULTS_PER_PAGE).get_page(requested_page)
    organisations = list(
        SupportOrganisation.objects.live()
        .filter(locale=locale)
        .search(query, operator="and")[:MAX_ORGANISATION_RESULTS]
    )
    directory = organisations[0].directory_page if organisations else None
    return SearchResults(
        pages=[
            {
                "title": result.title,
                "url": result.get_url(request=request),
                "summary": getattr(result, "summary", "") or getattr(result, "introduction", ""),
            }
            for result in page.object_list
        ],
        organisations=[
            {
                "name": organisation.name,
                "url": organisation.get_url(directory),
                "summary": organisation.summary,
                "phone_label": organisation.phone_label,
                "phone_display": organisation.phone_display,
                "phone_link": organisation.phone_link,
            }
            for organisation in organisations
        ]
        if page.number == 1
        else [],
        page_count=page.paginator.num_pages,
        page_total=page.paginator.count,
        page_number=page.number,
        previous_page_query=urlencode({"q": query, "page": page.number - 1})
        if page.has_previous()
        else None,
        next_page_query=urlencode({"q": query, "page": page.number + 1})
        if page.has_next()
        else None,
    )
