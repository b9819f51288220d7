"""Every kind of page, in English and in Urdu (right to left), checked in a real browser:

* axe-core finds no WCAG 2.2 A/AA violation (rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa,
  wcag22aa), and no best-practice violation either;
* nothing scrolls sideways on a 320px-wide screen (WCAG 1.4.10 Reflow);
* the Nu HTML checker finds no error in the HTML the server sent (one Java process checks
  every page at the end; warnings are printed, not failed).

The content is the real starter content (`manage.py load_starter_content`, with its Urdu
translations) and a plan with something in every section, built once: live-server tests empty
the database afterwards, so one test visits every page rather than one test per page."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD
from tests.browser.page_checks import (
    AxeIssue,
    HtmlCollector,
    is_wcag,
    load_starter_content,
    run_axe,
    run_vnu,
    sideways_overflow,
)
from tests.factories import restore_wagtail_initial_data

# The markup, its accessibility and its layout are the templates' and the browser's: the
# database only supplies the content, so CI checks them once, on SQLite. The journeys that
# write through the database run on both.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.backend_independent]

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)  # every language the site is in
DESKTOP = {"width": 1280, "height": 900}


@dataclass
class Findings:
    axe: list[AxeIssue] = field(default_factory=list)
    reflow: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: {"load": 0, "axe": 0, "reflow": 0})


class Checker:
    """Runs every check on the page a browser tab shows now, and keeps its HTML for vnu."""

    def __init__(self, collector: HtmlCollector, findings: Findings):
        self.collector = collector
        self.findings = findings
        self.language = settings.LANGUAGE_CODE  # every page checked next is in this language

    def shown(self, page: Page, name: str, response, *, status: int = 200) -> None:
        assert response is not None, name
        if response.status != status:
            self.findings.status.append(f"{name}: HTTP {response.status}, expected {status}")
        lang = page.evaluate("document.documentElement.lang")
        if lang != self.language:
            self.findings.language.append(f"{name}: <html lang={lang}>, not {self.language}")
        self.findings.checked.append(name)
        self.collector.add_response(name, response)
        started = time.monotonic()
        self.findings.axe += run_axe(page, name)
        axed = time.monotonic()
        overflow = sideways_overflow(page)
        self.findings.seconds["axe"] += axed - started
        self.findings.seconds["reflow"] += time.monotonic() - axed
        if overflow:
            self.findings.reflow.append(f"{name}: {overflow}")

    def visit(self, page: Page, name: str, url: str, *, status: int = 200) -> None:
        started = time.monotonic()
        response = page.goto(url)
        self.findings.seconds["load"] += time.monotonic() - started
        self.shown(page, name, response, status=status)

    def submit(self, page: Page, name: str, button, *, status: int = 200) -> None:
        """Click a form's submit button and check the page the server answers with."""
        with page.expect_navigation() as navigation:
            button.click()
        self.shown(page, name, navigation.value, status=status)


# The content


def build_plan(*, team, lead, language: str, resource, organisation):
    """A plan (two versions: the current one shows what changed) with something in every
    section, and a shared link to it. What was given is given before the review, so that
    both versions show it."""
    from plan_builder import services
    from plan_builder.models import ReferralStatus, StatementKind, SupportType
    from tests.plan_factories import (
        GoalRatingFactory,
        PlanFactory,
        StatementFactory,
        review_plan,
    )

    urdu = language == "ur"
    goal_words = (
        "میں دوبارہ اکیلے دکان تک پیدل جانا چاہتی ہوں۔"  # noqa: RUF001
        if urdu
        else "I want to walk to the shops on my own again."
    )
    plan = PlanFactory(
        full=True,
        shared=True,
        person__team=team,
        person__full_name="Nasreen Akhtar" if urdu else "Margaret Example",
        person__preferred_language=language,
        lead_practitioner=lead,
        rows__goals=[goal_words],
    )
    services.attachment_create(
        plan=plan,
        actor=lead,
        attachable_key="resources.resourcepage",
        object_id=str(resource.pk),
        reason="To help set goals.",
        goal=plan.goals.get(),
    )
    services.attachment_create(
        plan=plan,
        actor=lead,
        attachable_key="resources.supportorganisation",
        object_id=str(organisation.pk),
        reason="Specialist nurses who can advise Ann.",
        support_type=SupportType.REFERRED,
        referral_status=ReferralStatus.SENT,
    )
    review_plan(plan)
    goal = plan.goals.get()
    GoalRatingFactory(goal=goal, attainment=7, satisfaction=8)
    StatementFactory(plan=plan, kind=StatementKind.NEED, text="Stairs are getting harder.")
    return {
        "plan": plan,
        "first_version": plan.replaces_id,
        "goal": goal,
        "token": plan.share_token,
    }


@pytest.fixture
def site(live_server, transactional_db, monkeypatch):
    from resources.models import ResourcePage, SupportOrganisation
    from tests.plan_factories import TeamFactory, practitioner

    started = time.monotonic()
    restore_wagtail_initial_data()
    load_starter_content(monkeypatch, LANGUAGES)
    loaded = time.monotonic()
    team = TeamFactory(name="Central memory service")
    lead = practitioner(
        team, is_lead=True, username="sam.adviser", first_name="Sam", last_name="Adviser"
    )
    english = ResourcePage.objects.live().filter(locale__language_code="en")
    resource = english.get(slug="my-life-my-goals")
    spare_resource = english.get(slug="prsb-about-me-standard")
    organisation = SupportOrganisation.objects.get(
        slug="dementia-uk-admiral-nurse-dementia-helpline", locale__language_code="en"
    )
    # Test data, so that every optional detail of an organisation's page is checked.
    organisation.opening_hours = "Monday to Friday, 9am to 5pm.\nSaturday, 10am to 2pm."
    organisation.languages = "English"
    organisation.interpreters = "yes"
    organisation.british_sign_language = "no"
    organisation.save_revision().publish()
    plans = {
        language: build_plan(
            team=team, lead=lead, language=language, resource=resource, organisation=organisation
        )
        for language in LANGUAGES
    }
    print(
        f"\nstarter content {loaded - started:.1f}s, plans {time.monotonic() - loaded:.1f}s",
        end=" ",
    )
    return {"lead": lead, "plans": plans, "spare_resource": spare_resource}


# The pages


def check_public_pages(page: Page, check: Checker, base_url: str, language: str) -> None:
    from starter.data.pages import CONTENT_PAGES
    from starter.data.service_pages import SERVICE_PAGES

    def visit(name, path, **kwargs):
        check.visit(page, f"[{language}] {name} {path}", f"{base_url}/{language}{path}", **kwargs)

    visit("home", "/")
    visit("library", "/resources/")
    visit("library, filtered", "/resources/?topic=goal-setting")
    visit("resource", "/resources/my-life-my-goals/")
    visit("resource (video)", "/resources/comprehensive-model-explainer-animation/")
    visit("directory", "/support-organisations/")
    visit("directory, filtered", "/support-organisations/?area=national")
    visit("organisation", "/support-organisations/dementia-uk-admiral-nurse-dementia-helpline/")
    visit("organisation (no phone)", "/support-organisations/young-dementia-network/")
    for content_page in CONTENT_PAGES:
        visit("content page", f"/{content_page['slug']}/")
    for service_page in SERVICE_PAGES:  # contact, accessibility statement, privacy
        visit("service page", f"/{service_page['slug']}/")
    visit("search", "/search/?q=dementia+care")
    visit("search, nothing found", "/search/?q=xylophone")
    visit("search, empty", "/search/")
    visit("not found", "/no-such-page/", status=404)


def sign_in(page: Page, check: Checker, base_url: str, language: str, username: str) -> None:
    check.visit(page, f"[{language}] sign in", f"{base_url}/plans/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("wrong")
    check.submit(
        page,
        f"[{language}] sign in, wrong password",
        page.locator("main button[type=submit]"),
    )
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    expect(page).to_have_url(f"{base_url}/plans/")


def lock_out(page: Page, check: Checker, base_url: str, language: str) -> None:
    """Too many wrong passwords for one username: sign-in is paused."""
    username = f"nobody-{language}"
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/plans/sign-in/", {"username": username, "password": "wrong"})
    page.goto(f"{base_url}/plans/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("wrong")
    check.submit(
        page,
        f"[{language}] locked out",
        page.locator("main button[type=submit]"),
        status=429,
    )


def check_plan_builder(
    page: Page, check: Checker, base_url: str, language: str, built: dict, spare_resource
) -> None:
    plan, goal = built["plan"], built["goal"]

    def visit(name, path, **kwargs):
        check.visit(page, f"[{language}] {name} {path}", f"{base_url}{path}", **kwargs)

    visit("plan list", "/plans/")
    visit("new plan", "/plans/new/")
    check.submit(
        page,
        f"[{language}] new plan, with errors",
        page.locator("main button[type=submit]").last,
    )
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    visit("plan", f"/plans/{plan.pk}/")
    visit("plan, earlier version", f"/plans/{built['first_version']}/")
    visit("person details", f"/plans/{plan.pk}/person/")
    born = page.locator("#id_date_of_birth")
    born.locator("#id_date_of_birth-day").fill("31")
    born.locator("#id_date_of_birth-month").fill("2")
    page.locator("#id_nhs_number").fill("94347A5919")
    check.submit(
        page,
        f"[{language}] person details, with a date that is not real",
        page.locator("main button[type=submit]").first,
    )
    expect(page.locator("#id_date_of_birth-day.nhsuk-input--error")).to_be_visible()
    for section in ("about-me", "contingency", "agreement", "review-date"):
        visit("section", f"/plans/{plan.pk}/edit/{section}/")
    for kind in ("contacts", "strengths", "needs", "goals"):
        visit("add", f"/plans/{plan.pk}/{kind}/add/")
    check.submit(
        page,
        f"[{language}] add a goal, with errors",
        page.locator("main button[type=submit]").first,
    )
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    visit("add", f"/plans/{plan.pk}/goals/add/")
    page.locator("#id_description").fill("Go back to the allotment.")
    page.locator("label[for=id_importance_6]").click()
    last_year = timezone.localdate() - timedelta(days=365)
    for part, value in (
        ("day", last_year.day),
        ("month", last_year.month),
        ("year", last_year.year),
    ):
        page.locator(f"#id_target_date-{part}").fill(str(value))
    check.submit(
        page,
        f"[{language}] add a goal, hoped for by a date in the past",
        page.locator("main button[type=submit]").first,
    )
    expect(page.locator("#id_keep_past_target_date")).to_be_visible()
    for kind in ("actions", "ratings"):
        visit("add", f"/plans/{plan.pk}/goals/{goal.pk}/{kind}/add/")
    rows = {
        "contacts": plan.contacts.first(),
        "strengths": plan.statements.filter(kind="strength").first(),
        "needs": plan.statements.filter(kind="need").first(),
        "goals": goal,
        "actions": goal.actions.first(),
        "ratings": goal.ratings.first(),
        "attachments": plan.attachments.filter(kind="service").first(),
    }
    for kind, row in rows.items():
        visit("change", f"/plans/{plan.pk}/{kind}/{row.pk}/edit/")
    visit("remove", f"/plans/{plan.pk}/contacts/{rows['contacts'].pk}/remove/")
    visit("attach search", f"/plans/{plan.pk}/attach/")
    visit(
        "attach search, organisations",
        f"/plans/{plan.pk}/attach/?type=resources.supportorganisation&q=dementia",
    )
    visit("attach search, nothing found", f"/plans/{plan.pk}/attach/?q=xylophone")
    visit("attach", f"/plans/{plan.pk}/attach/resources.resourcepage/{spare_resource.pk}/")
    visit("start a review", f"/plans/{plan.pk}/review/")
    visit("audit log", f"/plans/{plan.pk}/audit/")
    visit("share", f"/plans/{plan.pk}/share/")
    make_a_link = page.locator("main form").filter(has=page.locator("input[type=text]"))
    make_a_link.locator("input[type=text]").first.fill("Peggy and her daughter Ann")
    check.submit(page, f"[{language}] share, link made", make_a_link.locator("button").first)
    expect(page.locator("#new-link")).to_be_visible()
    visit("erase the person", f"/plans/{plan.pk}/person/delete/")
    visit("the person's copy", f"/plans/{plan.pk}/my-plan/")

    # A plan with only the person's details: every section still to do, and no review yet.
    empty = empty_plan(plan.person.team, language)
    visit("plan, nothing in it yet", f"/plans/{empty.pk}/")
    visit("start a review, nothing to review yet", f"/plans/{empty.pk}/review/")

    # A form sent after the session ended: the sign-in page says why and that the typing was
    # kept; signing in gives the form back, filled in.
    page.goto(f"{base_url}/plans/{plan.pk}/edit/contingency/")
    page.locator("#id_warning_signs").fill("Stops answering the phone")
    end_every_session()
    check.submit(
        page,
        f"[{language}] sign in, after the session ended",
        page.locator("main button[type=submit]").first,
    )
    page.locator("#id_username").fill(plan.person.team.memberships.get(is_lead=True).user.username)
    page.locator("#id_password").fill(PASSWORD)
    check.submit(
        page,
        f"[{language}] form given back after signing in again",
        page.locator("main button[type=submit]"),
    )
    expect(page.locator("#id_warning_signs")).to_have_value("Stops answering the phone")


def empty_plan(team, language: str):
    from tests.plan_factories import PersonFactory, PlanFactory

    person = PersonFactory(
        team=team, full_name=f"New Person {language}", preferred_language=language
    )
    return PlanFactory(person=person, what_matters_most="", warning_signs="")


def end_every_session() -> None:
    """What half an hour without a request does on the server."""
    from django.contrib.sessions.models import Session

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))


def check_shared_links(page: Page, check: Checker, base_url: str, language: str, built: dict):
    check.visit(page, f"[{language}] shared link", f"{base_url}/plans/shared/{built['token']}/")
    check.visit(
        page,
        f"[{language}] shared link, unknown token",
        f"{base_url}/plans/shared/not-a-token/",
        status=404,
    )


def report(findings: Findings, vnu_errors, vnu_warnings, timings: dict) -> str:
    seconds = {key: round(value, 1) for key, value in findings.seconds.items()}
    lines = [f"Checked {len(findings.checked)} pages; seconds: {timings}, {seconds}"]
    best_practice = [issue for issue in findings.axe if not is_wcag(issue)]
    if best_practice:
        lines.append("axe best-practice:")
        lines += [f"  {issue}" for issue in best_practice]
    if vnu_warnings:
        lines.append(f"vnu warnings ({len(vnu_warnings)}), by message:")
        by_message: dict[str, list[str]] = {}
        for warning in vnu_warnings:
            by_message.setdefault(warning.message, []).append(f"{warning.page}:{warning.line}")
        for message, where in by_message.items():
            lines.append(f"  {message} ({len(where)}x: {', '.join(where[:3])} ...)")
    return "\n".join(lines)


def checkers_catch_a_known_fault(page: Page, collector: HtmlCollector) -> None:
    """Guards the test itself: an image without a text alternative must be reported by both
    checkers, so that a silent checker cannot pass every page."""
    faulty = (
        '<!DOCTYPE html><html lang="en"><head><title>Faulty</title></head>'
        '<body><main><img src="data:,"></main></body></html>'
    )
    page.set_content(faulty)
    assert "image-alt" in {issue.rule for issue in run_axe(page, "faulty")}
    collector.add(FAULTY, faulty)


FAULTY = "(a page with a known fault)"


def test_every_page_passes_axe_reflow_and_the_html_checker(
    live_server, site, new_context, tmp_path: Path
):
    timings = {}
    started = time.monotonic()
    collector = HtmlCollector(tmp_path)
    findings = Findings()
    check = Checker(collector, findings)
    base_url = live_server.url
    checkers_catch_a_known_fault(new_context().new_page(), collector)

    def browser_tab(language):
        context = new_context(viewport=DESKTOP)
        # How a practitioner chooses the plan builder's language (the switcher's form sets
        # this cookie); public pages take theirs from the address.
        context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}]
        )
        return context.new_page()

    for language in LANGUAGES:
        check.language = language
        page = browser_tab(language)
        check_public_pages(page, check, base_url, language)
        sign_in(page, check, base_url, language, "sam.adviser")
        check_plan_builder(
            page, check, base_url, language, site["plans"][language], site["spare_resource"]
        )
        signed_out = browser_tab(language)
        check_shared_links(signed_out, check, base_url, language, site["plans"][language])
        lock_out(signed_out, check, base_url, language)
    timings["browser"] = round(time.monotonic() - started, 1)

    vnu_started = time.monotonic()
    vnu_errors, vnu_warnings = run_vnu(collector)
    timings["vnu"] = round(time.monotonic() - vnu_started, 1)
    assert any(error.page == FAULTY for error in vnu_errors), "vnu missed a known fault"
    vnu_errors = [error for error in vnu_errors if error.page != FAULTY]
    print(report(findings, vnu_errors, vnu_warnings, timings))
    for name in findings.checked:
        print(f"  checked: {name}")

    problems = []
    problems += findings.status
    problems += findings.language
    problems += [f"axe: {issue}" for issue in findings.axe]
    problems += [f"320px: {overflow}" for overflow in findings.reflow]
    problems += [f"vnu: {error}" for error in vnu_errors]
    assert not problems, "\n".join(problems)
