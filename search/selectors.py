"""Site search across pages and support organisations, on Wagtail's configured backend.

Results are public content, so a page of results is cached as plain data under the content
version (see content_cache): a repeated search costs one cache read.
"""

import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core.content_cache import cached_content, page_number_key
from core.languages import content_language_expression
from resources.models import SupportOrganisation, SupportOrganisationIndexPage

MAX_QUERY_LENGTH = 200
MAX_ORGANISATION_RESULTS = 10
# Results are ordered in Python (the visitor's language first), so a search reads at most this
# many matching pages; a query matching more than this should be narrowed anyway.
MAX_PAGE_RESULTS = 200
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
    page, results = search_pages(query=query, locale=locale, requested_page=requested_page)
    content_languages = (
        dict(
            Page.objects.filter(pk__in=[result.pk for result in results])
            .annotate(content_language=content_language_expression())
            .values_list("pk", "content_language")
        )
        if results and locale.language_code != settings.LANGUAGE_CODE
        else {}
    )
    organisations = organisations_in_language_first(query=query, locale=locale)
    directory = (
        SupportOrganisationIndexPage.objects.live().filter(locale=locale).first()
        if organisations
        else None
    )
    return SearchResults(
        pages=[
            {
                "title": result.title,
                "url": result.get_url(request=request),
                "summary": getattr(result, "summary", "") or getattr(result, "introduction", ""),
                "content_language": content_languages.get(result.pk),
            }
            for result in results
        ],
        organisations=[
            {
                "name": organisation.name,
                "url": organisation.get_url(directory),
                "summary": organisation.summary,
                **organisation.result_details(),
                "content_language": None
                if organisation.locale_id == locale.pk
                else settings.LANGUAGE_CODE,
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


def search_pages(*, query: str, locale: Locale, requested_page: str) -> tuple[PaginatorPage, list]:
    """One page of the matching pages in the visitor's language tree, best first. In a
    translated language, pages written in it come before the English of pages not translated
    yet (aliases): the first MAX_PAGE_RESULTS hits are ordered, and only the page shown is
    loaded in full."""
    matching = Page.objects.live().public().filter(locale=locale).exclude(depth__lte=2)
    if locale.language_code == settings.LANGUAGE_CODE:
        page = Paginator(
            matching.specific().search(query, operator="and"), RESULTS_PER_PAGE
        ).get_page(requested_page)
        return page, list(page.object_list)
    hits = list(matching.search(query, operator="and")[:MAX_PAGE_RESULTS])
    hits.sort(key=lambda hit: hit.alias_of_id is not None)
    page = Paginator(hits, RESULTS_PER_PAGE).get_page(requested_page)
    shown = {
        result.pk: result
        for result in Page.objects.filter(pk__in=[hit.pk for hit in page.object_list]).specific()
    }
    return page, [shown[hit.pk] for hit in page.object_list if hit.pk in shown]


def organisations_in_language_first(*, query: str, locale: Locale) -> list[SupportOrganisation]:
    """Matching organisations in the visitor's language, then in English those that have no
    translation into it (the directory's rule, `in_language_else_english`): one search over
    both languages."""
    live = SupportOrganisation.objects.live()
    languages = [locale.pk]
    if locale.language_code != settings.LANGUAGE_CODE:  # English needs no fallback
        languages.append(Locale.get_default().pk)
    found = list(
        live.filter(locale__in=languages).search(query, operator="and")[
            : MAX_ORGANISATION_RESULTS * len(languages)
        ]
    )
    in_english = [organisation.pk for organisation in found if organisation.locale_id != locale.pk]
    if in_english:
        shown = set(
            live.in_language_else_english(locale.pk)
            .filter(pk__in=in_english)
            .values_list("pk", flat=True)
        )
        found = [
            organisation
            for organisation in found
            if organisation.locale_id == locale.pk or organisation.pk in shown
        ]
    found.sort(key=lambda organisation: organisation.locale_id != locale.pk)
    return found[:MAX_ORGANISATION_RESULTS]
