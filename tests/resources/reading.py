"""Read a rendered library or directory page the way a person scans it: the results heading,
the result titles, the filter checkboxes with their counts, and the next/previous links."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass
class FilterOption:
    group: str
    value: str
    checked: bool
    label: str = ""

    @property
    def count(self) -> int:
        match = re.search(r"\((\d+)\)\s*$", self.label)
        assert match, f"no count in the label {self.label!r}"
        return int(match.group(1))


@dataclass
class ListingPage:
    heading: str = ""
    results: list[tuple[str, str]] = field(default_factory=list)  # (title, href)
    options: list[FilterOption] = field(default_factory=list)
    next_href: str | None = None
    previous_href: str | None = None

    @property
    def titles(self) -> list[str]:
        return [title for title, _href in self.results]

    def option(self, group: str, value: str) -> FilterOption:
        for option in self.options:
            if (option.group, option.value) == (group, value):
                return option
        raise AssertionError(f"no filter checkbox {group}={value}")

    def counts(self, group: str) -> dict[str, int]:
        return {option.value: option.count for option in self.options if option.group == group}

    def checked(self) -> set[tuple[str, str]]:
        return {(option.group, option.value) for option in self.options if option.checked}

    @staticmethod
    def query_of(href: str | None) -> dict[str, list[str]]:
        assert href is not None
        return parse_qs(urlsplit(href).query)


class _ListingParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ListingPage()
        self._options_by_id: dict[str, FilterOption] = {}
        self._label_for: str | None = None
        self._in_heading = False
        self._in_result_title = False
        self._result_href: str | None = None
        self._text: list[str] = []

    def _collecting(self) -> bool:
        return bool(self._label_for or self._in_heading or self._in_result_title)

    def handle_starttag(self, tag, attrs):
        if self._collecting():
            self._text.append(" ")  # "45 resources<span>Page 1 of 3</span>" reads as two parts
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "input" and attributes.get("type") == "checkbox":
            option = FilterOption(
                group=attributes.get("name", ""),
                value=attributes.get("value", ""),
                checked="checked" in attributes,
            )
            self.page.options.append(option)
            self._options_by_id[attributes.get("id", "")] = option
        elif tag == "label" and attributes.get("for") in self._options_by_id:
            self._label_for = attributes["for"]
            self._text = []
        elif tag == "h2" and attributes.get("id") == "results-heading":
            self._in_heading = True
            self._text = []
        elif tag == "h3" and "app-result__title" in classes:
            self._in_result_title = True
            self._text = []
        elif tag == "a" and self._in_result_title:
            self._result_href = attributes.get("href")
        elif tag == "a" and attributes.get("rel") == "next":
            self.page.next_href = attributes.get("href")
        elif tag == "a" and attributes.get("rel") == "prev":
            self.page.previous_href = attributes.get("href")

    def handle_endtag(self, tag):
        text = " ".join("".join(self._text).split())
        if tag == "label" and self._label_for:
            self._options_by_id[self._label_for].label = text
            self._label_for = None
        elif tag == "h2" and self._in_heading:
            self.page.heading = text
            self._in_heading = False
        elif tag == "h3" and self._in_result_title:
            self.page.results.append((text, self._result_href or ""))
            self._in_result_title = False
            self._result_href = None

    def handle_data(self, data):
        if self._collecting():
            self._text.append(data)


def read_listing(response) -> ListingPage:
    assert response.status_code == 200, response.status_code
    parser = _ListingParser()
    parser.feed(response.content.decode())
    parser.close()
    return parser.page


def settle_site(client, site_tree) -> None:
    """The first visit to a new site creates its settings, which counts as a content change
    and empties the content cache; real sites already have theirs. Tests of caching and
    query counts visit once first so they measure the steady state."""
    client.get(site_tree["home"].url)


def cold_queries(client, site_tree, url) -> int:
    """Queries for one request with the content cache empty: the real cost of the page."""
    settle_site(client, site_tree)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)
