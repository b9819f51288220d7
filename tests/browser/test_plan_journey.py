"""The practitioner's journey in a real browser, at a tablet's size: sign in, start a plan,
add a goal and an action, attach a resource and an organisation, print to PDF, share, and
open the shared link signed out. Then the same start by keyboard alone, and without
JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import (
    ResourcePageFactory,
    SupportOrganisationFactory,
    TopicFactory,
    build_site_tree,
)
from tests.plan_factories import TeamFactory, practitioner

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
GOAL = "I want to set goals with my daughter and walk to the shops on my own"
ACTION = "Walk to the corner shop with Ann"
RESOURCE = "My Life, My Goals"
ORGANISATION = "Dementia UK Admiral Nurse Helpline"


@pytest.fixture
def world(wagtail_base):
    tree = build_site_tree()
    goal_setting = TopicFactory(name="Goal setting", slug="goal-setting")
    ResourcePageFactory(parent=tree["library"], title=RESOURCE, topics=[goal_setting])
    SupportOrganisationFactory(name=ORGANISATION, phone="0800 888 6678")
    user = practitioner(TeamFactory(name="Salford memory service"), username="sam")
    return {"user": user}


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/plans/")
    expect(page).to_have_url(re.compile(r"/plans/sign-in/"))
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Plans", exact=True)).to_be_visible()


def start_plan(page):
    page.get_by_role("link", name="Start a new plan").last.click()
    page.get_by_label("Full name").fill("Margaret Example")
    page.get_by_label("NHS number").fill("943 476 5919")
    page.get_by_label("Date of birth").fill("1944-05-17")
    page.get_by_role("button", name="Start the plan").click()
    expect(page.get_by_role("heading", name=re.compile("Margaret Example"))).to_be_visible()


def test_practitioner_builds_prints_and_shares_a_plan(browser, tablet, live_server, world):
    page = tablet.new_page()
    sign_in(page, live_server)
    start_plan(page)

    page.get_by_role("link", name="Add a goal").click()
    page.get_by_label("The goal, in the person's words").fill(GOAL)
    page.get_by_label("How important it is (1 to 10)").fill("8")
    page.get_by_role("button", name="Add and return to the plan").click()
    expect(page.get_by_role("heading", name=GOAL)).to_be_visible()

    page.get_by_role("link", name=re.compile("^Add an action")).click()
    page.get_by_label("What will happen").fill(ACTION)
    page.get_by_label("Who will do it").fill("Ann (daughter)")
    page.get_by_label("Or how often").fill("Every Tuesday")
    page.get_by_label("How confident the person feels (1 to 10)").fill("7")
    page.get_by_role("button", name="Add and return to the plan").click()
    expect(page.locator("strong", has_text=ACTION)).to_be_visible()

    # The resource is suggested from the goal's words ("goals" matches "Goal setting").
    page.get_by_role("link", name="Add resources and organisations").click()
    suggestions = page.get_by_role("region", name="Suggested for this plan")
    suggestions.get_by_role("link", name=f"Add {RESOURCE}").click()
    page.get_by_label("Why it was given").fill("To plan your goals step by step.")
    page.get_by_label("For which goal").select_option(label=GOAL)
    page.get_by_role("button", name="Add to the plan").click()
    expect(page.get_by_text("Added to the plan.")).to_be_visible()

    page.get_by_role("link", name="Add resources and organisations").click()
    page.get_by_role("link", name="Support organisations").click()
    page.get_by_role("link", name=f"Add {ORGANISATION}").click()
    page.get_by_label("Referred", exact=True).check()
    page.get_by_label("Referral status").select_option(label="Sent")
    page.get_by_role("button", name="Add to the plan").click()
    expect(page.get_by_role("link", name=RESOURCE, exact=True)).to_be_visible()
    expect(page.get_by_text("Referred: sent")).to_be_visible()

    # The person's copy: their goals first, then what was given.
    page.get_by_role("link", name="The person's copy").click()
    html = page.content()
    assert html.index(GOAL) < html.index(RESOURCE) < html.index(ORGANISATION)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your plan as a PDF").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1024

    page.get_by_role("link", name="Back to the plan").click()
    page.get_by_role("link", name="Share with the person and family").click()
    page.get_by_label("Who is this link for?").fill("Peggy and Ann")
    page.get_by_role("button", name="Make a link").click()
    shared_url = page.locator("#new-link").input_value()
    assert "/plans/shared/" in shared_url

    family = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        family_page = family.new_page()
        family_page.goto(shared_url)
        expect(family_page.get_by_text(GOAL)).to_be_visible()
        assert "943 476 5919" not in family_page.content()

        page.get_by_role("button", name=re.compile("Stop this link")).click()
        expect(page.get_by_text("That link has stopped working.")).to_be_visible()

        family_page.reload()
        expect(family_page.get_by_role("heading", name="This link does not work")).to_be_visible()
    finally:
        family.close()


def focused_text(page) -> str:
    return page.evaluate("document.activeElement.innerText || document.activeElement.value || ''")


def tab_to(page, pattern: str, limit: int = 60) -> None:
    """Press Tab until the focused element's text matches, checking each stop is visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect();"
            " return r.width > 0 && r.height > 0; })()"
        ), f"focus landed on something invisible: {focused_text(page)!r}"
        if re.search(pattern, focused_text(page)):
            return
    raise AssertionError(f"never reached {pattern!r} by Tab")


def test_a_goal_can_be_added_with_the_keyboard_alone(browser, tablet, live_server, world):
    page = tablet.new_page()
    sign_in(page, live_server)
    start_plan(page)
    page.reload()  # without the "plan started" banner, which takes focus when it appears

    page.keyboard.press("Tab")
    assert focused_text(page).strip() == "Skip to main content"
    tab_to(page, r"^Add a goal$")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Add a goal")).to_be_visible()
    tab_to(page, r"^$")  # the goal's text box is empty
    page.keyboard.type(GOAL)
    page.keyboard.press("Tab")  # area of life
    page.keyboard.press("Tab")  # importance
    page.keyboard.type("9")
    tab_to(page, r"^Add and return to the plan$")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name=GOAL)).to_be_visible()
    expect(page.get_by_text("Added.")).to_be_visible()


def test_the_plan_page_fits_a_small_phone_without_sideways_scrolling(
    browser, tablet, live_server, world
):
    page = tablet.new_page()
    sign_in(page, live_server)
    start_plan(page)

    page.set_viewport_size({"width": 320, "height": 640})

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_plan_can_be_started_and_a_goal_added_without_javascript(browser, live_server, world):
    context = browser.new_context(
        viewport={"width": 820, "height": 1180}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        sign_in(page, live_server)
        start_plan(page)
        page.get_by_role("link", name="Add a goal").click()
        page.get_by_label("The goal, in the person's words").fill(GOAL)
        page.get_by_label("How important it is (1 to 10)").fill("6")
        page.get_by_role("button", name="Add and return to the plan").click()
        expect(page.get_by_role("heading", name=GOAL)).to_be_visible()
    finally:
        context.close()
