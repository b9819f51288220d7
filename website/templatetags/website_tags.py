from django import template
from django.conf import settings
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from website.content_cache import cached_content
from website.languages import (
    LanguageVersion,
    content_language_expression,
    language_name,
    language_versions,
    page_content_language,
)

register = template.Library()


def _site_chrome(site: Site, request) -> dict:
    root = Page.objects.filter(pk=site.root_page_id).first()
    if root is None:
        return {"home": None, "navigation": []}
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
    return {"home": home, "navigation": navigation}


@register.simple_tag(takes_context=True)
def site_chrome(context) -> dict:
    """The home page and menu in the visitor's language, cached until content changes."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"home": None, "navigation": []}
    chrome = cached_content(
        f"chrome:{site.pk}:{get_language()}", lambda: _site_chrome(site, request)
    )
    current_path = getattr(context.get("page"), "url_path", "")
    return {
        "home": chrome["home"],
        "navigation": [
            {**item, "is_current": current_path.startswith(item["url_path"])}
            for item in chrome["navigation"]
        ],
    }


@register.simple_tag(takes_context=True)
def site_home_page(context) -> Page | None:
    return site_chrome(context)["home"]


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
