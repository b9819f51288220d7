"""The audit log's one writer: every service records what it did here."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import User

from plan_builder.models import (
    AuditAction,
    AuditEvent,
    Person,
    Plan,
    Team,
)

SIGNED_OUT = "Signed out"  # the audit log's name for a request nobody was signed in for


def audit_record(
    *,
    actor: User | None,
    action: AuditAction,
    plan: Plan | None = None,
    person: Person | None = None,
    team: Team | None = None,
    detail: str = "",
    actor_name: str = "",
) -> AuditEvent:
    person = person or (plan.person if plan else None)
    team_ref = person.team_id if person else (team.pk if team else None)
    return AuditEvent.objects.create(
        actor=actor if actor and actor.is_authenticated else None,
        actor_name=actor_name or (actor.get_username() if actor else ""),
        action=action,
        person=person,
        person_ref=person.pk if person else None,
        plan=plan,
        plan_ref=plan.pk if plan else None,
        plan_version=plan.version if plan else None,
        team_ref=team_ref,
        detail=detail[:255],
    )


def token_digest(token: str) -> str:
    """What shared links and kept forms store of their tokens, never the tokens themselves."""
    return hashlib.sha256(token.encode()).hexdigest()
