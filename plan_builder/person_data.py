"""Everything held about a person, for a subject access request or to take their records
elsewhere: every version of their plan, their shared links and who did what with them."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.db import models
from django.utils import timezone

from plan_builder.models import AuditEvent, Person, Plan

SECRET_FIELDS = {"token_digest"}


def person_export_data(person: Person) -> dict:
    """A JSON-ready dict. Share-link token digests stay out: they are secrets, not data
    about the person."""
    plans = (
        person.plans.select_related("replaces", "lead_practitioner", "created_by", "updated_by")
        .prefetch_related(
            "contacts", "statements", "goals__ratings", "goals__actions", "attachments"
        )
        .order_by("version")
    )
    audit_events = AuditEvent.objects.filter(person_ref=person.pk).order_by("at", "pk")
    return {
        "exported_at": timezone.now().isoformat(),
        "person": _row(person),
        "plans": [_plan(plan) for plan in plans],
        "share_links": [
            _row(share_link, exclude={"person", *SECRET_FIELDS})
            for share_link in person.share_links.all()
        ],
        "audit_events": [
            {
                "when": event.at.isoformat(),
                "who": event.actor_name,
                "action": event.action,
                "plan_version": event.plan_version,
                "detail": event.detail,
            }
            for event in audit_events
        ],
    }


def _plan(plan: Plan) -> dict:
    return {
        **_row(plan, exclude={"person"}),
        "contacts": [_row(contact, exclude={"plan"}) for contact in plan.contacts.all()],
        "statements": [_row(statement, exclude={"plan"}) for statement in plan.statements.all()],
        "goals": [
            {
                **_row(goal, exclude={"plan"}),
                "ratings": [_row(rating, exclude={"goal"}) for rating in goal.ratings.all()],
                "actions": [_row(action, exclude={"goal"}) for action in goal.actions.all()],
            }
            for goal in plan.goals.all()
        ],
        "attachments": [
            _row(attachment, exclude={"plan"}) for attachment in plan.attachments.all()
        ],
    }


def _row(obj: models.Model, *, exclude: Collection[str] = ()) -> dict:
    """Every stored field, so a field added later is exported without a change here. A link
    to another row is given by that row's name: a user's username, a goal's words."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude:
            continue
        value = getattr(obj, field.name)
        if field.is_relation:
            value = None if value is None else str(value)
        elif isinstance(value, date):  # datetimes too
            value = value.isoformat()
        data[field.name] = value
    return data
