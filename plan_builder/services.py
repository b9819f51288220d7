"""Everything that changes a plan. Views call these verbs and nothing else writes plan data,
so every change is checked against concurrent edits and recorded in the audit log."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from plan_builder.models import (
    Action,
    Attachment,
    AuditAction,
    AuditEvent,
    Contact,
    FormDraft,
    Goal,
    GoalRating,
    Person,
    Plan,
    ReviewType,
    ShareLink,
    Statement,
    SupportType,
    Team,
)
from plan_builder.registry import AttachmentKind, registry
from plan_builder.sections import ReviewCopy, copy_on_review
from plan_builder.selectors import form_draft_readable_by, person_content_language

SHARE_TOKEN_BYTES = 32  # 256 bits; the issue asks for at least 128.
FORM_DRAFT_TOKEN_BYTES = 32
# A form of the plan builder holds at most about 20,000 characters; anything far bigger was
# not typed by a practitioner and is not kept.
FORM_DRAFT_MAX_CHARACTERS = 100_000
SIGNED_OUT = "Signed out"  # the audit log's name for a request nobody was signed in for


class PlanEditConflict(Exception):
    """Someone else changed the plan after this form was opened."""


class PlanNotEditable(Exception):
    """Earlier versions are a record of what was agreed; only the current one changes."""


class AttachmentRefused(Exception):
    """Raised with a message for the practitioner, by us or by a `before_attach_to_plan` hook."""


def audit_record(
    *,
    actor: AbstractBaseUser | None,
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


def _claim_edit(*, plan: Plan, actor: AbstractBaseUser, expected_revision: int | None) -> None:
    """Raise the plan's edit revision, or refuse when it moved since the form was opened.

    One conditional UPDATE, so two saves racing each other cannot both win."""
    if not plan.is_current:
        raise PlanNotEditable
    claim = Plan.objects.filter(pk=plan.pk, is_current=True)
    if expected_revision is not None:
        claim = claim.filter(edit_revision=expected_revision)
    now = timezone.now()
    if not claim.update(edit_revision=F("edit_revision") + 1, updated_at=now, updated_by=actor):
        if not Plan.objects.filter(pk=plan.pk, is_current=True).exists():
            raise PlanNotEditable
        raise PlanEditConflict
    plan.edit_revision = Plan.objects.values_list("edit_revision", flat=True).get(pk=plan.pk)
    plan.updated_at = now
    plan.updated_by = actor


def plan_create(
    *,
    actor: AbstractBaseUser,
    person: Person,
    review_due: date,
    review_responsible: str = "",
) -> Plan:
    """Save a new person and their first plan."""
    with transaction.atomic():
        person.save()
        plan = Plan.objects.create(
            person=person,
            review_due=review_due,
            review_responsible=review_responsible,
            lead_practitioner=actor,
            created_by=actor,
            updated_by=actor,
        )
        audit_record(actor=actor, action=AuditAction.CREATE, plan=plan, detail="Started a plan")
    return plan


def plan_update(
    *,
    plan: Plan,
    actor: AbstractBaseUser,
    expected_revision: int | None,
    values: Mapping[str, Any],
    section: str,
) -> Plan:
    """Save one section of the plan (about me, contingency, agreement, review)."""
    with transaction.atomic():
        _claim_edit(plan=plan, actor=actor, expected_revision=expected_revision)
        for name, value in values.items():
            setattr(plan, name, value)
        plan.save(update_fields=[*values, "updated_at", "updated_by"])
        audit_record(actor=actor, action=AuditAction.CHANGE, plan=plan, detail=f"Changed {section}")
    return plan


def person_update(
    *,
    plan: Plan,
    actor: AbstractBaseUser,
    expected_revision: int | None,
    values: Mapping[str, Any],
) -> Person:
    person = plan.person
    with transaction.atomic():
        _claim_edit(plan=plan, actor=actor, expected_revision=expected_revision)
        for name, value in values.items():
            setattr(person, name, value)
        person.save()
        audit_record(
            actor=actor, action=AuditAction.CHANGE, plan=plan, detail="Changed the person's details"
        )
    return person


PlanRow = Contact | Statement | Goal | Action | GoalRating | Attachment


def _describe(item: PlanRow) -> str:
    return f"{item._meta.verbose_name} {item.pk}"


def plan_item_save(
    *,
    plan: Plan,
    actor: AbstractBaseUser,
    item: PlanRow,
    expected_revision: int | None,
) -> PlanRow:
    """Add or change a contact, strength, need, goal, rating or action of the current plan."""
    adding = item._state.adding
    with transaction.atomic():
        _claim_edit(plan=plan, actor=actor, expected_revision=expected_revision)
        if isinstance(item, Contact | Statement | Goal | Attachment):
            item.plan = plan
            if adding:
                item.sort_order = _next_sort_order(type(item), plan)
        if isinstance(item, GoalRating) and adding:
            item.recorded_by = actor
        item.save()
        verb = "Added" if adding else "Changed"
        audit_record(
            actor=actor, action=AuditAction.CHANGE, plan=plan, detail=f"{verb} {_describe(item)}"
        )
    return item


def plan_item_delete(
    *,
    plan: Plan,
    actor: AbstractBaseUser,
    item: PlanRow,
    expected_revision: int | None,
) -> None:
    with transaction.atomic():
        _claim_edit(plan=plan, actor=actor, expected_revision=expected_revision)
        detail = f"Removed {_describe(item)}"
        item.delete()
        audit_record(actor=actor, action=AuditAction.CHANGE, plan=plan, detail=detail)


def _next_sort_order(model: type[models.Model], plan: Plan) -> int:
    last = model.objects.filter(plan=plan).aggregate(last=models.Max("sort_order"))["last"]
    return 0 if last is None else last + 1


def attachment_create(
    *,
    plan: Plan,
    actor: AbstractBaseUser,
    attachable_key: str,
    object_id: str,
    reason: str = "",
    goal: Goal | None = None,
    support_type: str = "",
    referral_status: str = "",
) -> Attachment:
    """Give the person something from a registered type: only published items, each item
    once, in its version in the person's language where there is one (whichever of its
    versions `object_id` names)."""
    attachable = registry.get(attachable_key)
    if attachable is None:
        raise AttachmentRefused(_("That kind of content cannot be added to a plan."))
    content_object = attachable.get_available_object(object_id)
    if content_object is None:
        raise AttachmentRefused(
            _("That item is not published any more, so it cannot be added. Choose another.")
        )
    content_object = attachable.get_version(content_object, person_content_language(plan.person))
    if goal is not None and goal.plan_id != plan.pk:
        raise AttachmentRefused(_("Choose one of this plan's goals."))
    content_type = ContentType.objects.get_for_model(attachable.model)
    object_id = str(content_object.pk)
    given = Attachment.objects.filter(plan=plan, content_type=content_type).values_list(
        "object_id", flat=True
    )
    if attachable.get_item_key(content_object) in attachable.get_item_keys(given).values():
        raise AttachmentRefused(_("This is already in the plan."))
    for before_attach in hooks.get_hooks("before_attach_to_plan"):
        before_attach(plan=plan, content_object=content_object, user=actor)
    is_service = attachable.kind == AttachmentKind.SERVICE
    if is_service:
        support_type = support_type or SupportType.SIGNPOSTED
        referral_status = referral_status if support_type == SupportType.REFERRED else ""
    else:
        support_type = referral_status = ""
    attachment = Attachment(
        content_type=content_type,
        object_id=object_id,
        kind=attachable.kind,
        title=attachable.get_title(content_object)[:255],
        summary=(attachable.get_summary(content_object) or "")[:500],
        url=attachable.get_url(content_object) or "",
        external_url=attachable.get_external_url(content_object) or "",
        phone=attachable.get_phone(content_object) or "",
        language=attachable.get_language(content_object),
        reason=reason,
        goal=goal,
        support_type=support_type,
        referral_status=referral_status,
        attached_by=actor,
    )
    plan_item_save(plan=plan, actor=actor, item=attachment, expected_revision=None)
    for after_attach in hooks.get_hooks("after_attach_to_plan"):
        after_attach(attachment=attachment, content_object=content_object, user=actor)
    return attachment


def plan_start_review(
    *,
    plan: Plan,
    actor: AbstractBaseUser,
    review_type: ReviewType,
    review_due: date,
) -> Plan:
    """Make the next version from the current one and return it. The old version is kept,
    read-only; the `plan` instance passed in becomes the new version."""
    with transaction.atomic():
        _claim_edit(plan=plan, actor=actor, expected_revision=None)
        plan.refresh_from_db()
        now = timezone.now()
        Plan.objects.filter(pk=plan.pk).update(is_current=False, superseded_at=now)
        previous_pk = plan.pk
        new_plan = plan
        new_plan.pk = None
        new_plan._state.adding = True
        new_plan.version = plan.version + 1
        new_plan.replaces_id = previous_pk
        new_plan.is_current = True
        new_plan.superseded_at = None
        new_plan.review_type = review_type
        new_plan.review_due = review_due
        new_plan.edit_revision = 0
        new_plan.created_by = new_plan.updated_by = actor
        new_plan.agreed_by_name = new_plan.agreed_by = ""
        new_plan.agreed_on = None
        new_plan.save()
        Plan.objects.filter(pk=new_plan.pk).update(created_at=now)
        copy_on_review(ReviewCopy(from_plan_id=previous_pk, to_plan=new_plan))
        audit_record(
            actor=actor,
            action=AuditAction.REVIEW,
            plan=new_plan,
            detail=f"Started version {new_plan.version} from plan {previous_pk}",
        )
    return new_plan


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def share_link_create(
    *, plan: Plan, actor: AbstractBaseUser, label: str, expires_at: datetime
) -> tuple[ShareLink, str]:
    """Return the link and its token. The token is shown once and never stored."""
    token = secrets.token_urlsafe(SHARE_TOKEN_BYTES)
    with transaction.atomic():
        share_link = ShareLink.objects.create(
            person=plan.person,
            token_digest=_token_digest(token),
            label=label,
            created_by=actor,
            expires_at=expires_at,
        )
        audit_record(
            actor=actor,
            action=AuditAction.SHARE,
            plan=plan,
            detail=f"Made shared link {share_link.pk}, open until {expires_at:%Y-%m-%d}",
        )
    return share_link, token


def share_link_revoke(*, plan: Plan, actor: AbstractBaseUser, share_link: ShareLink) -> None:
    with transaction.atomic():
        ShareLink.objects.filter(pk=share_link.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        audit_record(
            actor=actor,
            action=AuditAction.SHARE_REVOKE,
            plan=plan,
            detail=f"Stopped shared link {share_link.pk}",
        )


def share_link_open(*, token: str) -> Plan | None:
    """The current plan a token opens, or None when it is unknown, expired or stopped."""
    if not token or len(token) > 100:
        return None
    now = timezone.now()
    share_link = (
        ShareLink.objects.filter(
            token_digest=_token_digest(token), revoked_at__isnull=True, expires_at__gt=now
        )
        .select_related("person")
        .first()
    )
    if share_link is None:
        return None
    plan = (
        Plan.objects.current()
        .filter(person=share_link.person)
        .select_related("person", "person__team")
        .first()
    )
    if plan is None:
        return None
    with transaction.atomic():
        ShareLink.objects.filter(pk=share_link.pk).update(
            use_count=F("use_count") + 1, last_used_at=now
        )
        audit_record(
            actor=None,
            actor_name=f"Shared link {share_link.pk}",
            action=AuditAction.SHARED_VIEW,
            plan=plan,
            detail=f"Opened shared link {share_link.pk}",
        )
    return plan


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
            token_digest=_token_digest(token),
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


def form_draft_take(
    *, token: str, path: str, actor: AbstractBaseUser
) -> dict[str, list[str]] | None:
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


def form_draft_discard_unreadable(*, tokens: Sequence[str], actor: AbstractBaseUser) -> list[str]:
    """Right after a sign-in on a browser holding drafts: delete each one the person who signed
    in may not read, and return the tokens still worth keeping."""
    kept = []
    for token in tokens:
        draft = FormDraft.objects.filter(token_digest=_token_digest(token)).first()
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
        token_digest=_token_digest(token), path=path, expires_at__gt=timezone.now()
    ).first()
    if draft is None:
        return None
    deleted, _rows = FormDraft.objects.filter(pk=draft.pk).delete()
    return draft if deleted else None


def _audit_discarded(draft: FormDraft, actor: AbstractBaseUser) -> None:
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


def person_delete(*, person: Person, actor: AbstractBaseUser) -> None:
    """Erase a person and every version of their plan at their request. The audit log keeps
    that it happened, who did it and the ids, never what the plans said."""
    with transaction.atomic():
        versions = person.plans.count()
        audit_record(
            actor=actor,
            action=AuditAction.DELETE,
            person=person,
            detail=f"Deleted person {person.pk} and {versions} plan versions at their request",
        )
        person.delete()
