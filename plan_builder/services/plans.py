"""Starting, changing and reviewing plans, and erasing a person. Every change is checked
against concurrent edits (one conditional UPDATE of the plan's edit revision) and audited."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from plan_builder.models import (
    Action,
    Attachment,
    AuditAction,
    Contact,
    Goal,
    GoalRating,
    Person,
    Plan,
    ReviewType,
    Statement,
)
from plan_builder.sections import ReviewCopy, copy_on_review
from plan_builder.services.audit import audit_record


class PlanEditConflict(Exception):
    """Someone else changed the plan after this form was opened."""


class PlanNotEditable(Exception):
    """Earlier versions are a record of what was agreed; only the current one changes."""


def _claim_edit(*, plan: Plan, actor: User, expected_revision: int | None) -> None:
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
    actor: User,
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
    actor: User,
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
    actor: User,
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
    actor: User,
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
    actor: User,
    item: PlanRow,
    expected_revision: int | None,
) -> None:
    with transaction.atomic():
        _claim_edit(plan=plan, actor=actor, expected_revision=expected_revision)
        detail = f"Removed {_describe(item)}"
        item.delete()
        audit_record(actor=actor, action=AuditAction.CHANGE, plan=plan, detail=detail)


def _next_sort_order(model: type[Contact | Statement | Goal | Attachment], plan: Plan) -> int:
    last = model.objects.filter(plan=plan).aggregate(last=models.Max("sort_order"))["last"]
    return 0 if last is None else last + 1


def plan_start_review(
    *,
    plan: Plan,
    actor: User,
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


def person_delete(*, person: Person, actor: User) -> None:
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
