"""The languages of attached content, and of the pages that show it.

Attachable content is written in the site's content languages (Wagtail's
WAGTAIL_CONTENT_LANGUAGES); a person's preferred language is any language code ("en-gb",
"bn"). Text shown in another language than the page around it is marked with `lang` and `dir`,
so a screen reader speaks it in the right voice and right-to-left pages keep it in order.
"""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info, pgettext
from wagtail.coreutils import get_supported_content_language_variant


def content_language(code: str) -> str:
    """The content language to show someone who prefers `code`: that language or its general
    form ("en-gb" is "en"), otherwise the site's default language."""
    for candidate in (code, settings.LANGUAGE_CODE):
        try:
            return get_supported_content_language_variant(candidate)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def default_content_language() -> str:
    """The language content is written in first (English on this site): the fallback."""
    return content_language(settings.LANGUAGE_CODE)


def _info(code: str) -> dict | None:
    try:
        return get_language_info(code)
    except KeyError:
        return None


def language_name(code: str) -> str:
    """The language's name in that language, as people look for it: "Cymraeg", "اردو"."""
    info = _info(code)
    name = info["name_local"] if info else code
    return name[:1].upper() + name[1:]


def is_right_to_left(code: str) -> bool:
    info = _info(code)
    return bool(info and info["bidi"])


def _same_language(code: str, other: str | None) -> bool:
    if not other:
        return False
    return code.split("-")[0].lower() == other.split("-")[0].lower()


def language_attributes(code: str) -> SafeString:
    """` lang=".." dir=".."` for text in `code` when the page is in another language; nothing
    when it is the page's own language or unknown."""
    if not code or _same_language(code, get_language()):
        return SafeString("")
    direction = "rtl" if is_right_to_left(code) else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


def marked(text: str, code: str) -> SafeString:
    """Text written in `code`, marked as such where the page is in another language, to sit
    inside a sentence of the page's own language."""
    return format_html("<span{}>{}</span>", language_attributes(code), text)


def language_names(codes: list[str]) -> SafeString:
    """The languages' own names, each marked with its language, in a list for a sentence."""
    separator = pgettext("between the items of a list", ", ")
    return format_html_join(
        separator, "{}", ((marked(language_name(code), code),) for code in codes)
    )


def text_direction(value: object) -> str:
    """The direction of text someone typed, from its first letter that has one: English typed
    into an Urdu person's plan reads left to right, with its full stop at the end, and the
    other way round. "auto" when it has no such letter (a number, say)."""
    for character in str(value or ""):
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "auto"


def typed(value: str | None) -> str | None:
    """Text someone typed, inside a sentence of the page's language: isolated, in its own
    direction."""
    if not value:
        return value
    return format_html('<bdi dir="{}">{}</bdi>', text_direction(value), value)
