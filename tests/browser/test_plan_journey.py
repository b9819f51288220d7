"""The practitioner's journey in a real browser (Debian's Chromium through Playwright): sign
in, start a plan, add a goal and an action, attach a resource and an organisation, print and
download the person's copy, share it, open the link signed out, and stop it. Then the whole
journey again by keyboard alone (Tab, Shift+Tab, Enter, Space, arrows and typing; no clicks),
and pages without JavaScript and on a 320px-wide screen.

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import PASSWORD

# The live server needs committed data: each test runs in real transactions, and the tables
# are emptied afterwards (the `library` fixture puts back what Wagtail's migrations made).
pytestmark = pytest.mark.django_db(transaction=True)

GOAL = "I want to get back to the garden centre with my daughter every month."
ACTION = "Ann will drive us to the garden centre on the first Saturday of the month."
NHS_NUMBER = "943 476 5919"
MAX_TAB_STOPS = 150


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
