"""The public site on a 390px phone, in English and Urdu, with and without JavaScript: every
section of the header menu is one tap away, the directory and the library show their first
result in the first screen with their filters folded beneath (open beside the results on wider
screens), and the filters work by keyboard.

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.public import (
    DESKTOP,
    HELPLINE,
    MAX_TAB_STOPS,
    PHONE,
    REFLOW_PROBLEMS,
    results,
)

# The live server needs committed data: each test runs in real transactions, and the tables
# are emptied afterwards (the `library` fixture puts back what Wagtail's migrations made).
pytestmark = pytest.mark.django_db(transaction=True)


MENU = {"en": "Menu", "ur": "مینو"}
DIRECTORY = {"en": "Support organisations", "ur": "مدد کرنے والی تنظیمیں"}


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("language", ["en", "ur"])
def test_the_directory_is_one_tap_from_the_header_on_a_phone(
    live_server, phone_site, new_context, language, javascript
):
    """At 390px (an iPhone 12 to 15) every section of the menu shows: none is hidden behind
    a "More" button, which would need JavaScript and a second tap."""
    page = new_context(
        viewport=PHONE, has_touch=True, is_mobile=True, java_script_enabled=javascript
    ).new_page()
    page.goto(f"{live_server.url}/{language}/")

    menu = page.get_by_role("navigation", name=MENU[language])
    for link in menu.get_by_role("link").all():
        expect(link).to_be_in_viewport(ratio=1)
    expect(menu.get_by_role("link")).to_have_count(3)
    expect(menu.get_by_role("button")).to_have_count(0)
    directory = menu.get_by_role("link", name=DIRECTORY[language])
    box = directory.bounding_box()
    assert box is not None and box["height"] >= 44, box

    directory.tap()

    expect(page).to_have_url(f"{live_server.url}/{language}/support-organisations/")
    expect(page.get_by_role("heading", level=1)).to_have_text(DIRECTORY[language])
    assert page.evaluate(REFLOW_PROBLEMS) == []


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize(
    ("listing", "summary"),
    [("directory", "Filter organisations"), ("library", "Filter resources")],
)
def test_on_a_phone_a_listing_shows_its_results_before_its_filters(
    live_server, phone_site, new_context, listing, summary, javascript
):
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    page.goto(f"{live_server.url}{phone_site[listing].url}")

    first_result = results(page).get_by_role("link").first
    expect(first_result).to_be_in_viewport(ratio=1)
    # The filters are folded under their summary, which comes before the results.
    for checkbox in page.get_by_role("checkbox", include_hidden=True).all():
        expect(checkbox).to_be_hidden()
    filters = page.get_by_text(summary, exact=True)
    expect(filters).to_be_in_viewport()

    filters.click()
    expect(page.get_by_role("checkbox").first).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_filtering_the_directory_on_a_phone_by_keyboard(
    live_server, phone_site, new_context, javascript
):
    """Open the folded filters, tick a topic, apply, see the count and what was chosen, and
    clear it: all with the keyboard, with and without JavaScript."""
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    page.goto(f"{live_server.url}{phone_site['directory'].url}")
    expect(results(page).get_by_role("listitem")).to_have_count(2)

    def tab_to(locator, name: str) -> None:
        for _ in range(MAX_TAB_STOPS):
            page.keyboard.press("Tab")
            if locator.evaluate("el => el === document.activeElement"):
                return
        pytest.fail(f"Tab never reached {name}")

    summary = page.locator("details[data-app-filters] > summary")
    tab_to(summary, "the filters' summary")
    page.keyboard.press("Enter")
    checkbox = page.get_by_role("checkbox", name=re.compile(r"^Goal setting \(1\)$"))
    expect(checkbox).to_be_visible()
    tab_to(checkbox, "the Goal setting check box")
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    tab_to(page.get_by_role("button", name="Apply filters"), "Apply filters")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]topic=goal-setting(&|$)"))
    expect(page.get_by_role("heading", name="1 organisation", exact=True)).to_be_visible()
    expect(results(page).get_by_role("link", name=HELPLINE)).to_be_in_viewport()
    chosen = page.locator(".app-chosen-filters")
    expect(chosen.get_by_role("listitem")).to_have_text(["Goal setting"])
    # Folded away again, still ticked for when they are opened.
    expect(page.locator("#filter-topic-goal-setting")).to_be_checked()

    clear = chosen.get_by_role("link", name="Clear all filters")
    tab_to(clear, "Clear all filters")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="2 organisations", exact=True)).to_be_visible()
    expect(page.locator(".app-chosen-filters")).to_have_count(0)


def test_on_a_desktop_the_filters_sit_open_beside_the_results(live_server, phone_site, new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(f"{live_server.url}{phone_site['directory'].url}")

    checkbox = page.get_by_role("checkbox", name=re.compile(r"^Goal setting"))
    expect(checkbox).to_be_visible()
    checkbox_box, result_box = checkbox.bounding_box(), results(page).bounding_box()
    assert checkbox_box["x"] < result_box["x"], (checkbox_box, result_box)
    assert checkbox_box["y"] < result_box["y"] + result_box["height"]
