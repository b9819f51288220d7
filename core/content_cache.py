"""Cache for reads that only change when published content changes.

Keys carry a content version that every publish, unpublish, move or deletion bumps, so
people see new content at once and nothing stale is served after an edit. Entries also
expire after CONTENT_CACHE_SECONDS, which bounds staleness when the cache is per process
(set REDIS_URL in production so all workers share one cache and one version).
Only public, published content goes in here; drafts, previews and plans never do.
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

CONTENT_CACHE_SECONDS = 300
VERSION_KEY = "content-version"
T = TypeVar("T")


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def bump_content_version(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def cached_content(key: str, compute: Callable[[], T]) -> T:
    versioned_key = f"content:{content_version()}:{key}"
    value = cache.get(versioned_key)
    if value is None:
        value = compute()
        cache.set(versioned_key, value, CONTENT_CACHE_SECONDS)
    return value


def connect_signals() -> None:
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(bump_content_version, dispatch_uid=f"bump-content-{id(signal)}")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid="bump-content-page")


def bump_on_save(sender) -> None:
    """For models whose saved state is public at once (settings, topics)."""
    post_save.connect(bump_content_version, sender=sender, dispatch_uid=f"bump-save-{sender}")
    post_delete.connect(bump_content_version, sender=sender, dispatch_uid=f"bump-del-{sender}")


def page_number_key(requested: str | None) -> str:
    """The page Paginator.get_page() will serve, as a cache key: anything that is not a whole
    number means page 1, and a number below 1 means the last page."""
    try:
        number = int(requested or "1")
    except ValueError:
        return "1"
    return "last" if number < 1 else str(min(number, 1_000_000))
