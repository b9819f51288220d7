"""The plan's pages on a 320px-wide screen and without JavaScript, a 1-10 score as a row of
large boxes with its end words by 1 and 10, and a wrong date shown back as typed with only the
wrong box marked, in a real browser.

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.plans import (
    choose_score,
    date_group,
    existing_plan,
    fill_date,
    sign_in,
)

# The live server needs committed data: each test runs in real transactions, and the tables
# are emptied afterwards (the `library` fixture puts back what Wagtail's migrations made).
pytestmark = pytest.mark.django_db(transaction=True)


def test_plan_page_fits_a_320px_screen(live_server, practitioner_user, team, new_context):
    plan = existing_plan(team)
    base_url = live_server.url
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    sign_in(page, base_url, practitioner_user.username)

    no_sideways_scroll = "document.documentElement.scrollWidth <= window.innerWidth"
    # The plan page, and the person's copy (which people open on their phones).
    for path in (f"/plans/{plan.pk}/", f"/plans/{plan.pk}/attach/", f"/plans/{plan.pk}/my-plan/"):
        page.goto(f"{base_url}{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert page.evaluate(no_sideways_scroll), f"{path} scrolls sideways: {width}"


def test_works_without_javascript(live_server, practitioner_user, team, new_context):
    plan = existing_plan(team)
    base_url = live_server.url
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, base_url, practitioner_user.username)
    expect(page.locator("body")).not_to_have_class(re.compile(r"js-enabled"))

    page.goto(f"{base_url}/plans/{plan.pk}/")
    page.get_by_role("link", name="Add a goal", exact=True).click()
    page.get_by_label("The goal, in the person's words").fill("I want to bake bread again.")
    choose_score(page, "How important is the goal?", 6)
    page.get_by_role("button", name="Add and return to the plan").click()
    expect(page.get_by_role("heading", name="I want to bake bread again.")).to_be_visible()
    expect(page.get_by_text("Added.", exact=True)).to_be_visible()


SCALE_BOXES = """(name) => [...document.querySelectorAll(`input[name="${name}"]`)].map((input) => {
  const box = input.labels[0].getBoundingClientRect();
  return {x: box.x, y: box.y, right: box.right, bottom: box.bottom, width: box.width,
          height: box.height};
})"""
END_WORDS = """(name) => [...document.querySelector(`input[name="${name}"]`)
  .closest(".plan-scale").querySelectorAll(".plan-scale__end")].map((end) => {
  const box = end.getBoundingClientRect();
  return {text: end.textContent, x: box.x, y: box.y, right: box.right, bottom: box.bottom};
})"""


@pytest.mark.parametrize(
    ("viewport", "per_row"),
    [({"width": 320, "height": 640}, 5), ({"width": 1280, "height": 900}, 10)],
    ids=["phone", "desktop"],
)
def test_a_score_is_a_row_of_large_boxes_with_its_end_words_by_1_and_10(
    live_server, practitioner_user, team, new_context, viewport, per_row
):
    plan = existing_plan(team)
    page = new_context(viewport=viewport).new_page()
    sign_in(page, live_server.url, practitioner_user.username)
    page.goto(f"{live_server.url}/plans/{plan.pk}/goals/add/")

    boxes = page.evaluate(SCALE_BOXES, "importance")
    low, high = page.evaluate(END_WORDS, "importance")

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert len(boxes) == 10
    assert all(box["width"] >= 44 and box["height"] >= 44 for box in boxes), boxes
    rows = sorted({round(box["y"]) for box in boxes})
    assert len(rows) == 10 // per_row, rows
    assert [round(box["y"]) for box in boxes[:per_row]] == [rows[0]] * per_row
    assert all(boxes[n]["x"] < boxes[n + 1]["x"] for n in range(per_row - 1))
    # "Not important" starts where 1 starts, above it; "Very important" ends where 10 ends.
    assert low["text"] == "Not important" and high["text"] == "Very important"
    assert abs(low["x"] - boxes[0]["x"]) <= 2 and low["bottom"] <= boxes[0]["y"]
    assert abs(high["right"] - boxes[9]["right"]) <= 2

    # Chosen with a tap on the number, and the choice can be seen.
    page.locator("label[for=id_importance_6]").click()
    expect(page.locator("#id_importance_6")).to_be_checked()
    chosen = page.locator("label[for=id_importance_6]").evaluate(
        "(label) => getComputedStyle(label).backgroundColor"
    )
    other = page.locator("label[for=id_importance_5]").evaluate(
        "(label) => getComputedStyle(label).backgroundColor"
    )
    assert chosen != other


def test_a_wrong_date_comes_back_as_typed_with_only_the_wrong_box_marked(
    live_server, practitioner_user, team, new_context
):
    plan = existing_plan(team)
    page = new_context().new_page()
    sign_in(page, live_server.url, practitioner_user.username)
    page.goto(f"{live_server.url}/plans/{plan.pk}/person/")

    fill_date(page, "Date of birth", "31", "2", "2025")
    page.get_by_role("button", name="Save and return to the plan").click()

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary_link = page.locator(".nhsuk-error-summary").get_by_role(
        "link", name="Date of birth must be a real date"
    )
    expect(summary_link).to_be_visible()
    group = date_group(page, "Date of birth")
    expect(group.get_by_label("Day")).to_have_value("31")
    expect(group.get_by_label("Month")).to_have_value("2")
    expect(group.get_by_label("Year")).to_have_value("2025")
    expect(group.get_by_label("Day")).to_have_class(re.compile(r"nhsuk-input--error"))
    expect(group.get_by_label("Month")).not_to_have_class(re.compile(r"nhsuk-input--error"))
    summary_link.click()
    expect(group.get_by_label("Day")).to_be_focused()
