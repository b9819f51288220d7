"""The home page and the library by keyboard alone, in a real browser: the skip link, a
visible focus indicator at every Tab stop, Shift+Tab back the same way, no focus traps, the
footer reached.

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.public import (
    DESKTOP,
    MAX_TAB_STOPS,
    OTHER_RESOURCE,
    RESOURCE,
    results,
)

# The live server needs committed data: each test runs in real transactions, and the tables
# are emptied afterwards (the `library` fixture puts back what Wagtail's migrations made).
pytestmark = pytest.mark.django_db(transaction=True)


# The focused element's look, and whether it can be seen. For NHS.UK's check boxes the ring is
# drawn on the label's ::before (the input itself is transparent); for everything else it is
# the element's own outline, box shadow, background or border.
FOCUS_STYLE = """(el) => {
  const drawn = ["radio", "checkbox"].includes(el.type) && el.labels.length;
  const shown = drawn ? el.labels[0] : el;
  const style = getComputedStyle(shown, drawn ? "::before" : null);
  const box = shown.getBoundingClientRect();
  return {
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2
      && !/rgba\\(.*, 0\\)$|transparent/.test(style.outlineColor)
      ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : "none",
    boxShadow: style.boxShadow,
    background: style.backgroundColor,
    border: `${style.borderTopWidth} ${style.borderTopColor}`,
    seen: box.width >= 1 && box.height >= 1 && getComputedStyle(shown).visibility !== "hidden"
      && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
  };
}"""

# A stable name for an element, to see whether focus has moved and where it went.
TAB_STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (!el.dataset.tabStop)
    el.dataset.tabStop = String(document.querySelectorAll("[data-tab-stop]").length + 1);
  const label = (el.id || el.textContent || el.value || "").trim().replace(/\\s+/g, " ");
  return {
    id: el.dataset.tabStop,
    name: `<${el.tagName.toLowerCase()}> ${label.slice(0, 40)}`,
    inFooter: el.closest("footer") !== null,
    inMain: el.closest("main") !== null,
  };
}"""


def focus_indicator_problem(page: Page) -> str:
    """'' when the focused element looks different focused from unfocused, and can be seen."""
    handle = page.evaluate_handle("document.activeElement")
    focused_style = page.evaluate(FOCUS_STYLE, handle)
    page.evaluate("(el) => el.blur()", handle)
    unfocused_style = page.evaluate(FOCUS_STYLE, handle)
    page.evaluate("(el) => el.focus()", handle)
    if not focused_style.pop("seen"):
        return "has focus but cannot be seen"
    unfocused_style.pop("seen")
    changed = [key for key in focused_style if focused_style[key] != unfocused_style[key]]
    if not changed:
        return f"looks the same focused and unfocused: {focused_style}"
    return ""


def tab_through(page: Page) -> list[dict]:
    """Press Tab until focus has gone round the whole page, checking every stop on the way:
    it shows a visible focus indicator, and focus moves on each time (no trap)."""
    stops: list[dict] = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(TAB_STOP)
        if stop is None or (stops and stop["id"] == stops[0]["id"]):
            return stops  # past the last element, or round to the first again
        assert not stops or stop["id"] != stops[-1]["id"], f"Focus is stuck on {stop['name']}"
        assert stop["id"] not in {seen["id"] for seen in stops}, (
            f"Focus came back to {stop['name']} before reaching the end of the page"
        )
        problem = focus_indicator_problem(page)
        assert not problem, f"{stop['name']} {problem}"
        stops.append(stop)
    pytest.fail(f"Focus did not go round the page within {MAX_TAB_STOPS} Tab presses")


def assert_shift_tab_goes_back(page: Page, stops: list[dict], count: int = 5) -> None:
    """From the last stop, Shift+Tab visits the same stops in reverse order."""
    page.locator(f"[data-tab-stop='{stops[-1]['id']}']").focus()
    for expected in reversed(stops[-count - 1 : -1]):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(TAB_STOP)["id"] == expected["id"], f"expected {expected['name']}"


def test_the_skip_link_and_focus_on_the_home_page(live_server, site, new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(f"{live_server.url}/")

    # The first Tab shows the skip link; Enter moves focus to the main content.
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).not_to_be_in_viewport()  # visually hidden until focused
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    box = skip_link.bounding_box()
    assert box is not None and box["width"] > 24 and box["height"] > 24, box
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate(TAB_STOP)["inMain"], "The next Tab stop after skipping is not in main"

    # The whole page by Tab: every stop visible, nothing traps focus, the footer is reached.
    page.goto(f"{live_server.url}/")
    stops = tab_through(page)
    names = [stop["name"] for stop in stops]
    assert stops[0]["name"].endswith("Skip to main content"), names
    assert any(stop["name"].endswith("Goal setting") for stop in stops), names
    assert stops[-1]["inFooter"], f"Focus never reached the footer: {names}"
    assert_shift_tab_goes_back(page, stops)


def test_the_library_by_keyboard_alone(live_server, site, new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(f"{live_server.url}{site['library'].url}")

    stops = tab_through(page)
    names = [stop["name"] for stop in stops]
    assert stops[-1]["inFooter"], f"Focus never reached the footer: {names}"
    assert_shift_tab_goes_back(page, stops)

    # Filter with the keyboard: Space ticks the topic, Enter applies.
    page.goto(f"{live_server.url}{site['library'].url}")
    checkbox = page.get_by_role("checkbox", name=re.compile(r"^Goal setting"))
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "filter-topic-goal-setting":
            break
    expect(checkbox).to_be_focused()
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    apply = page.get_by_role("button", name="Apply filters")
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Apply filters":
            break
    expect(apply).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]topic=goal-setting(&|$)"))
    expect(results(page).get_by_role("link", name=RESOURCE)).to_be_visible()
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_have_count(0)
