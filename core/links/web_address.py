"""Telling a web address from anything else, before any request is made.

httpx accepts almost any string (it percent-encodes a space in a host name, for one), so the
checker decides for itself what it will request: http or https, and a host that is a valid
domain name or IP address. Whatever fails is reported as invalid rather than raising.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

import httpx

from core.links.results import NOT_A_WEB_ADDRESS, NOT_HTTP

WEB_SCHEMES = frozenset({"http", "https"})
# A DNS label as found in practice: letters, digits, hyphens inside, underscores tolerated.
LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")


class NotAWebAddress(ValueError):
    """The text cannot be requested; `reason` says why in plain English."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_web_address(text: str) -> httpx.URL:
    """The address to request for `text`, without its fragment (never sent to the server)."""
    text = text.strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
        url = httpx.URL(text)
    except (ValueError, httpx.InvalidURL):
        raise NotAWebAddress(NOT_A_WEB_ADDRESS) from None
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise NotAWebAddress(NOT_HTTP if scheme and parts.netloc else NOT_A_WEB_ADDRESS)
    if not _is_valid_host(url.raw_host):
        raise NotAWebAddress(NOT_A_WEB_ADDRESS)
    return url.copy_with(fragment=None)


def follow_location(current: httpx.URL, location: str) -> httpx.URL:
    """A redirect's target, a relative Location resolved against the address that gave it."""
    try:
        joined = current.join(location.strip())
    except (ValueError, httpx.InvalidURL):
        raise NotAWebAddress(NOT_A_WEB_ADDRESS) from None
    return parse_web_address(str(joined))


def host_key(url: httpx.URL) -> str:
    """The host whose politeness limits a request counts against."""
    return url.raw_host.decode("ascii").lower()


def _is_valid_host(raw_host: bytes) -> bool:
    try:
        host = raw_host.decode("ascii").lower()
    except UnicodeDecodeError:
        return False
    if not host:
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return True
    host = host.removesuffix(".")
    if len(host) > 253:
        return False
    return all(LABEL.match(label) for label in host.split("."))
