"""A reader stays in their language: every page of every language is crawled, and a link into
another language fails the test wherever the target has a version in the page's language.

The language switcher is the one place that links to other languages on purpose, and is left
out. A page that is not translated yet is still there in every language (an English alias,
labelled), so a link to it stays in the reader's language too."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, Site

from pages.models import ContentPage, SiteSettings
from resources.models import ResourcePage
from tests.shared_data import made_once_for_the_module

pytestmark = pytest.mark.django_db

CODES = [code for code, _name in settings.LANGUAGES]
OWN_HOSTS = {"", "testserver", "localhost"}


@dataclass
class Link:
    href: str
    text: str


@dataclass
class LinkCollector(HTMLParser):
    """Every <a href> outside the language switcher, with its text."""

    links: list[Link] = field(default_factory=list)
    _switcher_depth: int = 0
    _open: list[Link] = field(default_factory=list)

    def __post_init__(self):
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._switcher_depth:
            if tag == "nav":
                self._switcher_depth += 1
            return
        if tag == "nav" and "app-language-switcher" in (attributes.get("class") or ""):
            self._switcher_depth = 1
            return
        if tag == "a" and attributes.get("href"):
            link = Link(attributes["href"], "")
            self.links.append(link)
            self._open.append(link)

    def handle_endtag(self, tag):
        if self._switcher_depth:
            if tag == "nav":
                self._switcher_depth -= 1
            return
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for link in self._open:
            link.text += data


def links_of(html: str) -> list[Link]:
    collector = LinkCollector()
    collector.feed(html)
    return collector.links


def internal_path(href: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme not in ("", "http", "https") or parts.hostname not in (None, *OWN_HOSTS):
        return None
    if not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def language_of(path: str) -> str | None:
    first = path.split("/", 2)[1] if path.count("/") >= 2 else ""
    return first if first in CODES else None


def load_starter_site():
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_starter_content", verbosity=0)
    english = Locale.objects.get(language_code="en")
    resources = list(ResourcePage.objects.filter(locale=english).live().order_by("pk"))
    explanation = ContentPage.objects.filter(locale=english).live().order_by("pk").first()
    # Links of every kind an editor can make, to pages that exist in every language: a
    # rich-text link and a next-step (action) link in a page's body, and a footer link.
    explanation.body.extend(
        [
            (
                "paragraph",
                f'<p>Read <a linktype="page" id="{resources[0].pk}">this guide</a>.</p>',
            ),
            ("action_link", {"text": "Find a resource", "page": resources[1]}),
        ]
    )
    explanation.save_revision().publish()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_links = [("link", {"text": "About planning", "page": explanation})]
    site_settings.save()
    return explanation


@pytest.fixture(scope="module")
def starter_site(django_db_setup, django_db_blocker):
    """Loaded once for both tests: they only read it."""
    with made_once_for_the_module(django_db_blocker, load_starter_site) as explanation:
        yield explanation


def crawl(client, code: str, limit: int = 400) -> dict[str, str]:
    """Every page reachable from the language's home page without leaving the language,
    query strings aside (the library's filter links are one page), and pages of search
    results and filtered listings."""
    pages: dict[str, str] = {}
    queue = deque(
        [
            f"/{code}/",
            f"/{code}/search/?q=care",
            f"/{code}/search/?q=dementia&page=2",
            f"/{code}/resources/?topic=goal-setting",
        ]
    )
    while queue and len(pages) < limit:
        path = queue.popleft()
        if path in pages:
            continue
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        pages[path] = response.content.decode()
        for link in links_of(pages[path]):
            target = internal_path(link.href)
            if target is None or "?" in target or "#" in target:
                continue
            if language_of(target) == code and target not in pages:
                queue.append(target)
    return pages


def test_every_page_of_every_language_links_within_its_language(client, starter_site):
    crawled = {}
    wrong = []
    for code in CODES:
        pages = crawl(client, code)
        crawled[code] = len(pages)
        for path, html in pages.items():
            for link in links_of(html):
                target = internal_path(link.href)
                if target is None:
                    continue
                target_language = language_of(target)
                if target_language is None or target_language == code:
                    continue
                in_own_language = f"/{code}/" + target.split("/", 2)[2]
                if client.get(in_own_language).status_code == 200:
                    wrong.append(f"{path}: “{link.text.strip()}” -> {target}")

    assert not wrong, "Links into another language:\n" + "\n".join(sorted(set(wrong)))
    # The crawl really walked each language's site: home, library, every resource, the
    # directory and its organisations, the explanatory pages.
    english_pages = Page.objects.filter(locale__language_code="en", depth__gt=1).live().count()
    for code in CODES:
        assert crawled[code] >= english_pages, (code, crawled[code], english_pages)


# Text in another language is marked ------------------------------------------------------

LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'\u2019]*(?:[\s,:.\u2013-]+[A-Za-z][A-Za-z'\u2019]*){2,}")
NUMBER = re.compile(r"\d[\d ]{6,}\d")  # phone numbers, NHS numbers
VOID_ELEMENTS = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"}


@dataclass
class UnmarkedText(HTMLParser):
    """Text runs on a right-to-left page that are not marked as what they are: three or more
    English words outside any element with another lang, and numbers (phone, NHS) outside
    any element with dir="ltr", which right-to-left layout would turn around."""

    page_language: str = "ur"
    found: list[str] = field(default_factory=list)
    _stack: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    def __post_init__(self):
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            attributes = dict(attrs)
            self._stack.append((tag, attributes.get("lang"), attributes.get("dir")))

    def handle_endtag(self, tag):
        while self._stack and self._stack.pop()[0] != tag:
            pass

    def _nearest(self, index: int) -> str | None:
        return next((item[index] for item in reversed(self._stack) if item[index]), None)

    def handle_data(self, data):
        if any(tag in ("script", "style", "title") for tag, _lang, _dir in self._stack):
            return
        text = " ".join(data.split())
        language = self._nearest(1) or self.page_language
        if LATIN_WORDS.search(text) and language == self.page_language:
            self.found.append(f"English not marked: {text!r}")
        if NUMBER.search(text) and self._nearest(2) != "ltr":
            self.found.append(f"Number not kept left to right: {text!r}")


def translators_own_words(code: str) -> list[str]:
    """What the starter translations' translators wrote, which keeps some proper names in
    English inside their sentences (WCAG 3.1.2 does not ask for those to be marked)."""
    from starter.data.translations import CATALOGUE_DIRECTORY

    catalogue = polib.pofile(str(CATALOGUE_DIRECTORY / f"{code}.po"))
    return [" ".join(strip_tags(entry.msgstr).split()) for entry in catalogue if entry.msgstr]


def test_english_and_numbers_on_urdu_pages_are_marked(client, starter_site):
    own_words = translators_own_words("ur")
    unmarked = set()
    for path, html in crawl(client, "ur").items():
        checker = UnmarkedText()
        checker.feed(html)
        for finding in checker.found:
            text = finding.split(": ", 1)[1].strip("'\"")
            if not any(text in written for written in own_words):
                unmarked.add(f"{path}: {finding}")

    assert not unmarked, "\n".join(sorted(unmarked))
