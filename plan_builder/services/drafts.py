"""Forms sent after a session ended: kept on the server for a short time, given back once."""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping, Sequence
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from plan_builder.models import (
    AuditAction,
    FormDraft,
    Plan,
    Team,
)
from plan_builder.selectors import form_draft_readable_by
from plan_builder.services.audit import SIGNED_OUT, audit_record, token_digest

FORM_DRAFT_TOKEN_BYTES = 32
# A form of the plan builder holds at most about 20,000 characters; anything far bigger was
# not typed by a practitioner and is not kept.
FORM_DRAFT_MAX_CHARACTERS = 100_000


def _draft_subject(draft: FormDraft) -> dict:
    """The plan or team a draft belongs to, for its audit records."""
    return {"plan": draft.plan, "team": draft.team}


def form_draft_keep(
    *,
    path: str,
    data: Mapping[str, Sequence[str]],
    plan: Plan | None,
    team: Team | None,
    lifetime: timedelta,
) -> str | None:
    """Keep what a signed-out browser sent to the plan form at `path`, and return the token
    to give it back with (None when there is nothing to keep). `data` is the raw post, every
    field as sent, so it fits whatever shape the form's fields have."""
    if plan is None and team is None:
        return None  # nobody could be allowed to have it back
    text = json.dumps({name: list(values) for name, values in data.items()})
    if len(text) > FORM_DRAFT_MAX_CHARACTERS:
        return None
    form_draft_purge_expired()
    token = secrets.token_urlsafe(FORM_DRAFT_TOKEN_BYTES)
    now = timezone.now()
    with transaction.atomic():
        draft = FormDraft.objects.create(
            token_digest=token_digest(token),
            path=path,
            plan=plan,
            team=team,
            data=text,
            expires_at=now + lifetime,
        )
        audit_record(
            actor=None,
            actor_name=SIGNED_OUT,
            action=AuditAction.DRAFT_KEPT,
            detail=f"Kept form draft {draft.pk} sent to {path} after sign-in ended",
            **_draft_subject(draft),
        )
    return token


def form_draft_take(*, token: str, path: str, actor: User) -> dict[str, list[str]] | None:
    """Give back, once, what was kept under `token` for the form at `path`, when `actor` may
    read the plan it belongs to; a draft they may not read is deleted and nothing is said.
    Taking it deletes it, so the same typing is never given back twice."""
    draft = _form_draft_remove(token=token, path=path)
    if draft is None:
        return None
    if not form_draft_readable_by(draft, actor):
        _audit_discarded(draft, actor)
        return None
    audit_record(
        actor=actor,
        action=AuditAction.DRAFT_RESTORED,
        detail=f"Gave back form draft {draft.pk} at {draft.path}",
        **_draft_subject(draft),
    )
    return json.loads(draft.data)


def form_draft_discard_unreadable(*, tokens: Sequence[str], actor: User) -> list[str]:
    """Right after a sign-in on a browser holding drafts: delete each one the person who signed
    in may not read, and return the tokens still worth keeping."""
    kept = []
    for token in tokens:
        draft = FormDraft.objects.filter(token_digest=token_digest(token)).first()
        if draft is None:
            continue
        if form_draft_readable_by(draft, actor):
            kept.append(token)
        elif _form_draft_remove(token=token, path=draft.path):
            _audit_discarded(draft, actor)
    return kept


def _form_draft_remove(*, token: str, path: str) -> FormDraft | None:
    """Delete and return the unexpired draft kept under `token` for `path`. Only the request
    whose DELETE removed the row gets it, so two tabs cannot both take one draft."""
    if not token or len(token) > 100:
        return None
    draft = FormDraft.objects.filter(
        token_digest=token_digest(token), path=path, expires_at__gt=timezone.now()
    ).first()
    if draft is None:
        return None
    deleted, _rows = FormDraft.objects.filter(pk=draft.pk).delete()
    return draft if deleted else None


def _audit_discarded(draft: FormDraft, actor: User) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.DRAFT_DISCARDED,
        detail=f"Discarded form draft {draft.pk}: signed in by someone outside the team",
        **_draft_subject(draft),
    )


def form_draft_purge_expired() -> int:
    """Delete every draft whose time is up; returns how many."""
    deleted, _rows = FormDraft.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
