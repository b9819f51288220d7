"""The Content-Security-Policy in a real browser (Debian's Chromium through Playwright): the
public site, the plan builder and the Wagtail admin (its page editor, the preview the editor
frames, and wagtail-localize's translation editor) load and run their scripts without the
browser refusing anything, and the Wagtail userbar works for an editor on a public page.

Every refusal is caught twice: a `securitypolicyviolation` listener in every frame (installed
before any of the page's own scripts run) and the console error Chromium logs for it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD
from tests.security.policy import parse_policy

# The live server needs committed data (see test_plan_journey.py).
pytestmark = pytest.mark.django_db(transaction=True)

LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: `${event.sourceFile}:${event.lineNumber}`,
    document: event.documentURI,
  });
});
"""


class WatchedPage:
    """A page in a fresh context, with every CSP refusal and script error it meets recorded."""

    def __init__(self, context):
        self.violations: list = []
        self.script_errors: list[str] = []
        context.expose_function("__reportCspViolation", lambda found: self.violations.append(found))
        context.add_init_script(LISTENER)
        self.page: Page = context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.script_errors.append(str(error)))

    def _console(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def settle(self) -> None:
        """Let the page finish loading and any violation events reach us."""
        self.page.wait_for_load_state("networkidle")
        for frame in self.page.frames:
            frame.evaluate("() => new Promise((done) => setTimeout(done))")

    def assert_clean(self, where: str) -> None:
        self.settle()
        assert self.violations == [], f"CSP violations on {where}: {self.violations}"
        assert self.script_errors == [], f"script errors on {where}: {self.script_errors}"


@pytest.fixture
def watched(new_context):
    return lambda: WatchedPage(new_context())


# Components on the page that NHS.UK frontend has not marked as started.
NOT_STARTED = """() => [...document.querySelectorAll("[data-module]")]
  .filter((el) => !el.hasAttribute(`data-${el.dataset.module}-init`))
  .map((el) => el.dataset.module)"""


def assert_frontend_javascript_ran(page: Page) -> None:
    """core/static/core/init.js marks the body and starts NHS.UK frontend's components,
    which mark each one they start: every one on the page has started."""
    expect(page.locator("body")).to_have_class(re.compile(r"\bjs-enabled\b"))
    expect(page.locator("body")).to_have_class(re.compile(r"\bnhsuk-frontend-supported\b"))
    expect(page.locator(".nhsuk-skip-link")).to_have_attribute("data-nhsuk-skip-link-init", "")
    assert page.evaluate(NOT_STARTED) == []


def sign_in_to_admin(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/admin/")


@pytest.fixture
def editor(transactional_db):
    from tests.plan_factories import UserFactory

    return UserFactory(username="editor", is_superuser=True, is_staff=True)


def test_public_pages_run_their_javascript_with_nothing_refused(library, watched, live_server):
    browser_page = watched()
    page = browser_page.page
    for url in [library["resource"].url, "/cy/resources/", "/en/search/?q=goals"]:
        page.goto(live_server.url + url)
        assert_frontend_javascript_ran(page)
        browser_page.assert_clean(url)


def test_the_userbar_works_for_a_signed_in_editor_on_a_public_page(
    library, editor, watched, live_server
):
    browser_page = watched()
    page = browser_page.page
    sign_in_to_admin(page, live_server.url, editor.username)
    page.goto(live_server.url + library["resource"].url)

    page.locator("[data-wagtail-userbar-trigger]").click()  # inside the userbar's shadow root
    expect(page.get_by_role("menuitem", name=re.compile("Edit this page"))).to_be_visible()
    assert_frontend_javascript_ran(page)
    browser_page.assert_clean("a public page with the userbar")


def test_plan_pages_run_their_javascript_with_nothing_refused(
    library, team, practitioner_user, watched, live_server
):
    from tests.plan_factories import GoalFactory, PlanFactory

    plan = PlanFactory(
        shared=True,
        share__actor=practitioner_user,
        person__team=team,
        person__full_name="Margaret Example",
    )
    GoalFactory(plan=plan, description="I want to walk to the shops on my own again.")

    browser_page = watched()
    page = browser_page.page
    page.goto(f"{live_server.url}/plans/sign-in/")
    page.get_by_label("Username").fill(practitioner_user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/plans/")
    assert_frontend_javascript_ran(page)
    browser_page.assert_clean("the plan list")

    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    expect(page.get_by_role("heading", name="I want to walk to the shops")).to_be_visible()
    assert_frontend_javascript_ran(page)
    browser_page.assert_clean("the plan")

    page.goto(f"{live_server.url}/plans/{plan.pk}/my-plan/")
    expect(page.get_by_role("heading", name="Your care and support plan")).to_be_visible()
    browser_page.assert_clean("the printed plan")

    shared = watched()  # signed out
    shared.page.goto(f"{live_server.url}/plans/shared/{plan.share_token}/")
    expect(shared.page.get_by_role("heading", name="Your care and support plan")).to_be_visible()
    shared.assert_clean("the shared link")


def test_the_admin_page_editor_preview_and_translation_editor_work_under_the_admin_policy(
    library, editor, watched, live_server
):
    from wagtail.models import Locale
    from wagtail.models import Page as WagtailPage
    from wagtail_localize.operations import TranslationCreator

    resource = library["resource"]
    browser_page = watched()
    page = browser_page.page
    sign_in_to_admin(page, live_server.url, editor.username)
    browser_page.assert_clean("the dashboard")

    page.goto(f"{live_server.url}/admin/pages/{resource.pk}/edit/")
    expect(page.get_by_role("heading", name=re.compile("My Life, My Goals"))).to_be_visible()
    browser_page.assert_clean("the page editor")

    # The preview panel frames the page as the public will see it, under the public policy.
    with page.expect_response(re.compile(r"/edit/preview/\?in_preview_panel=true")) as preview:
        page.locator("[data-side-panel-toggle=preview]").click()
    headers = preview.value.all_headers()
    assert headers["x-frame-options"] == "SAMEORIGIN"
    policy = parse_policy(headers["content-security-policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    preview_frame = page.frame_locator("iframe").first
    expect(preview_frame.get_by_role("heading", name="My Life, My Goals", level=1)).to_be_visible()
    expect(preview_frame.locator("body")).to_have_class(re.compile(r"\bjs-enabled\b"))
    browser_page.assert_clean("the page editor's preview")

    # wagtail-localize's editor writes its styles into <style> elements (why the admin's
    # style-src allows 'unsafe-inline'): they must have been applied.
    creator = TranslationCreator(editor, [Locale.objects.get(language_code="cy")])
    for page_in_tree in [library["home"], library["library"], resource]:
        creator.create_translations(WagtailPage.objects.get(pk=page_in_tree.pk).specific)
    welsh = resource.get_translation(Locale.objects.get(language_code="cy"))
    page.goto(f"{live_server.url}/admin/pages/{welsh.pk}/edit/")
    expect(page).to_have_title(re.compile("Translation of My Life, My Goals into Welsh"))
    page.locator("style[data-styled]").first.wait_for(state="attached")
    browser_page.settle()
    applied = page.evaluate(
        "() => [...document.querySelectorAll('style[data-styled]')]"
        ".some((style) => style.sheet && style.sheet.cssRules.length > 0)"
    )
    assert applied, "wagtail-localize's styles were not applied"
    browser_page.assert_clean("the translation editor")
