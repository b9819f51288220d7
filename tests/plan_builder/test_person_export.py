"""Everything held about a person, for a subject access request: every version, every row,
shared links without their secrets, and the audit trail about them."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.models import AuditAction, AuditEvent, ShareLink, StatementKind
from plan_builder.person_data import person_export_data
from tests.factories import ResourcePageFactory
from tests.plan_factories import (
    ActionFactory,
    ContactFactory,
    GoalFactory,
    GoalRatingFactory,
    PersonFactory,
    PlanFactory,
    StatementFactory,
    TeamFactory,
    practitioner,
    review_plan,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(site_tree, team, user):
    """Version 2 of a plan with every kind of row, a shared link, and version 1 behind it."""
    plan = PlanFactory(
        shared=True,
        share__actor=user,
        share__label="Peggy and Ann",
        person__team=team,
        person__full_name="Margaret Example",
    )
    ContactFactory(plan=plan, name="Ann Example")
    StatementFactory(plan=plan, kind=StatementKind.NEED, text="I get lost in town.")
    goal = GoalFactory(plan=plan, description="I want to walk to the shops.")
    GoalRatingFactory(goal=goal, rated_on=datetime.date(2026, 3, 2), attainment=3)
    ActionFactory(goal=goal, description="Walk with Ann", due_date=datetime.date(2026, 5, 1))
    resource = ResourcePageFactory(parent=site_tree["library"], title="Walking with dementia")
    services.attachment_create(
        plan=plan,
        actor=user,
        attachable_key="resources.resourcepage",
        object_id=str(resource.pk),
        reason="To plan safe routes.",
    )
    review_plan(plan, actor=user)
    return plan


def test_every_version_with_all_its_rows(plan):
    data = person_export_data(plan.person)

    assert data["person"]["full_name"] == "Margaret Example"
    assert data["person"]["nhs_number"] == "9434765919"
    assert data["person"]["date_of_birth"] == "1944-05-17"
    assert [version["version"] for version in data["plans"]] == [1, 2]
    assert [version["is_current"] for version in data["plans"]] == [False, True]
    for version in data["plans"]:
        assert [contact["name"] for contact in version["contacts"]] == ["Ann Example"]
        assert [item["text"] for item in version["statements"]] == ["I get lost in town."]
        (goal,) = version["goals"]
        assert goal["description"] == "I want to walk to the shops."
        assert [rating["attainment"] for rating in goal["ratings"]] == [3]
        assert goal["ratings"][0]["rated_on"] == "2026-03-02"
        assert goal["actions"][0]["due_date"] == "2026-05-01"
        (attachment,) = version["attachments"]
        assert attachment["title"] == "Walking with dementia"
        assert attachment["reason"] == "To plan safe routes."
        assert attachment["url"].startswith("http://")
    assert data["plans"][1]["replaces"] == str(plan.replaces)


def test_it_is_json_and_holds_no_token_digest(plan):
    data = person_export_data(plan.person)
    digest = ShareLink.objects.get().token_digest

    text = json.dumps(data)

    (share_link,) = data["share_links"]
    assert share_link["label"] == "Peggy and Ann"
    assert "expires_at" in share_link
    assert "token_digest" not in text
    assert digest not in text


def test_the_audit_trail_about_the_person_and_no_one_else(plan, user):
    other = PlanFactory(person=PersonFactory(team=plan.person.team))
    services.audit_record(actor=user, action=AuditAction.VIEW, plan=other, detail="Elsewhere")

    events = person_export_data(plan.person)["audit_events"]

    assert {event["action"] for event in events} >= {"share", "review", "change"}
    assert "Elsewhere" not in {event["detail"] for event in events}
    assert all(event["who"] == user.get_username() for event in events)
    assert all(datetime.datetime.fromisoformat(event["when"]) for event in events)


# The view ----------------------------------------------------------------------------------


def export_url(plan, export_format):
    return reverse(
        "plan_builder:person_export", kwargs={"plan_id": plan.pk, "export_format": export_format}
    )


def test_json_download_names_no_one_and_is_audited(client, plan, user):
    client.force_login(user)

    response = client.get(export_url(plan, "json"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f'filename="person-{plan.person.pk}-{timezone.localdate():%Y-%m-%d}.json"' in disposition
    assert "Margaret" not in disposition
    data = response.json()
    assert [version["version"] for version in data["plans"]] == [1, 2]
    assert "token_digest" not in response.content.decode()
    event = AuditEvent.objects.filter(action=AuditAction.EXPORT).get()
    assert (event.actor, event.plan) == (user, plan)
    assert event.detail == "Exported everything held (json)"


def test_fhir_download_holds_every_version(client, plan, user):
    client.force_login(user)

    response = client.get(export_url(plan, "fhir"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    assert response["Content-Disposition"].endswith('.fhir.json"')
    care_plans = [
        entry["resource"]
        for entry in response.json()["entry"]
        if entry["resource"]["resourceType"] == "CarePlan"
    ]
    assert len(care_plans) == 2
    assert AuditEvent.objects.get(action=AuditAction.EXPORT).detail == (
        "Exported everything held (fhir)"
    )


def test_an_earlier_version_leads_to_the_same_export(client, plan, user):
    client.force_login(user)

    response = client.get(export_url(plan.replaces, "json"))

    assert response.status_code == 200
    assert len(response.json()["plans"]) == 2


@pytest.mark.parametrize("export_format", ["xml", "JSON", "csv"])
def test_an_unknown_format_is_not_found(client, plan, user, export_format):
    client.force_login(user)

    response = client.get(export_url(plan, export_format))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_another_team_gets_not_found(client, plan):
    client.force_login(practitioner(TeamFactory()))

    response = client.get(export_url(plan, "json"))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_signed_out_are_sent_to_sign_in(client, plan):
    response = client.get(export_url(plan, "json"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("plan_builder:login"))
