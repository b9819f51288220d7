"""The languages a person's plan can say they prefer: the main languages spoken in England
(ONS Census 2021, "main language"), with Welsh and British Sign Language, as BCP 47 codes (what
FHIR's Patient.communication carries as urn:ietf:bcp:47). Each is named in the reader's
language and in its own, so that people can find it: "Urdu (اردو)".

A site can give its own list in the setting PLAN_BUILDER_LANGUAGES: (code, name, own name)
tuples, with names marked for translation. A code stored earlier that is no longer listed is
kept: it is offered again for that person and named as well as Django can."""

from __future__ import annotations

from typing import NamedTuple

from django.conf import settings
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

ANOTHER_LANGUAGE = "other"
"""Stored when the language is not in the list; the person's words say which it is."""


class Language(NamedTuple):
    code: str  # BCP 47
    name: StrOrPromise  # in English, marked for translation
    own_name: str = ""  # as its speakers write it ("" when the same as in English)


ENGLAND_LANGUAGES = (
    Language("en", _("English")),
    Language("sq", _("Albanian"), "Shqip"),
    Language("ar", _("Arabic"), "العربية"),
    Language("bn", _("Bengali"), "বাংলা"),
    Language("bfi", _("British Sign Language (BSL)")),
    Language("bg", _("Bulgarian"), "български"),
    Language("yue", _("Cantonese"), "廣東話"),
    Language("fr", _("French"), "français"),
    Language("de", _("German"), "Deutsch"),
    Language("el", _("Greek"), "Ελληνικά"),
    Language("gu", _("Gujarati"), "ગુજરાતી"),
    Language("hi", _("Hindi"), "हिन्दी"),
    Language("hu", _("Hungarian"), "magyar"),
    Language("it", _("Italian"), "italiano"),
    Language("ku", _("Kurdish"), "Kurdî, کوردی"),
    Language("lv", _("Latvian"), "latviešu"),
    Language("lt", _("Lithuanian"), "lietuvių"),
    Language("ml", _("Malayalam"), "മലയാളം"),
    Language("cmn", _("Mandarin"), "普通话"),
    Language("ne", _("Nepali"), "नेपाली"),
    Language("pa", _("Panjabi"), "ਪੰਜਾਬੀ, پنجابی"),
    Language("ps", _("Pashto"), "پښتو"),
    Language("fa", _("Persian (Farsi)"), "فارسی"),
    Language("pl", _("Polish"), "polski"),
    Language("pt", _("Portuguese"), "português"),
    Language("ro", _("Romanian"), "română"),
    Language("ru", _("Russian"), "русский"),
    Language("si", _("Sinhala"), "සිංහල"),
    Language("sk", _("Slovak"), "slovenčina"),
    Language("so", _("Somali"), "Soomaali"),
    Language("es", _("Spanish"), "español"),
    Language("syl", _("Sylheti"), "সিলেটি"),
    Language("tl", _("Tagalog or Filipino")),
    Language("ta", _("Tamil"), "தமிழ்"),
    Language("ti", _("Tigrinya"), "ትግርኛ"),
    Language("tr", _("Turkish"), "Türkçe"),
    Language("uk", _("Ukrainian"), "українська"),
    Language("ur", _("Urdu"), "اردو"),
    Language("vi", _("Vietnamese"), "Tiếng Việt"),
    Language("cy", _("Welsh"), "Cymraeg"),
    Language("yo", _("Yoruba"), "Yorùbá"),
)


def languages() -> tuple[Language, ...]:
    return tuple(Language(*entry) for entry in getattr(settings, "PLAN_BUILDER_LANGUAGES", ())) or (
        ENGLAND_LANGUAGES
    )


def label(language: Language, *, own_name: bool = True) -> str:
    """ "Urdu (اردو)" in English, "Wrdw (اردو)" in Welsh, just "اردو" in Urdu; only the first
    part without `own_name`. The own name is isolated (U+2068 … U+2069) so right-to-left and
    left-to-right names keep their order."""
    name = str(language.name)
    if not own_name or not language.own_name or language.own_name.casefold() == name.casefold():
        return name
    return f"{name} (\u2068{language.own_name}\u2069)"


def language_choices(*, keep: str = "") -> list[tuple[str, str]]:
    """English first (most people's), the others by name in the reader's language, then
    "Another language". `keep` is a code already stored for this person: it stays on offer
    even when the list no longer has it, so saving their details never loses it."""
    listed = languages()
    first, rest = listed[:1], sorted(listed[1:], key=lambda language: label(language).casefold())
    choices = [(language.code, label(language)) for language in (*first, *rest)]
    if keep and keep != ANOTHER_LANGUAGE and keep not in {code for code, _name in choices}:
        choices.append((keep, language_name(keep)))
    choices.append((ANOTHER_LANGUAGE, gettext("Another language")))
    return choices


def language_name(code: str, another: str = "", *, own_name: bool = True) -> str:
    """What to call the language with this code, in the reader's language (and its own, with
    `own_name`). For another language it is the words typed for it."""
    if code == ANOTHER_LANGUAGE:
        return another
    for language in languages():
        if language.code == code:
            return label(language, own_name=own_name)
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
