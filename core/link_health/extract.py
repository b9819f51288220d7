"""External addresses in content: in rich text (the `href` of external links; internal
page and document links are stored without one) and anywhere in a StreamField's data."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

# Addresses that are not on the web: nothing to check.
NOT_CHECKED_PREFIXES = ("mailto:", "tel:", "sms:", "#", "/", "?")


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def links_in_html(html: str) -> list[str]:
    parser = _Hrefs()  # lenient: odd markup gives the links it can find, never an error
    parser.feed(html)
    parser.close()
    return parser.hrefs


def links_in_stream_data(data: object) -> Iterator[str]:
    """Every address in raw StreamField data, whatever the block: URL values, and links in
    rich text values."""
    if isinstance(data, dict):
        for value in data.values():
            yield from links_in_stream_data(value)
    elif isinstance(data, list):
        for value in data:
            yield from links_in_stream_data(value)
    elif isinstance(data, str):
        text = data.strip()
        if text.lower().startswith(("http://", "https://")) and " " not in text:
            yield text
        elif "<a " in text:
            yield from links_in_html(text)


def worth_checking(address: str) -> bool:
    """Anything that is not clearly an internal link or another kind of address (email,
    phone) is checked, so that a malformed web address is reported."""
    return bool(address) and not address.lower().startswith(NOT_CHECKED_PREFIXES)


def links_in_stream(stream_value) -> list[str]:
    raw = getattr(stream_value, "raw_data", stream_value)
    return list(links_in_stream_data(list(raw) if raw is not None else []))
