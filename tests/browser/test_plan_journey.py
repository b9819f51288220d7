"""The practitioner's journey in a real browser (Debian's Chromium through Playwright): sign
in, start a plan, add a goal and an action, attach a resource and an organisation, print and
download the person's copy, share it, open the link signed out, and stop it.

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.plans import (
    ACTION,
    GOAL,
    NHS_NUMBER,
    assert_the_persons_copy,
    assert_the_plan_shows_everything,
    choose_score,
    choose_type,
    date_group,
    fill_date,
    sign_in,
    summary_value,
)

# The live server needs committed data: each test runs in real transactions, and the tables
# are emptied afterwards (the `library` fixture puts back what Wagtail's migrations made).
pytestmark = pytest.mark.django_db(transaction=True)


def test_practitioner_journey(live_server, library, practitioner_user, team, new_context):
    base_url = live_server.url
    context = new_context()
    page = context.new_page()

    # Sign in.
    sign_in(page, base_url, practitioner_user.username)

    # Start a new plan.
    page.get_by_role("main").get_by_role("link", name="Start a new plan").click()
    expect(page.get_by_role("heading", name="Start a new plan")).to_be_visible()
    page.get_by_label("Full name").fill("Margaret Example")
    page.get_by_label("Preferred name").fill("Peggy")
    fill_date(page, "Date of birth", "17", "5", "1944")
    page.get_by_label("NHS number").fill(NHS_NUMBER)
    page.get_by_label("Team", exact=True).select_option(label=team.name)
    expect(date_group(page, "Review date").get_by_label("Day")).not_to_have_value("")
    page.get_by_label("Who will review the plan").fill("Sam, dementia adviser")
    page.get_by_role("button", name="Start the plan").click()

    expect(page.get_by_text("Plan started. Now add what matters to them.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Margaret Example")
    expect(page).to_have_url(re.compile(r"/plans/\d+/$"))
    plan_url = page.url
    expect(page.locator("#person").locator("xpath=../..")).to_contain_text(NHS_NUMBER)

    # A goal, in the person's words.
    page.get_by_role("link", name="Add a goal", exact=True).click()
    expect(page.get_by_role("heading", name="Add a goal")).to_be_visible()
    page.get_by_label("The goal, in the person's words").fill(GOAL)
    page.get_by_label("Area of life").fill("Getting out")
    choose_score(page, "How important is the goal?", 8)
    page.get_by_role("button", name="Add and return to the plan").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/#goals$"))
    goal_card = page.locator(".plan-goal").filter(has=page.get_by_role("heading", name=GOAL))
    expect(goal_card).to_be_visible()
    expect(summary_value(goal_card, "How important")).to_have_text("8")

    # An action for it.
    goal_card.get_by_role("link", name=re.compile(r"^Add an action")).click()
    expect(page.get_by_role("heading", name="Add an action")).to_be_visible()
    page.get_by_label("What will happen").fill(ACTION)
    page.get_by_label("Who will do it").fill("Ann (daughter)")
    page.get_by_label("Or how often").fill("First Saturday of the month")
    choose_score(page, "How confident does the person feel?", 7)
    page.get_by_role("button", name="Add and return to the plan").click()
    expect(goal_card.locator("strong").filter(has_text=ACTION)).to_be_visible()
    expect(goal_card).to_contain_text("Confidence 7 out of 10")

    # A resource from the library, found by searching, given for the goal.
    page.get_by_role("link", name="Add resources and organisations").click()
    expect(page.get_by_role("heading", name="Add resources and organisations")).to_be_visible()
    choose_type(page, "Resources")
    page.get_by_label("Search", exact=True).fill("goals")
    page.get_by_role("button", name="Search and filter").click()
    expect(page).to_have_url(re.compile(r"[?&]q=goals(&|$)"))
    expect(page.get_by_role("status")).to_have_text("1 result")
    result = page.locator("li").filter(has=page.get_by_role("heading", name="My Life, My Goals"))
    result.get_by_role("link", name=re.compile(r"^Add")).click()
    expect(page.get_by_role("heading", name="Add “My Life, My Goals” to the plan")).to_be_visible()
    page.get_by_label("Why it was given").fill("To help you set goals and plan the steps.")
    page.get_by_label("For which goal").select_option(label=GOAL)
    page.get_by_role("button", name="Add to the plan").click()
    expect(page.get_by_text("Added to the plan.")).to_be_visible()

    # A support organisation, referred.
    page.get_by_role("link", name="Add resources and organisations").click()
    choose_type(page, "Support organisations")
    helpline = page.locator("li").filter(
        has=page.get_by_role("heading", name="Dementia UK Admiral Nurse Helpline")
    )
    helpline.get_by_role("link", name=re.compile(r"^Add")).click()
    expect(
        page.get_by_role("heading", name="Add “Dementia UK Admiral Nurse Helpline” to the plan")
    ).to_be_visible()
    page.get_by_label("Why it was given").fill("Specialist nurses who can advise Ann.")
    page.get_by_label("Referred", exact=True).check()
    page.get_by_label("Referral status").select_option(label="Sent")
    page.get_by_role("button", name="Add to the plan").click()
    expect(page.get_by_text("Added to the plan.")).to_be_visible()

    assert_the_plan_shows_everything(page, goal_card)
    page.get_by_role("link", name="The person's copy").click()
    assert_the_persons_copy(page)

    # The PDF, downloaded from the plan page.
    page.get_by_role("link", name="Back to the plan").click()
    expect(page).to_have_url(plan_url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF", exact=True).click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == "care-and-support-plan.pdf"
    with open(download.path(), "rb") as pdf:
        content = pdf.read()
    assert content.startswith(b"%PDF")
    assert len(content) > 1024

    # Share: the link is shown once.
    page.get_by_role("link", name="Share with the person and family").click()
    page.get_by_label("Who is this link for?").fill("Peggy and her daughter Ann")
    page.get_by_role("button", name="Make a link").click()
    expect(page.get_by_role("heading", name="Link made")).to_be_visible()
    shared_url = page.locator("#new-link").input_value()
    assert re.search(r"/plans/shared/[^/]+/$", shared_url), shared_url

    # Opened signed out, in another browser: the plan, without the NHS number.
    family = new_context().new_page()
    response = family.goto(shared_url)
    assert response is not None and response.status == 200
    expect(family).to_have_url(shared_url)
    expect(family.get_by_role("heading", name="Your care and support plan")).to_be_visible()
    expect(family.get_by_role("heading", name=GOAL)).to_be_visible()
    expect(family.get_by_role("heading", name="My Life, My Goals")).to_be_visible()
    expect(family.locator("body")).not_to_contain_text(NHS_NUMBER)
    expect(family.locator("body")).not_to_contain_text(NHS_NUMBER.replace(" ", ""))
    expect(family.get_by_role("button", name=re.compile("Sign out"))).to_have_count(0)
    with family.expect_download() as download_info:
        family.get_by_role("link", name="Download your plan as a PDF").click()
    with open(download_info.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # Stopped by the practitioner, the link no longer works. (The share page is still the
    # response to the POST: reloading it would make a second link.)
    page.get_by_role("button", name=re.compile(r"^Stop this link")).click()
    expect(page.get_by_text("That link has stopped working.")).to_be_visible()
    expect(page.get_by_text("Stopped", exact=True)).to_be_visible()

    response = family.reload()
    assert response is not None and response.status == 404
    expect(family.get_by_role("heading", name="This link does not work")).to_be_visible()
    expect(family.locator("body")).not_to_contain_text(GOAL)
