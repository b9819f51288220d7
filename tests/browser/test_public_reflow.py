"""Every public page at 320px wide and at 200% zoom (a 640 CSS px viewport), in a real
browser: no sideways scrolling, no text cut off (WCAG 1.4.10, reflow).

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.public import (
    REFLOW_PROBLEMS,
    SMALL_PHONE,
    ZOOM_200,
)

# The live server needs committed data: each test runs in real transactions, and the tables
# are emptied afterwards (the `library` fixture puts back what Wagtail's migrations made).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", [SMALL_PHONE, ZOOM_200], ids=["320px", "200%-zoom"])
def test_public_pages_reflow(live_server, site, new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    organisation = site["organisation"]
    paths = {
        "home": "/",
        "library": site["library"].url,
        "resource": site["resource"].url,
        "directory": site["directory"].url,
        "organisation": organisation.get_url(site["directory"]),
        "search": "/search/?q=goal+setting",
    }
    problems = {}
    for name, path in paths.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.ok, (name, path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if found := page.evaluate(REFLOW_PROBLEMS):
            problems[name] = found
    assert not problems, problems
