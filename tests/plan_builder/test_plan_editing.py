"""Building a plan the way a practitioner does, through the pages: start it, fill in each
section and list, give resources and organisations, review it, and share it with the family."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plan_builder.models import (
    Attachment,
    AuditAction,
    AuditEvent,
    Person,
    Plan,
    ReferralStatus,
    ShareLink,
    SupportType,
    TeamMembership,
)
from plan_builder.sections import ROW_KINDS, SECTION_FORMS
from tests.factories import ResourcePageFactory, SupportOrganisationFactory
from tests.plan_factories import (
    ActionFactory,
    ContactFactory,
    GoalFactory,
    GoalRatingFactory,
    StatementFactory,
    TeamFactory,
    date_post,
)

pytestmark = pytest.mark.django_db


def days(count: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=count)


def plan_page(client, plan) -> str:
    response = client.get(reverse("plan_builder:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def revision(plan) -> int:
    return Plan.objects.values_list("edit_revision", flat=True).get(pk=plan.pk)


def save(client, url, plan, data) -> None:
    """Post a plan form with the plan's current revision, as the page would, and expect it
    to be saved (a redirect back to the plan)."""
    response = client.post(url, {**data, "revision": revision(plan)})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].startswith(reverse("plan_builder:plan_detail", args=[plan.pk]))


# Starting a plan ---------------------------------------------------------------------------


def test_a_new_plan_is_started_for_one_of_my_teams_only(signed_in, team, user):
    TeamFactory(name="A team I am not in")
    second_team = TeamFactory(name="My second team")
    TeamMembership.objects.create(team=second_team, user=user)

    form = signed_in.get(reverse("plan_builder:plan_create")).content.decode()
    assert team.name in form and "My second team" in form
    assert "A team I am not in" not in form

    response = signed_in.post(
        reverse("plan_builder:plan_create"),
        {
            "full_name": "Margaret Example",
            "preferred_name": "Peggy",
            "preferred_language": "en",
            "team": second_team.pk,
            **date_post("review_due", days(180)),
        },
    )

    plan = Plan.objects.get()
    assert response["Location"] == reverse("plan_builder:plan_detail", args=[plan.pk])
    assert plan.person.team == second_team
    assert plan.lead_practitioner == user and plan.version == 1
    assert "Margaret Example" in plan_page(signed_in, plan)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, plan_ref=plan.pk).exists()


# Sections ----------------------------------------------------------------------------------

# What to type into each section's form and each list: every one in the catalogue needs an entry.
SECTIONS = {
    "about-me": {
        "what_matters_most": "Singing in the church choir on Sundays.",
        "please_do": "Give me time to find my words.",
        "about_me_written_with": "Peggy and her daughter Ann",
        **date_post("about_me_written_on", days(-2)),
    },
    "contingency": {
        "warning_signs": "Stops going to choir practice.",
        "contingency_actions": "Ann visits and rings the memory service.",
        "contingency_contacts": "Ann on 0161 496 0001.",
    },
    "agreement": {
        "agreed_by": "person",
        "agreed_by_name": "Margaret Example",
        **date_post("agreed_on", days(0)),
        "consent_to_share": "yes",
        "consent_scope": "Her GP and her daughter Ann.",
    },
    "review-date": {
        **date_post("review_due", days(90)),
        "review_responsible": "Jo, community nurse",
    },
}


@pytest.mark.parametrize("section", SECTION_FORMS)
def test_each_section_is_saved_and_shown_on_the_plan(signed_in, plan, section):
    url = reverse("plan_builder:section_edit", args=[plan.pk, section])
    assert signed_in.get(url).status_code == 200

    save(signed_in, url, plan, SECTIONS[section])

    page = plan_page(signed_in, plan)
    shown = {
        "about-me": ["Singing in the church choir", "Give me time", "Peggy and her daughter Ann"],
        "contingency": ["Stops going to choir", "Ann visits", "Ann on 0161 496 0001."],
        "agreement": ["Margaret Example", "Her GP and her daughter Ann.", "The person"],
        "review-date": ["Jo, community nurse", days(90).strftime("%B %Y")],
    }[section]
    for text in shown:
        assert text in page, text


def test_the_persons_details_are_changed(signed_in, plan):
    save(
        signed_in,
        reverse("plan_builder:person_edit", args=[plan.pk]),
        plan,
        {
            "full_name": "Margaret Example",
            "preferred_name": "Maggie",
            "nhs_number": "401 023 2137",
            "phone": "0161 496 0123",
            "preferred_contact_method": "phone",
            "preferred_language": "en",
            "gp_practice": "Salford Medical Centre",
        },
    )

    page = plan_page(signed_in, plan)
    assert "likes to be called Maggie" in page
    assert "401 023 2137" in page
    assert "Salford Medical Centre" in page
    assert Person.objects.get().nhs_number == "4010232137"


# Lists: add, change, remove ------------------------------------------------------------------

ROWS = {
    # kind: (data to add, field that shows on the plan page)
    "contacts": (
        {"kind": "personal", "name": "Ann Daughter", "relationship_or_role": "Daughter"},
        "name",
    ),
    "strengths": ({"text": "I know every hymn by heart."}, "text"),
    "needs": ({"text": "I get lost on the bus."}, "text"),
    "goals": (
        {"description": "Sing in the choir again.", "importance": "9", "status": "active"},
        "description",
    ),
    "actions": (
        {"description": "Ring the choir leader.", "who": "Ann", "status": "planned"},
        "description",
    ),
    "ratings": (
        {**date_post("rated_on", days(0)), "attainment": "3", "note": "Went once, with Ann."},
        "note",
    ),
}


@pytest.mark.parametrize("kind", [slug for slug, kind in ROW_KINDS.items() if kind.can_add])
def test_each_list_item_is_added_changed_and_removed(signed_in, plan, kind):
    data, shown_field = ROWS[kind]
    goal = GoalFactory(plan=plan, description="An existing goal")
    if kind in ("actions", "ratings"):
        add_url = reverse("plan_builder:goal_row_add", args=[plan.pk, goal.pk, kind])
    else:
        add_url = reverse("plan_builder:row_add", args=[plan.pk, kind])
    assert signed_in.get(add_url).status_code == 200

    save(signed_in, add_url, plan, data)
    assert data[shown_field] in plan_page(signed_in, plan)

    page = plan_page(signed_in, plan)
    existing = {str(goal.pk)} if kind == "goals" else set()
    (row_id,) = set(re.findall(rf"/plans/{plan.pk}/{kind}/(\d+)/edit/", page)) - existing
    edit_url = reverse("plan_builder:row_edit", args=[plan.pk, kind, row_id])
    changed = {**data, shown_field: "Changed in the meeting."}
    save(signed_in, edit_url, plan, changed)
    page = plan_page(signed_in, plan)
    assert "Changed in the meeting." in page
    assert data[shown_field] not in page

    delete_url = reverse("plan_builder:row_delete", args=[plan.pk, kind, row_id])
    assert "Remove this from the plan?" in signed_in.get(delete_url).content.decode()
    save(signed_in, delete_url, plan, {})
    assert "Changed in the meeting." not in plan_page(signed_in, plan)


@pytest.mark.parametrize("kind", [slug for slug, kind in ROW_KINDS.items() if kind.can_add])
def test_the_remove_page_says_in_words_what_will_be_removed(signed_in, plan, kind):
    goal = GoalFactory(plan=plan, description="Sing in the choir again.")
    rows = {
        "contacts": lambda: ContactFactory(plan=plan),
        "strengths": lambda: StatementFactory(plan=plan, kind="strength"),
        "needs": lambda: StatementFactory(plan=plan, kind="need"),
        "goals": lambda: goal,
        "actions": lambda: ActionFactory(goal=goal),
        "ratings": lambda: GoalRatingFactory(goal=goal),
    }
    row = rows[kind]()

    page = signed_in.get(reverse("plan_builder:row_delete", args=[plan.pk, kind, row.pk]))

    assert "object (" not in page.content.decode()


# Resources and organisations ---------------------------------------------------------------


def test_a_resource_and_a_referred_organisation_are_given_and_shown(signed_in, plan, site_tree):
    resource = ResourcePageFactory(parent=site_tree["library"], title="My Life, My Goals")
    organisation = SupportOrganisationFactory(name="Admiral Nurse Helpline")
    goal = GoalFactory(plan=plan, description="Sing in the choir again.")

    search = signed_in.get(
        reverse("plan_builder:attach_search", args=[plan.pk]), {"type": "resources.resourcepage"}
    )
    assert "My Life, My Goals" in search.content.decode()
    organisations = signed_in.get(
        reverse("plan_builder:attach_search", args=[plan.pk]),
        {"type": "resources.supportorganisation"},
    )
    assert "Admiral Nurse Helpline" in organisations.content.decode()

    save(
        signed_in,
        reverse("plan_builder:attach", args=[plan.pk, "resources.resourcepage", resource.pk]),
        plan,
        {"reason": "To plan your goals with Ann.", "goal": goal.pk},
    )
    save(
        signed_in,
        reverse(
            "plan_builder:attach",
            args=[plan.pk, "resources.supportorganisation", organisation.pk],
        ),
        plan,
        {
            "reason": "Advice for Ann as your carer.",
            "support_type": SupportType.REFERRED,
            "referral_status": ReferralStatus.SENT,
        },
    )

    page = plan_page(signed_in, plan)
    assert "My Life, My Goals" in page and "To plan your goals with Ann." in page
    assert "Admiral Nurse Helpline" in page and "Advice for Ann as your carer." in page
    assert "Referred: sent" in page
    given = Attachment.objects.get(title="Admiral Nurse Helpline")
    assert (given.support_type, given.referral_status) == ("referred", "sent")
    assert Attachment.objects.get(title="My Life, My Goals").goal == goal


# Reviews -----------------------------------------------------------------------------------


def test_a_review_makes_a_new_version_and_shows_what_changed(signed_in, plan, user):
    GoalFactory(plan=plan, description="Walk to the shops")
    old_edit_urls = [
        reverse("plan_builder:section_edit", args=[plan.pk, "about-me"]),
        reverse("plan_builder:person_edit", args=[plan.pk]),
        reverse("plan_builder:row_add", args=[plan.pk, "goals"]),
        reverse("plan_builder:attach_search", args=[plan.pk]),
    ]

    response = signed_in.post(
        reverse("plan_builder:start_review", args=[plan.pk]),
        {"review_type": "planned", **date_post("review_due", days(300))},
    )

    new = Plan.objects.get(person=plan.person, is_current=True)
    assert (new.version, new.replaces_id) == (2, plan.pk)
    assert response["Location"] == reverse("plan_builder:plan_detail", args=[new.pk])
    assert AuditEvent.objects.filter(action=AuditAction.REVIEW, plan_ref=new.pk, actor=user)

    old_page = plan_page(signed_in, plan)
    assert "This is an earlier version" in old_page
    assert "Walk to the shops" in old_page
    assert ">Change<" not in old_page
    assert "/edit/" not in old_page and "/add/" not in old_page
    for url in old_edit_urls:
        assert signed_in.get(url).status_code == 404, url

    save(
        signed_in,
        reverse("plan_builder:row_add", args=[new.pk, "goals"]),
        new,
        {"description": "Go to the choir on Sunday", "importance": "7", "status": "active"},
    )
    new_page = plan_page(signed_in, new)
    changes = new_page.split("What changed since version 1", 1)[1].split("</section>", 1)[0]
    assert "Go to the choir on Sunday" in changes
    assert "Walk to the shops" not in changes, "an unchanged goal is not listed"


# Sharing with the family -------------------------------------------------------------------


def make_link(client, plan, expires_on=None) -> str:
    """Make a link on the share page and return it as the practitioner sees it, once."""
    url = reverse("plan_builder:share", args=[plan.pk])
    response = client.post(
        url, {"label": "Peggy and Ann", **date_post("expires_on", expires_on or days(28))}
    )
    assert response.status_code == 302
    shown = client.get(response["Location"]).content.decode()
    return re.search(r'id="new-link" type="text" readonly value="([^"]+)"', shown).group(1)


def test_a_share_link_is_shown_once_opens_signed_out_and_can_be_stopped(signed_in, plan, user):
    link = make_link(signed_in, plan)
    token = link.rstrip("/").rsplit("/", 1)[-1]

    assert len(token) >= 22, "at least 128 bits"
    assert link not in signed_in.get(reverse("plan_builder:share", args=[plan.pk])).content.decode()
    share_link = ShareLink.objects.get()
    stored = " ".join(str(value) for value in ShareLink.objects.values().get().values())
    assert token not in stored
    assert share_link.token_digest != token
    assert AuditEvent.objects.filter(action=AuditAction.SHARE, actor=user, plan_ref=plan.pk)

    family = Client()
    opened = family.get(link)
    assert opened.status_code == 200
    assert "Peggy Example" in opened.content.decode()

    stop = signed_in.post(reverse("plan_builder:share_stop", args=[plan.pk, share_link.pk]))
    assert stop.status_code == 302
    assert "That link has stopped working." in signed_in.get(stop["Location"]).content.decode()
    stopped = family.get(link)
    assert stopped.status_code == 404
    assert "This link does not work" in stopped.content.decode()
    assert "Peggy Example" not in stopped.content.decode()


def test_a_share_link_stops_working_when_it_expires(signed_in, plan):
    link = make_link(signed_in, plan)
    ShareLink.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = Client().get(link)

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
