from django import template
from django.conf import settings
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from website.content_cache import cached_content
from website.languages import (
    LanguageVersion,
    PageLink,
    content_language_expression,
    language_name,
    language_versions,
    page_content_language,
    page_link,
    page_links,
)
from website.models import HomePage, SiteSettings

register = template.Library()


def _site_chrome(site: Site, request) -> dict:
    # Fetched as a home page (one query, as for a plain page), so its introduction is at hand.
    root = (
        HomePage.objects.filter(pk=site.root_page_id).first()
        or Page.objects.filter(pk=site.root_page_id).first()
    )
    if root is None:
        return {"home": None, "navigation": [], "description": ""}
    locale = Locale.get_active()
    home = root if root.locale_id == locale.pk else root.get_translation_or_none(locale) or root
    navigation = [
        {
            "title": page.title,
            "url": page.get_url(request=request),
            "url_path": page.url_path,
            # An untranslated page's title is in the language it was copied from.
            "content_language": page.content_language,
        }
        for page in home.get_children()
        .live()
        .in_menu()
        .annotate(content_language=content_language_expression())
    ]
    # What the site is for, in the reader's language: the description of pages with none.
    description = getattr(home, "introduction", "")
    return {"home": home, "navigation": navigation, "description": description}


@register.simple_tag(takes_context=True)
def site_chrome(context) -> dict:
    """The home page and menu in the visitor's language, cached until content changes."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"home": None, "navigation": [], "description": ""}
    chrome = cached_content(
        f"chrome:{site.pk}:{get_language()}", lambda: _site_chrome(site, request)
    )
    current_path = getattr(context.get("page"), "url_path", "")
    return {
        "home": chrome["home"],
        "description": chrome.get("description", ""),
        "navigation": [
            {**item, "is_current": current_path.startswith(item["url_path"])}
            for item in chrome["navigation"]
        ],
    }


@register.simple_tag(takes_context=True)
def site_home_page(context) -> Page | None:
    return site_chrome(context)["home"]


@register.simple_tag(takes_context=True)
def site_description(context) -> str:
    """What the site is for, in the reader's language (its home page's introduction): the
    description of a page that has none of its own, such as search and error pages."""
    return site_chrome(context)["description"]


@register.filter
def short_date(value) -> str:
    if not value:
        return ""
    return date_format(value, "j E Y")


@register.simple_tag
def breadcrumb_ancestors(page) -> list[Page]:
    """Ancestors below the tree root, home page first."""
    if page is None:
        return []
    return list(page.get_ancestors().filter(depth__gt=1))


@register.simple_tag(takes_context=True)
def page_language_versions(context) -> list[LanguageVersion]:
    page = context.get("page")
    return language_versions(context.get("request"), page if isinstance(page, Page) else None)


@register.simple_tag(takes_context=True)
def localised_page_link(context, page: Page | int | None) -> PageLink | None:
    """A link editors chose (rich text aside, which Wagtail localises itself) to the chosen
    page's version in the reader's language; None when the page is gone or unpublished."""
    return page_link(page, context.get("request"))


@register.simple_tag
def configured_languages() -> list[dict]:
    return [
        {
            "code": code,
            "name": language_name(code),
            "is_current": code == get_language(),
            "is_bidi": get_language_info(code)["bidi"],
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag(takes_context=True)
def content_language(context) -> dict | None:
    """The language of the main content when it differs from the page's language: a page
    not translated yet (an alias of the English, or a translation not yet published), or an
    organisation shown in English. A preview shows the draft itself, in its own language,
    except for an alias."""
    current = get_language()
    code = context.get("content_language_code")
    page = context.get("page")
    request = context.get("request")
    if code is None and isinstance(page, Page) and current != settings.LANGUAGE_CODE:
        if getattr(request, "is_preview", False):
            if page.alias_of_id:
                code = page.alias_of.locale.language_code
        else:
            code = page_content_language(page)
    if not code or code == current:
        return None
    return get_language_info(code)


@register.filter
def in_language(value, language: str | dict | None):
    """Text in another language than the page's, such as an English title or name placed
    inside a translated sentence, marked so that a screen reader reads it in its own voice.
    The language is a code, or the page's `content_language` (None: the page's own)."""
    code = language.get("code") if isinstance(language, dict) else language
    if not value or not code or code == get_language():
        return value
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return format_html('<span lang="{}" dir="{}">{}</span>', code, direction, value)


@register.simple_tag(takes_context=True)
def content_lang(context, *item_language: str | None) -> str:
    """lang and dir attributes for content written in another language than the page's.
    With no argument: the page's own content (the English of an untranslated page, from the
    context). With one: a listed item's language, None when it is the page's language."""
    if item_language:
        code = item_language[0]
        language = get_language_info(code) if code and code != get_language() else None
    else:
        language = context.get("content_language")
    if not language:
        return ""
    direction = "rtl" if language["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language["code"], direction)


@register.filter
def in_source_language(text: str) -> str:
    """Text editors typed into the site settings, which are written once, in the site's
    source language: marked with lang and dir on a page in another language, so screen
    readers pronounce it right and right-to-left pages keep it in order."""
    code = settings.LANGUAGE_CODE
    if not text or code == get_language():
        return text
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return format_html('<span lang="{}" dir="{}">{}</span>', code, direction, text)


def _footer_links(site_settings, request) -> list[dict]:
    blocks = [block.value for block in site_settings.footer_links]
    # Each chosen page's version in the reader's language, in one query for them all.
    pages = {
        link.page.translation_key: link
        for link in page_links((value["page"] for value in blocks), request)
    }
    links = []
    for link in blocks:
        if link["page"] is not None:
            version = pages.get(link["page"].translation_key)
            if version is None:  # unpublished or deleted
                continue
            links.append(
                {
                    "url": version.url,
                    "text": link["text"] or version.title,
                    # Typed words are in the source language; an untranslated page's title is
                    # in the language it is an alias of.
                    "language": settings.LANGUAGE_CODE
                    if link["text"]
                    else version.content_language,
                }
            )
        elif link["external_url"]:
            links.append(
                {
                    "url": link["external_url"],
                    "text": link["text"],
                    "language": settings.LANGUAGE_CODE,
                }
            )
    return links


@register.simple_tag(takes_context=True)
def footer_links(context) -> list[dict]:
    """The footer's links from the site settings, each to the page in the reader's language,
    cached until content or the settings change."""
    request = context.get("request")
    if request is None:
        return []
    try:
        site_settings = SiteSettings.for_request(request)
    except SiteSettings.DoesNotExist:  # no site answers for this host
        return []
    return cached_content(
        f"footer-links:{site_settings.pk}:{get_language()}",
        lambda: _footer_links(site_settings, request),
    )
