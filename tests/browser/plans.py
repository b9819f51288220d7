"""What the plan builder's browser tests share: signing in, a plan made directly in the
database, and reading and filling the plan's pages and forms as a person does."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import PASSWORD

GOAL = "I want to get back to the garden centre with my daughter every month."
ACTION = "Ann will drive us to the garden centre on the first Saturday of the month."
NHS_NUMBER = "943 476 5919"


def sign_in(page: Page, base_url: str, username: str) -> None:
    """Signed out, /plans/ goes to the sign-in page; signing in comes back to the plans."""
    page.goto(f"{base_url}/plans/")
    expect(page).to_have_url(re.compile(r"/plans/sign-in/\?next=/plans/$"))
    expect(page.get_by_role("heading", name="Sign in to the plan builder")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/plans/")
    expect(page.get_by_role("heading", name="Plans", exact=True)).to_be_visible()


def existing_plan(team):
    """A plan with a goal, an action and a contact, made directly in the database."""
    from tests.plan_factories import (
        ActionFactory,
        ContactFactory,
        GoalFactory,
        PersonFactory,
        PlanFactory,
    )

    plan = PlanFactory(person=PersonFactory(team=team, full_name="Margaret Example"))
    goal = GoalFactory(plan=plan, description="I want to walk to the shops on my own again.")
    ActionFactory(goal=goal)
    ContactFactory(plan=plan)
    return plan


def summary_value(scope: Locator, key: str) -> Locator:
    """The value beside `key` in an NHS.UK summary list."""
    row = scope.locator(".nhsuk-summary-list__row").filter(
        has=scope.page.locator("dt", has_text=key)
    )
    return row.locator("dd")


def choose_type(page: Page, label: str) -> None:
    """Switch what the attach page lists. The first registered type is shown at first (the
    test settings register a test app's leaflets too), so the choice may already be made."""
    type_switch = page.get_by_role("navigation", name="What to look for")
    expect(type_switch).to_be_visible()  # the attach page has loaded
    link = type_switch.get_by_role("link", name=label, exact=True)
    if link.count():
        link.click()
    expect(type_switch.locator("[aria-current=page]")).to_have_text(label)


def assert_the_plan_shows_everything(page: Page, goal_card: Locator) -> None:
    """The plan page after the journey: the goal, its action, the resource and the referral."""
    attachments = page.locator("section").filter(has=page.locator("#attachments"))
    expect(attachments.get_by_role("heading", name="My Life, My Goals")).to_be_visible()
    expect(
        attachments.get_by_role("heading", name="Dementia UK Admiral Nurse Helpline")
    ).to_be_visible()
    expect(attachments).to_contain_text("Referred: sent")
    expect(attachments).to_contain_text("0800 888 6678")
    expect(attachments).to_contain_text(f"For the goal: {GOAL}")
    expect(goal_card).to_contain_text("Given for this goal")
    expect(goal_card.locator("strong").filter(has_text=ACTION)).to_be_visible()


def assert_the_persons_copy(page: Page) -> None:
    """The person's copy: goals (and what happens next) before what they were given."""
    expect(page.get_by_role("heading", name="Your care and support plan")).to_be_visible()
    expect(page.get_by_role("heading", name=GOAL)).to_be_visible()
    expect(page.get_by_text(f"Your NHS number is {NHS_NUMBER}.")).to_be_visible()
    headings = page.locator("h2").all_inner_texts()
    assert headings.index("Your goals") < headings.index("Things to read and watch")
    assert headings.index("Your goals") < headings.index("Organisations that can help")
    expect(page.get_by_role("link", name="0800 888 6678")).to_have_attribute(
        "href", re.compile(r"^tel:")
    )


def date_group(page: Page, legend: str) -> Locator:
    """An NHS.UK date input: the group its fieldset makes, named by its legend."""
    return page.get_by_role("group", name=re.compile(rf"^{re.escape(legend)}"))


def fill_date(page: Page, legend: str, day: str, month: str, year: str) -> None:
    group = date_group(page, legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def choose_score(page: Page, legend: str, score: int) -> None:
    """Click a 1-10 scale's box by its number, as a practitioner taps it."""
    scale = page.get_by_role("group", name=legend)
    scale.locator("label", has_text=re.compile(rf"^{score}$")).click()
    expect(scale.get_by_role("radio", name=str(score), exact=True)).to_be_checked()
