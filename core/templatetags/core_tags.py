"""Template tags every site template may use: languages, page links, dates."""

from django import template
from django.conf import settings
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, gettext
from wagtail.models import Page

from core.languages import (
    LanguageVersion,
    PageLink,
    language_name,
    language_versions,
    page_content_language,
    page_link,
)

register = template.Library()


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


@register.filter
def phone_label(label: str, language: str | dict | None):
    """What a phone number is called: the organisation's own name for the line ("Helpline"),
    marked in the language it is written in, or "Phone" when it has none."""
    return in_language(label, language) if label else gettext("Phone")


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
