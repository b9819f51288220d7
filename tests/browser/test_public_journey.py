"""The public's journeys in a real browser (Debian's Chromium through Playwright): find a
resource about goal setting by topic, by the library's filters (with and without JavaScript)
and by search; open a support organisation and ring it; change language and stay on the same
page.

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.public import (
    DESKTOP,
    HELPLINE,
    HELPLINE_TEL,
    OTHER_RESOURCE,
    PHONE,
    RESOURCE,
    open_filters,
    open_the_resource,
    results,
)

# The live server needs committed data: each test runs in real transactions, and the tables
# are emptied afterwards (the `library` fixture puts back what Wagtail's migrations made).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_finding_a_goal_setting_resource(live_server, site, new_context, viewport):
    base_url = live_server.url
    page = new_context(viewport=viewport).new_page()

    # (a) Browse by topic: the home page's topic links open the library filtered by topic.
    page.goto(f"{base_url}/")
    topics = page.locator(".app-topic-list")
    topics.get_by_role("link", name="Goal setting").click()
    expect(page).to_have_url(re.compile(r"/resources/\?topic=goal-setting$"))
    expect(page.locator(".app-chosen-filters").get_by_role("listitem")).to_have_text(
        ["Goal setting"]
    )
    expect(results(page).get_by_role("link", name=RESOURCE)).to_be_visible()
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_have_count(0)
    open_the_resource(page)

    # (b) Filter in the library: tick the topic, apply.
    page.goto(f"{base_url}/")
    page.get_by_role("link", name="Browse all resources").click()
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_be_visible()
    open_filters(page, "Filter resources")
    page.get_by_role("checkbox", name=re.compile(r"^Goal setting")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]topic=goal-setting(&|$)"))
    expect(page.get_by_role("heading", name="1 resource", exact=True)).to_be_visible()
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_have_count(0)
    open_the_resource(page)

    # (c) Search from the header.
    page.goto(f"{base_url}/")
    page.get_by_role("searchbox", name="Search this website").fill("goal setting")
    page.locator("#search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=goal\+setting$"))
    expect(
        page.get_by_role("heading", name=re.compile(r"results? for “goal setting”"))
    ).to_be_visible()
    page.get_by_role("main").get_by_role("link", name=RESOURCE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(RESOURCE)


def test_filtering_the_library_without_javascript(live_server, site, new_context):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/")
    expect(page.locator("body")).not_to_have_class(re.compile(r"js-enabled"))
    page.get_by_role("link", name="Browse all resources").click()
    open_filters(page, "Filter resources")
    page.get_by_role("checkbox", name=re.compile(r"^Goal setting")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]topic=goal-setting(&|$)"))
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_have_count(0)
    open_the_resource(page)


def test_ringing_a_support_organisation_from_a_phone(live_server, site, new_context):
    page = new_context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Find an organisation that can help").click()
    results(page).get_by_role("link", name=HELPLINE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HELPLINE)

    phone = page.get_by_role("main").get_by_role("link", name="0800 888 6678")
    expect(phone).to_have_attribute("href", HELPLINE_TEL)
    expect(phone).to_be_in_viewport()
    # WCAG 2.2's target size (2.5.8, AA) is at least 24 by 24 CSS px; NHS.UK aims for 44.
    box = phone.bounding_box()
    assert box is not None and box["width"] >= 44 and box["height"] >= 24, box
    # Nothing else sits on top of it: a tap in its middle lands on the link.
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('a')?.getAttribute('href')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top == HELPLINE_TEL


def test_the_language_switcher_keeps_the_same_page(live_server, site, new_context):
    page = new_context(viewport=PHONE).new_page()
    resource_url = site["resource"].url
    page.goto(f"{live_server.url}{resource_url}")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Cymraeg").click()

    assert resource_url.startswith("/en/")
    expect(page).to_have_url(f"{live_server.url}/cy/{resource_url.removeprefix('/en/')}")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=1)).to_have_text(RESOURCE)
    # Not translated yet: the English text, marked as English, under a Welsh notice.
    expect(page.locator("h1")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Neidio i'r prif gynnwys")).to_be_attached()
