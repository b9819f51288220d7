"""Nothing typed is lost to a session timeout, in a real browser: the warning comes before the
end and one tap carries on (the session really is renewed, and the form still saves); a
session that ended anyway says so, and what was typed comes back after signing in again; a
form opened before signing in again in another tab is still accepted; and the warning works by
keyboard, in Urdu (right to left), with no axe violations.

A short session (SESSION_COOKIE_AGE) makes the real timing testable; Playwright's clock jumps
ahead where only the page's own timers matter."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD
from tests.browser.page_checks import run_axe
from tests.browser.plans import existing_plan, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

TYPED = "Her garden, the choir on Sundays, and tea with her sister Jean on Thursdays."
RENEW = "/plans/stay-signed-in/"


def about_me(base_url: str, plan) -> str:
    return f"{base_url}/plans/{plan.pk}/edit/about-me/"


def warning(page: Page):
    return page.get_by_role("alertdialog", name="Do you want to stay signed in?")


def end_every_session() -> None:
    """What half an hour without a request does on the server."""
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))


def test_the_warning_comes_before_the_end_and_one_tap_carries_on(
    live_server, practitioner_user, team, new_context, settings
):
    settings.SESSION_COOKIE_AGE = 30
    settings.PLAN_BUILDER_SESSION_WARNING_SECONDS = 10
    plan = existing_plan(team)
    page = new_context().new_page()
    sign_in(page, live_server.url, practitioner_user.username)
    page.goto(about_me(live_server.url, plan))
    loaded = time.monotonic()
    field = page.get_by_label("What matters most to me")
    field.fill(TYPED)

    dialog = warning(page)
    expect(dialog).to_be_visible(timeout=30_000)
    assert time.monotonic() - loaded >= 30 - 10 - 1, "not before the warning time"
    expect(dialog).to_contain_text("You will be signed out in 10 seconds")
    expect(dialog.get_by_role("button", name="Sign out")).to_be_visible()
    expect(dialog.get_by_role("button", name="Stay signed in")).to_be_focused()
    assert run_axe(page, "session warning") == []

    with page.expect_response(lambda response: response.url.endswith(RENEW)) as renewal:
        page.keyboard.press("Enter")
    assert renewal.value.status == 200
    expect(dialog).to_be_hidden()
    expect(field).to_be_focused()  # back in the middle of their typing
    expect(field).to_have_value(TYPED)

    # The session the page was loaded with ended 30 seconds after it loaded. The next warning
    # comes 20 seconds after the renewal, after that, and the session is still alive.
    expect(dialog).to_be_visible(timeout=40_000)
    assert time.monotonic() - loaded > 30
    with page.expect_response(lambda response: response.url.endswith(RENEW)) as second:
        dialog.get_by_role("button", name="Stay signed in").click()
    assert second.value.status == 200
    assert second.value.json()["signed_in"] is True
    expect(dialog).to_be_hidden()

    page.get_by_role("button", name="Save and return to the plan").click()
    expect(page).to_have_url(re.compile(rf"/plans/{plan.pk}/#about-me$"))
    expect(page.locator("section").filter(has=page.locator("h2#about-me"))).to_contain_text(TYPED)


def test_a_session_that_ended_keeps_the_typing_through_signing_in_again(
    live_server, practitioner_user, team, new_context
):
    plan = existing_plan(team)
    page = new_context().new_page()
    page.clock.install()
    sign_in(page, live_server.url, practitioner_user.username)
    url = about_me(live_server.url, plan)
    page.goto(url)
    field = page.get_by_label("What matters most to me")
    field.fill(TYPED)

    end_every_session()
    page.clock.run_for("30:01")

    ended = page.get_by_role("alertdialog", name="You have been signed out")
    expect(ended).to_be_visible()
    expect(ended).to_contain_text(
        "You were signed out because you had not used the plan builder for 30 minutes."
    )
    expect(ended).to_contain_text("What you typed is still on this page and will not be lost.")
    back = ended.get_by_role("button", name="Go back to the form")
    expect(back).to_be_focused()
    page.keyboard.press("Enter")
    expect(ended).to_be_hidden()
    expect(field).to_have_value(TYPED)

    page.get_by_role("button", name="Save and return to the plan").click()
    expect(page).to_have_url(re.compile(r"/plans/sign-in/\?next="))
    expect(page.get_by_text("We have kept what you typed. Sign in to carry on.")).to_be_visible()
    page.get_by_label("Username").fill(practitioner_user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(url)
    expect(
        page.get_by_text("What you typed before you were signed out is back in the form")
    ).to_be_visible()
    expect(field).to_have_value(TYPED)
    page.get_by_role("button", name="Save and return to the plan").click()
    expect(page).to_have_url(re.compile(rf"/plans/{plan.pk}/#about-me$"))
    expect(page.locator("section").filter(has=page.locator("h2#about-me"))).to_contain_text(TYPED)


def test_a_form_opened_before_signing_in_again_in_another_tab_still_saves(
    live_server, practitioner_user, team, new_context
):
    """Signing in gives the browser a new CSRF token; the form opened earlier is sent with it,
    instead of being refused as out of date."""
    plan = existing_plan(team)
    context = new_context()
    first = context.new_page()
    sign_in(first, live_server.url, practitioner_user.username)
    first.goto(about_me(live_server.url, plan))
    first.get_by_label("What matters most to me").fill(TYPED)

    end_every_session()
    second = context.new_page()
    sign_in(second, live_server.url, practitioner_user.username)

    first.get_by_role("button", name="Save and return to the plan").click()
    expect(first).to_have_url(re.compile(rf"/plans/{plan.pk}/#about-me$"))
    expect(first.locator("section").filter(has=first.locator("h2#about-me"))).to_contain_text(TYPED)


def test_the_warning_works_by_keyboard_in_urdu_right_to_left(
    live_server, practitioner_user, team, new_context
):
    from django.conf import settings as django_settings

    plan = existing_plan(team)
    context = new_context(viewport={"width": 320, "height": 640})
    context.add_cookies(
        [{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": "ur", "url": live_server.url}]
    )
    page = context.new_page()
    page.clock.install()
    sign_in_in_urdu(page, live_server.url, practitioner_user.username)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    assert page.evaluate("document.documentElement.dir") == "rtl"

    page.clock.run_for("28:01")

    dialog = page.locator("dialog#plan-session")
    expect(dialog).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('#plan-session')).direction") == (
        "rtl"
    )
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    assert run_axe(page, "session warning, Urdu") == []
    assert page.evaluate("document.activeElement.closest('dialog') !== null"), "focus moved in"

    with page.expect_response(lambda response: response.url.endswith(RENEW)) as renewal:
        page.keyboard.press("Escape")  # whoever pressed it is there: it counts as staying
    assert renewal.value.status == 200
    expect(dialog).to_be_hidden()


def sign_in_in_urdu(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/plans/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(f"{base_url}/plans/")
