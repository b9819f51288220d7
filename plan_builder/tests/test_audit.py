"""The audit log: every view, change, export, share and deletion of a plan, readable by team
leads and changeable by nobody."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.models import AuditAction, AuditEvent
from plan_builder.tests.factories import PlanFactory, date_post, practitioner

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(team):
    return practitioner(team, is_lead=True, username="lead")


@pytest.fixture
def plan(team):
    return PlanFactory(person__team=team)


def actions_for(plan) -> list[str]:
    return list(
        AuditEvent.objects.filter(person_ref=plan.person_id)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_each_kind_of_use_is_recorded_with_who_and_which_plan(client, team, lead, plan):
    client.force_login(lead)
    client.get(reverse("plan_builder:plan_detail", args=[plan.pk]))
    client.post(
        reverse("plan_builder:section_edit", args=[plan.pk, "contingency"]),
        {"warning_signs": "Not eating", "revision": plan.edit_revision},
    )
    client.get(reverse("plan_builder:my_plan_pdf", args=[plan.pk]))
    client.get(reverse("plan_builder:plan_fhir", args=[plan.pk]))
    share = client.post(
        reverse("plan_builder:share", args=[plan.pk]),
        {
            "label": "Family",
            **date_post("expires_on", timezone.localdate() + datetime.timedelta(5)),
        },
        follow=True,
    )
    token = share.context["new_link"].rstrip("/").rsplit("/", 1)[-1]
    client.logout()
    client.get(reverse("plan_builder:shared_plan", args=[token]))

    assert actions_for(plan) == [
        AuditAction.VIEW,
        AuditAction.CHANGE,
        AuditAction.EXPORT,
        AuditAction.EXPORT,
        AuditAction.SHARE,
        AuditAction.SHARED_VIEW,
    ]
    change = AuditEvent.objects.get(action=AuditAction.CHANGE)
    assert change.actor == lead and change.actor_name == "lead"
    assert change.plan_ref == plan.pk and change.plan_version == 1
    assert "Not eating" not in change.detail, "the log holds what was done, not what was said"


def test_team_leads_read_the_log_for_the_person(client, team, lead, plan):
    services.audit_record(actor=lead, action=AuditAction.VIEW, plan=plan, detail="Printed view")
    client.force_login(lead)

    html = client.get(reverse("plan_builder:plan_audit", args=[plan.pk])).content.decode()

    assert "Printed view" in html
    assert "lead" in html


def test_a_member_who_is_not_a_lead_cannot_read_it(client, team, plan):
    client.force_login(practitioner(team))

    assert client.get(reverse("plan_builder:plan_audit", args=[plan.pk])).status_code == 403


def test_audit_events_cannot_be_changed_or_deleted(lead, plan):
    event = services.audit_record(actor=lead, action=AuditAction.VIEW, plan=plan)

    event.detail = "Nothing happened"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(detail="Nothing happened")
    with pytest.raises(PermissionError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).detail == ""


def test_the_admin_offers_no_way_to_edit_the_log(client, lead):
    lead.is_superuser = lead.is_staff = True
    lead.save()
    client.force_login(lead)

    admin = client.get("/admin/").content.decode()

    assert "auditevent" not in admin.lower()
    assert client.get("/admin/snippets/plan_builder/auditevent/").status_code == 404


def test_reloading_the_share_page_does_not_make_a_second_link(client, lead, plan):
    client.force_login(lead)
    url = reverse("plan_builder:share", args=[plan.pk])

    made = client.post(
        url,
        {
            "label": "Family",
            **date_post("expires_on", timezone.localdate() + datetime.timedelta(5)),
        },
    )
    shown = client.get(made["Location"])
    reloaded = client.get(url)

    assert made.status_code == 302
    assert "/plans/shared/" in shown.context["new_link"]
    assert reloaded.context["new_link"] is None, "the link is shown once"
    assert plan.person.share_links.count() == 1
