"""Lighthouse 12 on the public pages people land on: home, the library, a resource and search
results, with the real starter content. Accessibility and best practices must score at least
0.95; performance and SEO are recorded (printed, and written to bench-results/lighthouse.json)
to be quoted, not failed: the live test server is not the production set-up (no compression
or far-future caching of static files, no TLS)."""

from __future__ import annotations

import json
import time

import pytest

from tests.browser.page_checks import ROOT, load_starter_content, run_lighthouse
from tests.factories import restore_wagtail_initial_data

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.backend_independent]

PAGES = {
    "home": "/en/",
    "library": "/en/resources/",
    "resource": "/en/resources/my-life-my-goals/",
    "search results": "/en/search/?q=care+plan",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REQUIRED = {"accessibility": 0.95, "best-practices": 0.95}
REPORT = ROOT / "bench-results" / "lighthouse.json"


def test_lighthouse_scores(live_server, transactional_db, monkeypatch):
    restore_wagtail_initial_data()
    load_starter_content(monkeypatch, ("en",))

    started = time.monotonic()
    urls = {name: f"{live_server.url}{path}" for name, path in PAGES.items()}
    results = run_lighthouse(list(urls.values()), REPORT)
    seconds = time.monotonic() - started

    summary = {name: results[url] for name, url in urls.items()}
    REPORT.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    lines = [f"\nLighthouse 12 ({seconds:.0f}s), mobile, simulated throttling:"]
    lines.append(f"  {'page':<16}" + "".join(f"{category:>16}" for category in CATEGORIES))
    for name, result in summary.items():
        scores = result["scores"]
        lines.append(
            f"  {name:<16}"
            + "".join(f"{_score(scores.get(category)):>16}" for category in CATEGORIES)
        )
    for name, result in summary.items():
        for category in CATEGORIES:
            for audit in result["failing"].get(category, []):
                lines.append(f"  {name}, {category}: {audit}")
        for message in result["console"]:
            lines.append(f"  {name}, console: {message}")
    print("\n".join(lines))

    problems = []
    for name, result in summary.items():
        if result["runtimeError"]:
            problems.append(f"{name}: Lighthouse could not run: {result['runtimeError']}")
            continue
        for category, minimum in REQUIRED.items():
            score = result["scores"].get(category)
            if score is None or score < minimum:
                failing = "; ".join(result["failing"].get(category, [])) or "(no audit listed)"
                problems.append(f"{name}: {category} {_score(score)} < {minimum}: {failing}")
    assert not problems, "\n".join(problems)


def _score(score: float | None) -> str:
    return "-" if score is None else f"{score:.2f}"
