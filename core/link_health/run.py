"""One run of the link check: collect, check, record."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.conf import settings
from django.db import transaction

from core.link_health.collect import collect_links
from core.link_health.models import FAILURES, CheckedLink, LinkCheck
from core.links import LinkResult, check_links


def checker_options() -> dict:
    """The checker's options from settings.LINK_CHECKER; private and loopback addresses are
    never followed unless a setting says so (tests and local benchmarks only)."""
    options = {"site_url": getattr(settings, "WAGTAILADMIN_BASE_URL", None)}
    options.update(getattr(settings, "LINK_CHECKER", {}))
    return options


def record(results: list[LinkResult]) -> Counter:
    """Store each result in the link's history and move the link to its new state."""
    links = {
        link.url: link for link in CheckedLink.objects.filter(url__in=[r.url for r in results])
    }
    checks, states = [], Counter()
    for result in results:
        link = links.get(result.url)
        if link is None:  # dropped from the content while it was being checked
            continue
        link.state = link.state_after(result.outcome, result.checked_at)
        failed = result.outcome in FAILURES
        link.first_failed_at = (link.first_failed_at or result.checked_at) if failed else None
        link.status_code = result.status_code
        link.error = (result.error or "")[:300]
        link.suggested_url = result.suggested_url or ""
        link.last_checked_at = result.checked_at
        states[link.state] += 1
        checks.append(
            LinkCheck(
                link=link,
                checked_at=result.checked_at,
                outcome=result.outcome.value,
                status_code=result.status_code,
                final_url=result.final_url or "",
                redirects=[list(hop) for hop in result.redirects],
                error=(result.error or "")[:300],
                elapsed_ms=result.elapsed_ms,
            )
        )
    fields = ["state", "first_failed_at", "status_code", "error", "suggested_url"]
    with transaction.atomic():
        checked = [links[result.url] for result in results if result.url in links]
        CheckedLink.objects.bulk_update(checked, [*fields, "last_checked_at"], batch_size=500)
        LinkCheck.objects.bulk_create(checks, batch_size=500)
    return states


def run_link_check(on_progress: Callable[[int, int], None] | None = None) -> Counter:
    """Check every link in published content; returns how many links are in each state."""
    collect_links()
    addresses = list(CheckedLink.objects.values_list("url", flat=True))
    results = check_links(addresses, on_progress=on_progress, **checker_options())
    return record(results)
