"""The practitioner's whole journey again by keyboard alone, in a real browser: Tab,
Shift+Tab, Enter, Space, arrows and typing; no clicks. Every element that takes focus on the
way must be visible.

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD
from tests.browser.plans import (
    ACTION,
    GOAL,
    NHS_NUMBER,
    assert_the_persons_copy,
    assert_the_plan_shows_everything,
    date_group,
    summary_value,
)

# The live server needs committed data: each test runs in real transactions, and the tables
# are emptied afterwards (the `library` fixture puts back what Wagtail's migrations made).
pytestmark = pytest.mark.django_db(transaction=True)

MAX_TAB_STOPS = 150


def focused(page: Page):
    return page.locator(":focus")


# What is wrong with where focus is, if anything ("" when the focused element can be seen).
# document.activeElement rather than a `:focus` locator: a date input's focus sits in the
# browser's own closed shadow tree, where locators cannot see it.
FOCUS_PROBLEM = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "nothing has focus";
  const name = `<${el.tagName.toLowerCase()}> ${el.id || el.textContent.trim().slice(0, 40)}`;
  // NHS.UK radios and checkboxes are transparent inputs under a drawn label, which shows
  // the focus ring: check the label.
  const shown = ["radio", "checkbox"].includes(el.type) && el.labels.length ? el.labels[0] : el;
  const box = shown.getBoundingClientRect();
  const style = getComputedStyle(shown);
  if (box.width < 1 || box.height < 1 || style.visibility === "hidden" || style.opacity === "0")
    return `${name} has focus but cannot be seen`;
  if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth)
    return `${name} has focus but is off the screen`;
  return "";
}"""


def tab_until(page: Page, condition: str, *, limit: int = MAX_TAB_STOPS) -> None:
    """Press Tab until the JavaScript `condition` (on `el`, the focused element) holds,
    checking on the way that every element that takes focus can be seen. Past the page's last
    element focus leaves the page, and the next Tab starts again at the top (once)."""
    wrapped = False
    for _ in range(limit):
        page.keyboard.press("Tab")
        problem = page.evaluate(FOCUS_PROBLEM)
        if problem == "nothing has focus" and not wrapped:
            wrapped = True
            continue
        assert not problem, problem
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {condition}; }})()"):
            return
    pytest.fail(f"No focusable element matched {condition!r} within {limit} Tab presses")


def tab_to_id(page: Page, element_id: str) -> None:
    tab_until(page, f"el.id === {json.dumps(element_id)}")


def tab_to_text(page: Page, text: str) -> None:
    """Tab to the link or button whose whole text (visually hidden words included) is `text`."""
    tab_until(page, f"el.textContent.replace(/\\s+/g, ' ').trim() === {json.dumps(text)}")


def keyboard_follow(page: Page, text: str) -> None:
    """Tab to a link and press Enter, then wait for the page it opens."""
    tab_to_text(page, text)
    before = page.url
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != before)
    page.wait_for_load_state()


def keyboard_fill(page: Page, fields: dict[str, str]) -> None:
    """Tab to each field in turn (in page order) and type into it."""
    for element_id, text in fields.items():
        tab_to_id(page, element_id)
        page.keyboard.type(text)


def keyboard_score(page: Page, name: str, score: int) -> None:
    """Tab into a 1-10 scale (focus lands on 1 while none is chosen) and move to `score` with
    the arrow keys, which choose as they go."""
    tab_to_id(page, f"id_{name}_0")
    for _ in range(score - 1):
        page.keyboard.press("ArrowRight")
    expect(page.locator(f"#id_{name}_{score - 1}")).to_be_checked()


def keyboard_submit(page: Page, label: str) -> None:
    tab_until(page, f"el.tagName === 'BUTTON' && el.textContent.trim() === {json.dumps(label)}")
    page.keyboard.press("Enter")


def keyboard_sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/plans/sign-in/")
    keyboard_fill(page, {"id_username": username, "id_password": PASSWORD})
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Plans", exact=True)).to_be_visible()


def test_the_whole_journey_by_keyboard_alone(
    live_server, library, practitioner_user, team, new_context
):
    """Sign in, start the plan with the person's details, write what matters, a strength, a
    goal, its action and a rating, attach a resource and refer to an organisation through the
    attach search, and open the person's copy: Tab, Shift+Tab, Enter, Space, arrow keys and
    typing only. Every element that takes focus on the way must be visible (tab_until)."""
    base_url = live_server.url
    page = new_context().new_page()
    keyboard_sign_in(page, base_url, practitioner_user.username)

    # Start a new plan with the person's details. The one team is chosen already, and the
    # review date is filled in. The date of birth is typed into its day, month and year boxes.
    keyboard_follow(page, "Start a new plan")
    expect(page.get_by_role("heading", name="Start a new plan")).to_be_visible()
    keyboard_fill(
        page,
        {
            "id_full_name": "Margaret Example",
            "id_preferred_name": "Peggy",
            "id_date_of_birth-day": "17",
            "id_date_of_birth-month": "5",
            "id_date_of_birth-year": "1944",
            "id_nhs_number": NHS_NUMBER,
        },
    )
    expect(date_group(page, "Date of birth").get_by_label("Year")).to_have_value("1944")
    keyboard_fill(page, {"id_review_responsible": "Sam, dementia adviser"})
    keyboard_submit(page, "Start the plan")
    expect(page.get_by_text("Plan started. Now add what matters to them.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/plans/\d+/$"))
    plan_url = page.url

    # The success message takes focus, so Tab goes on from there. Opened afresh (as after
    # F5), the plan page's first Tab stop is the skip link, and it works.
    page.reload()
    page.keyboard.press("Tab")
    expect(focused(page)).to_have_text("Skip to main content")
    expect(focused(page)).to_be_in_viewport()
    page.keyboard.press("Enter")
    tab_until(page, "true")
    assert page.evaluate("document.activeElement.closest('main') !== null"), (
        "After the skip link, the next Tab stop should be inside the main content"
    )

    # What matters most, in About me.
    keyboard_follow(page, "Change about me")
    keyboard_fill(page, {"id_what_matters_most": "My garden, and seeing my grandchildren."})
    keyboard_submit(page, "Save and return to the plan")
    expect(page.locator("#about-me").locator("xpath=../..")).to_contain_text("My garden")

    # A strength.
    keyboard_follow(page, "Add a strength")
    keyboard_fill(page, {"id_text": "Knows every plant in the garden by name."})
    keyboard_submit(page, "Add and return to the plan")
    expect(page.locator("#strengths").locator("xpath=../..")).to_contain_text(
        "Knows every plant in the garden by name."
    )

    # A goal, in the person's words.
    keyboard_follow(page, "Add a goal")
    expect(page.get_by_role("heading", name="Add a goal")).to_be_visible()
    keyboard_fill(page, {"id_description": GOAL, "id_area": "Getting out"})
    keyboard_score(page, "importance", 8)
    keyboard_submit(page, "Add and return to the plan")
    expect(page).to_have_url(re.compile(r"/plans/\d+/#goals$"))
    goal_card = page.locator(".plan-goal").filter(has=page.get_by_role("heading", name=GOAL))
    expect(summary_value(goal_card, "How important")).to_have_text("8")

    # An action for it, and a first rating.
    keyboard_follow(page, f"Add an action for {GOAL}")
    expect(page.get_by_role("heading", name="Add an action")).to_be_visible()
    keyboard_fill(
        page,
        {
            "id_description": ACTION,
            "id_who": "Ann (daughter)",
            "id_timing": "First Saturday of the month",
        },
    )
    keyboard_score(page, "confidence", 7)
    keyboard_submit(page, "Add and return to the plan")
    expect(goal_card).to_contain_text("Confidence 7 out of 10")
    keyboard_follow(page, f"Add a rating for {GOAL}")
    # Today, filled in.
    expect(date_group(page, "Date of rating").get_by_label("Day")).not_to_have_value("")
    keyboard_score(page, "attainment", 3)
    keyboard_score(page, "satisfaction", 4)
    keyboard_submit(page, "Add and return to the plan")
    expect(goal_card).to_contain_text("How well it is going 3 / 10")

    # A resource, found with the attach search, given for the goal.
    keyboard_follow(page, "Add resources and organisations")
    expect(page.get_by_role("heading", name="Add resources and organisations")).to_be_visible()
    type_switch = page.get_by_role("navigation", name="What to look for")
    if type_switch.get_by_role("link", name="Resources", exact=True).count():
        tab_to_text(page, "Resources")
        page.keyboard.press("Enter")
    expect(type_switch.locator("[aria-current=page]")).to_have_text("Resources")
    keyboard_fill(page, {"attach-q": "goals"})
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("1 result")
    keyboard_follow(page, "Add My Life, My Goals")
    expect(page.get_by_role("heading", name="Add “My Life, My Goals” to the plan")).to_be_visible()
    keyboard_fill(page, {"id_reason": "To help you set goals and plan the steps."})
    tab_to_id(page, "id_goal")
    page.keyboard.press("ArrowDown")  # from "Not for one goal in particular" to the goal
    expect(page.get_by_label("For which goal")).to_have_value(re.compile(r"^\d+$"))
    keyboard_submit(page, "Add to the plan")
    expect(page.get_by_text("Added to the plan.")).to_be_visible()

    # An organisation, referred: the radios move with the arrow keys, Space ticks.
    keyboard_follow(page, "Add resources and organisations")
    keyboard_follow(page, "Support organisations")
    expect(type_switch.locator("[aria-current=page]")).to_have_text("Support organisations")
    keyboard_follow(page, "Add Dementia UK Admiral Nurse Helpline")
    keyboard_fill(page, {"id_reason": "Specialist nurses who can advise Ann."})
    tab_until(page, "el.type === 'radio'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(page.get_by_label("Referred", exact=True)).to_be_checked()
    tab_to_id(page, "id_referral_status")
    page.keyboard.type("Sent")
    expect(page.get_by_label("Referral status")).to_have_value("sent")
    keyboard_submit(page, "Add to the plan")
    expect(page.get_by_text("Added to the plan.")).to_be_visible()

    assert_the_plan_shows_everything(page, goal_card)
    expect(page).to_have_url(re.compile(rf"^{re.escape(plan_url)}"))

    # The person's copy.
    keyboard_follow(page, "The person's copy")
    assert_the_persons_copy(page)
    expect(page.get_by_text("My garden, and seeing my grandchildren.")).to_be_visible()
