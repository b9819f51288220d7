"""The same page in every language the site is in: for the language switcher, the hreflang
alternates and the sitemap.

Every content language mirrors the English tree (core/locales.py), so each page has a
version in each language: a translation, or an alias that shows the English. Routable pages
(the directory's organisation pages) and views outside Wagtail (search) keep the rest of
their path; a search keeps its words.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Cast
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from core.content_cache import cached_content
from plan_builder.content_languages import language_name  # one rule for the site and the plugin


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    is_current: bool
    is_bidi: bool


def content_language_expression() -> Case:
    """The language a page's live content is written in, when it is not the page's own
    language (None when it is): an alias shows its original's language; a translation that has
    never been published in its own language (one made from an alias, still in draft or in
    moderation) still shows the English copy it was made from. For annotating pages."""
    # An alias copies its original's fields, live_revision included; a page converted from
    # one keeps that revision (of the original page) until a revision of its own is published.
    published_in_own_right = Q(live_revision__object_id=Cast("pk", CharField()))
    return Case(
        When(alias_of__isnull=False, then=F("alias_of__locale__language_code")),
        When(
            ~published_in_own_right & ~Q(locale__language_code=settings.LANGUAGE_CODE),
            then=Value(settings.LANGUAGE_CODE),
        ),
        default=None,
        output_field=CharField(),
    )


def page_content_language(page: Page) -> str | None:
    """content_language_expression for one page, cached until content changes."""
    if page.locale_id is None or not page.pk:
        return None
    if not page.alias_of_id and page.live_revision_id == page.latest_revision_id is not None:
        return None  # its latest revision is its own, and live: no query needed
    return cached_content(
        f"content-language:{page.pk}",
        lambda: (
            Page.objects.filter(pk=page.pk)
            .annotate(content_language=content_language_expression())
            .values_list("content_language", flat=True)
            .first()
        ),
    )


def is_language_prefixed(request: HttpRequest) -> bool:
    codes = {code for code, _name in settings.LANGUAGES}
    return request.path_info.split("/", 2)[1] in codes


def page_urls(page: Page, request: HttpRequest) -> dict[str, str]:
    """The URL of each live language version of a page, cached until content changes."""

    def compute() -> dict[str, str]:
        urls = {}
        for version in page.get_translations(inclusive=True).live().select_related("locale"):
            url = version.get_url(request=request)
            if url:
                urls[version.locale.language_code] = url
        return urls

    return cached_content(f"language-versions:{page.pk}", compute)


def language_versions(request: HttpRequest, page: Page | None = None) -> list[LanguageVersion]:
    """This address in every configured language. Empty for areas that are not
    language-prefixed (the plan builder and the admin): they switch with Django's
    set_language form instead."""
    if request is None or not is_language_prefixed(request):
        return []
    current = get_language()
    # A search keeps its words; other query strings are not echoed back into the page.
    search_words = request.GET.get("q", "") if page is None else ""
    query = urlencode({"q": search_words}) if search_words else ""
    urls = page_urls(page, request) if page is not None and page.pk else {}
    # A routable page's own route (an organisation under the directory) is the same in every
    # language.
    own_url = urls.get(current, "")
    subpage_path = (
        request.path[len(own_url) :] if own_url and request.path.startswith(own_url) else ""
    )
    versions = []
    for code, _name in settings.LANGUAGES:
        if page is not None and page.pk:
            if code not in urls:
                continue
            url = urls[code] + subpage_path
        else:
            url = translate_url(request.path, code)
        versions.append(
            LanguageVersion(
                code=code,
                name=language_name(code),
                url=f"{url}?{query}" if query else url,
                is_current=code == current,
                is_bidi=get_language_info(code)["bidi"],
            )
        )
    return versions


@dataclass(frozen=True)
class PageLink:
    """A link to a page as a reader of the active language should get it: to the page's
    version in their language, and the language its title is written in when that is not
    theirs (a page not translated yet shows its English)."""

    url: str
    title: str
    content_language: str | None
    page: Page


def page_links(
    pages: Iterable[Page | None], request: HttpRequest | None, *, specific: bool = False
) -> list[PageLink]:
    """Each page's live version in the active language: its translation, or the alias that
    shows the English until it is translated; the page itself where the language has
    neither. Pages that are gone or not live are left out. No query when every page is
    already in the reader's language (load them with their locale), one otherwise, and one
    per page type with `specific` (for fields beyond the title)."""
    pages = [page for page in pages if page is not None]
    active = get_supported_content_language_variant(get_language())
    if all(page.locale.language_code == active for page in pages):
        versions = {page.translation_key: page for page in pages if page.live}
    else:
        versions = {
            version.translation_key: version
            for version in Page.objects.live()
            .filter(
                locale__language_code=active,
                translation_key__in={page.translation_key for page in pages},
            )
            .select_related("alias_of__locale")
        }
    # The language each version is written in: an alias shows its original's.
    written_in = {
        key: version.alias_of.locale.language_code if version.alias_of_id else active
        for key, version in versions.items()
    }
    generic = [version.pk for version in versions.values() if type(version) is Page]
    if specific and generic:
        loaded = Page.objects.filter(pk__in=generic).defer_streamfields().specific()
        by_pk = {page.pk: page for page in loaded}
        versions = {key: by_pk.get(version.pk, version) for key, version in versions.items()}
    links = []
    for page in pages:
        version = versions.get(page.translation_key)
        if version is not None:
            language = written_in[page.translation_key]
        elif page.live:
            version, language = page, page.locale.language_code
        else:
            continue
        url = version.get_url(request=request)
        if url:
            links.append(
                PageLink(
                    url=url,
                    title=version.title,
                    content_language=None if language == active else language,
                    page=version,
                )
            )
    return links


def page_link(page: Page | int | None, request: HttpRequest | None) -> PageLink | None:
    """page_links for one page, given as a page or its id, cached until content changes: for
    the links editors place in body content, footers and promotions, shown on many pages."""
    page_id = page.pk if isinstance(page, Page) else page
    if page_id is None:
        return None
    links = cached_content(
        f"page-link:{page_id}:{get_language()}",
        lambda: page_links(Page.objects.filter(pk=page_id).select_related("locale"), request),
    )
    return links[0] if links else None
