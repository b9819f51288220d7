"""The plan page and the share page in a real browser: "saved" is seen where the change was
made, and the shared link is copied with one tap (and the button is absent without
JavaScript, where the link stays selectable text)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.plans import existing_plan, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_saved_is_seen_where_the_change_was_made(
    live_server, practitioner_user, team, new_context, javascript
):
    """The contingency plan is low on the page: after saving it the page opens there, and the
    confirmation is in view beside it, not at the top of the page."""
    plan = existing_plan(team)
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    sign_in(page, live_server.url, practitioner_user.username)

    page.goto(f"{live_server.url}/plans/{plan.pk}/edit/contingency/")
    page.get_by_label("Who to contact").fill("Ann, then the memory service")
    page.get_by_role("button", name="Save and return to the plan").click()

    expect(page).to_have_url(re.compile(rf"/plans/{plan.pk}/#contingency$"))
    section = page.locator("section").filter(has=page.locator("h2#contingency"))
    saved = section.get_by_role("alert")
    expect(saved).to_contain_text("Saved.")
    expect(saved).to_be_in_viewport()
    expect(page.locator("h2#contingency")).to_be_in_viewport()
    expect(section).to_contain_text("Ann, then the memory service")


def make_a_link(page, base_url: str, plan) -> str:
    page.goto(f"{base_url}/plans/{plan.pk}/share/")
    page.get_by_label("Who is this link for?").fill("Peggy and her daughter Ann")
    page.get_by_role("button", name="Make a link").click()
    expect(page.get_by_role("heading", name="Link made")).to_be_visible()
    return page.locator("#new-link").input_value()


def test_the_new_link_is_copied_with_one_tap(live_server, practitioner_user, team, new_context):
    plan = existing_plan(team)
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    sign_in(page, live_server.url, practitioner_user.username)
    link = make_a_link(page, live_server.url, plan)

    copy = page.get_by_role("button", name="Copy link")
    expect(copy).to_be_visible()
    copy.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == link

    # Said again when pressed again (the live region is emptied first).
    copy.click()
    expect(page.get_by_role("status")).to_have_text("Link copied")


def test_without_javascript_there_is_no_copy_button_and_the_link_is_text(
    live_server, practitioner_user, team, new_context
):
    plan = existing_plan(team)
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, live_server.url, practitioner_user.username)
    link = make_a_link(page, live_server.url, plan)

    expect(page.get_by_role("button", name="Copy link")).to_have_count(0)
    expect(page.get_by_role("status")).to_have_count(0)
    assert re.search(r"/plans/shared/[^/]+/$", link)
    expect(page.get_by_label("Link", exact=True)).to_have_attribute("readonly", "")
