"""The person's copy of their plan: the page, the PDF and the shared link."""

import itertools
import re
import socket
import zlib
from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.models import (
    ActionStatus,
    AuditAction,
    AuditEvent,
    Plan,
    ShareLink,
    SupportType,
)
from plan_builder.pdf import render_plan_pdf
from plan_builder.views.person_copy import my_plan_context
from tests.factories import ResourcePageFactory, SupportOrganisationFactory
from tests.plan_factories import (
    ActionFactory,
    GoalFactory,
    GoalRatingFactory,
    PersonFactory,
    PlanFactory,
    practitioner,
    share_plan,
)

pytestmark = pytest.mark.django_db

GOAL = "I want to walk to the shops on my own again."
SECOND_GOAL = "I want to go back to the choir on Thursdays."
ACTION = "Walk to the corner shop with Ann on Tuesdays."
RESOURCE = "My Life, My Goals"
ORGANISATION = "Admiral Nurse Helpline"
NHS_NUMBER_FORMS = ("943 476 5919", "9434765919")
FRIENDLY_404 = "Ask the person who gave it to you for a new one."


@pytest.fixture
def plan(team):
    """A full plan with goals of its own: the first has a target date and an action due on
    the review date, the second an action already done."""
    plan = PlanFactory(
        full=True,
        person__team=team,
        person__full_name="Margaret Example",
        review_due=date(2026, 3, 3),
        rows__goals=[],
    )
    goal = GoalFactory(plan=plan, description=GOAL, target_date=date(2026, 6, 30))
    ActionFactory(goal=goal, description=ACTION, due_date=date(2026, 3, 3), timing="")
    GoalRatingFactory(goal=goal, rated_on=date(2026, 1, 12), attainment=3)
    second = GoalFactory(plan=plan, description=SECOND_GOAL)
    ActionFactory(goal=second, description="Ring the choir leader.", status=ActionStatus.DONE)
    return plan


@pytest.fixture
def attached(site_tree, plan, user):
    """A resource and an organisation given to the person, the resource for their goal."""
    resource = ResourcePageFactory(parent=site_tree["library"], title=RESOURCE)
    organisation = SupportOrganisationFactory(name=ORGANISATION, phone="0800 888 6678")
    services.attachment_create(
        plan=plan,
        actor=user,
        attachable_key="resources.resourcepage",
        object_id=str(resource.pk),
        reason="To help you plan your goals step by step.",
        goal=plan.goals.get(description=GOAL),
    )
    services.attachment_create(
        plan=plan,
        actor=user,
        attachable_key="resources.supportorganisation",
        object_id=str(organisation.pk),
        reason="Specialist dementia nurses you can talk to.",
        support_type=SupportType.REFERRED,
        referral_status="sent",
    )
    return {"resource": resource, "organisation": organisation}


def render_my_plan(plan: Plan, *, show_nhs_number: bool = False) -> str:
    context = my_plan_context(plan, show_nhs_number=show_nhs_number, pdf_url="/plan.pdf")
    return render_to_string("plan_builder/my_plan.html", context)


def pdf_contents(pdf: bytes) -> bytes:
    """The file with every compressed stream inflated, so the catalog, outline (made from the
    headings) and metadata can be searched without a PDF library."""
    inflated = [pdf]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            inflated.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue
    return b"\n".join(inflated)


def assert_private(response):
    assert "no-store" in response["Cache-Control"]


# The page -------------------------------------------------------------------------------


def test_goals_come_first_with_their_actions_under_them(plan, attached):
    html = render_my_plan(plan)

    goal_at, action_at, second_goal_at = (
        html.index(GOAL),
        html.index(ACTION),
        html.index(SECOND_GOAL),
    )
    assert goal_at < action_at < second_goal_at
    assert (
        second_goal_at
        < html.index("Things to read and watch")
        < html.index("Organisations that can help")
    )
    assert html.index("Your goals") < html.index("About you")


def test_a_resource_shows_why_it_was_given_and_its_address_in_full(plan, attached):
    html = render_my_plan(plan)

    assert "To help you plan your goals step by step." in html
    address = attached["resource"].external_url
    # Written out in full, and kept left to right in right-to-left text.
    assert f'<a href="{address}"><bdi dir="ltr">{address}</bdi></a>' in html


def test_an_organisation_phone_number_is_written_in_full_and_tappable(plan, attached):
    html = render_my_plan(plan)

    assert (
        '<a href="tel:+44-800-888-6678"><bdi class="plan-number" dir="ltr">0800 888 6678</bdi></a>'
        in html
    )
    assert "We have asked them to get in touch with you." in html
    assert "You can contact them yourself" not in html


def test_a_resource_taken_off_the_website_still_shows_what_was_given(plan, attached):
    attached["resource"].unpublish()

    html = render_my_plan(plan)

    assert RESOURCE in html
    assert "This is no longer on our website." in html
    page_address = plan.attachments.get(title=RESOURCE).url
    assert page_address
    assert page_address not in html  # a dead link to our own page is left out


def test_an_organisation_taken_off_the_directory_still_shows_what_was_given(plan, attached):
    attached["organisation"].live = False
    attached["organisation"].save()

    html = render_my_plan(plan)

    assert ORGANISATION in html
    assert "0800 888 6678" in html
    assert "This organisation is no longer on our website." in html


def test_dates_are_written_out_in_full(plan):
    html = render_my_plan(plan)

    assert "We will look at your plan with you again by Tuesday 3 March 2026." in html
    assert "by Tuesday 3 March 2026" in html  # the action
    assert "Tuesday 30 June 2026" in html  # the goal's target date
    assert not re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", html)


def test_nhs_number_only_on_the_practitioners_copy(plan):
    assert "943 476 5919" in render_my_plan(plan, show_nhs_number=True)
    shared = render_my_plan(plan, show_nhs_number=False)
    assert not any(number in shared for number in NHS_NUMBER_FORMS)


def test_empty_sections_are_left_out(team):
    plan = PlanFactory(person=PersonFactory(team=team), what_matters_most="", warning_signs="")

    html = render_my_plan(plan)

    for heading in (
        "Your goals",
        "Things to read and watch",
        "Organisations that can help",
        "If things get harder",
        "People who support you",
        "About you",
    ):
        assert heading not in html
    assert "When we will look at your plan again" in html


def test_headings_go_down_one_level_at_a_time(plan, attached):
    html = render_my_plan(plan)

    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels))


def test_page_is_standalone_with_no_inline_styles_or_scripts(plan, attached):
    html = render_my_plan(plan)

    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert '<html lang="en" dir="ltr">' in html
    assert "/static/plan_builder/my_plan.css" in html
    assert "<script" not in html
    assert "style=" not in html
    assert "<style" not in html


# The PDF --------------------------------------------------------------------------------


def test_pdf_is_tagged_titled_and_in_english(plan, attached):
    context = my_plan_context(plan, show_nhs_number=False, pdf_url="")

    pdf = render_plan_pdf(context=context)

    assert pdf.startswith(b"%PDF")
    contents = pdf_contents(pdf)
    assert b"/StructTreeRoot" in contents
    assert b"/MarkInfo" in contents
    assert b"/Lang (en)" in contents
    assert b"Your care and support plan" in contents
    assert GOAL.encode() in contents
    assert RESOURCE.encode() in contents


def test_pdf_never_fetches_anything_over_the_network(plan, attached, monkeypatch):
    connections = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connections.append(a))
    monkeypatch.setattr(socket.socket, "connect", lambda *a, **k: connections.append(a))

    render_plan_pdf(context=my_plan_context(plan, show_nhs_number=False, pdf_url=""))

    assert connections == []


# The practitioners' copy ------------------------------------------------------------------


def test_practitioner_sees_the_printable_copy_and_it_is_audited(client, user, plan):
    client.force_login(user)

    response = client.get(reverse("plan_builder:my_plan", args=[plan.pk]))

    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "943 476 5919" in html
    assert reverse("plan_builder:my_plan_pdf", args=[plan.pk]) in html
    event = AuditEvent.objects.get(action=AuditAction.VIEW, plan=plan)
    assert (event.actor, event.detail) == (user, "Printed view")


def test_practitioner_downloads_the_pdf_and_it_is_audited(client, user, plan, attached):
    client.force_login(user)

    response = client.get(reverse("plan_builder:my_plan_pdf", args=[plan.pk]))

    assert response.status_code == 200
    assert_private(response)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="care-and-support-plan.pdf"'
    assert response.content.startswith(b"%PDF")
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, plan=plan)
    assert (event.actor, event.detail) == (user, "PDF")


def test_an_earlier_version_can_still_be_printed(client, user, plan):
    earlier = PlanFactory(person=plan.person, version=2, is_current=False)
    client.force_login(user)

    response = client.get(reverse("plan_builder:my_plan", args=[earlier.pk]))

    assert response.status_code == 200
    assert "This is an older copy of your plan." in response.content.decode()


@pytest.mark.parametrize("name", ["plan_builder:my_plan", "plan_builder:my_plan_pdf"])
def test_another_teams_practitioner_gets_not_found(client, plan, name):
    client.force_login(practitioner())

    response = client.get(reverse(name, args=[plan.pk]))

    assert response.status_code == 404
    assert_private(response)
    assert not AuditEvent.objects.filter(plan=plan).exists()


@pytest.mark.parametrize("name", ["plan_builder:my_plan", "plan_builder:my_plan_pdf"])
def test_signed_out_visitors_are_sent_to_sign_in(client, plan, name):
    response = client.get(reverse(name, args=[plan.pk]))

    assert response.status_code == 302
    assert "Margaret" not in response.content.decode()


# Shared links ---------------------------------------------------------------------------


@pytest.fixture
def share(plan, user):
    share_plan(plan, actor=user)
    return plan.share_link, plan.share_token


def test_shared_link_opens_signed_out_without_the_nhs_number(client, plan, attached, share):
    link, token = share

    response = client.get(reverse("plan_builder:shared_plan", args=[token]))

    assert response.status_code == 200
    assert_private(response)
    assert response["Referrer-Policy"] == "same-origin"  # the token never leaves the site
    html = response.content.decode()
    assert GOAL in html and RESOURCE in html
    assert not any(number in html for number in NHS_NUMBER_FORMS)
    assert reverse("plan_builder:shared_plan_pdf", args=[token]) in html
    assert reverse("plan_builder:plan_detail", args=[plan.pk]) not in html
    link.refresh_from_db()
    assert link.use_count == 1
    assert AuditEvent.objects.filter(action=AuditAction.SHARED_VIEW, plan=plan).count() == 1


def test_shared_link_pdf_downloads_and_counts_a_use(client, plan, share):
    link, token = share

    response = client.get(reverse("plan_builder:shared_plan_pdf", args=[token]))

    assert response.status_code == 200
    assert_private(response)
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="care-and-support-plan.pdf"'
    assert not any(number.encode() in pdf_contents(response.content) for number in NHS_NUMBER_FORMS)
    link.refresh_from_db()
    assert link.use_count == 1


def expire(link: ShareLink, plan: Plan, user) -> None:
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))


def revoke(link: ShareLink, plan: Plan, user) -> None:
    services.share_link_revoke(plan=plan, actor=user, share_link=link)


@pytest.mark.parametrize("stop", [expire, revoke])
@pytest.mark.parametrize("name", ["plan_builder:shared_plan", "plan_builder:shared_plan_pdf"])
def test_expired_or_stopped_links_do_not_open(client, plan, user, share, stop, name):
    link, token = share
    stop(link, plan, user)

    response = client.get(reverse(name, args=[token]))

    assert response.status_code == 404
    assert_private(response)
    assert FRIENDLY_404 in response.content.decode()
    assert GOAL not in response.content.decode()
    link.refresh_from_db()
    assert link.use_count == 0


@pytest.mark.parametrize("token", ["not-a-real-token", "x" * 5000, "%00", "ä" * 40, "' OR 1=1 --"])
@pytest.mark.parametrize("name", ["plan_builder:shared_plan", "plan_builder:shared_plan_pdf"])
def test_unknown_or_made_up_tokens_get_the_friendly_not_found_page(client, plan, token, name):
    response = client.get(reverse(name, args=[token]))

    assert response.status_code == 404
    assert_private(response)
    assert "This link does not work" in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.SHARED_VIEW).exists()
