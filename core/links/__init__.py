"""Checking external links politely: which work, which moved for good, which are broken.

    results = check_links(urls, site_url="https://dementia.example.org")

Plain Python with httpx, no models: callers decide what to store and when to run it.
"""

from core.links.addresses import is_public_address
from core.links.results import LinkResult, Outcome
from core.links.runner import check_links, check_links_async
from core.links.settings import CheckOptions, Settings

__all__ = [
    "CheckOptions",
    "LinkResult",
    "Outcome",
    "Settings",
    "check_links",
    "check_links_async",
    "is_public_address",
]
