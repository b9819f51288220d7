"""Who may read which plans, and the practitioner's list of them. Every read starts from the
signed-in user's teams, so a plan outside them is simply not found."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TypeVar

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from plan_builder.conf import share_link_days_when_review_passed, share_link_max_days
from plan_builder.models import (
    Action,
    FormDraft,
    GoalRating,
    Person,
    Plan,
    Team,
    TeamMembership,
)
from plan_builder.models.plans import PlanQuerySet
from plan_builder.validators import normalise_nhs_number

REVIEW_DUE_SOON_DAYS = 28


def teams_of(user: User) -> QuerySet[Team]:
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user)


def is_practitioner(user: User) -> bool:
    return user.is_authenticated and TeamMembership.objects.filter(user=user).exists()


def is_team_lead(user: User, team_id: int) -> bool:
    return TeamMembership.objects.filter(user=user, team_id=team_id, is_lead=True).exists()


def plans_visible_to(user: User) -> PlanQuerySet:
    if not user.is_authenticated:
        return Plan.objects.none()
    team_ids = TeamMembership.objects.filter(user=user).values("team_id")
    return Plan.objects.filter(person__team_id__in=team_ids)


def plan_for_user(*, user: User, plan_id: int, current_only: bool = False) -> Plan:
    plans = plans_visible_to(user).select_related("person", "person__team", "lead_practitioner")
    if current_only:
        plans = plans.current()
    plan = plans.filter(pk=plan_id).first()
    if plan is None:
        raise Http404("No plan")
    return plan


def form_draft_readable_by(draft: FormDraft, user: User) -> bool:
    """Whether a kept form may be given back to `user`: only to someone who could read the
    plan it belongs to (or, for a new plan, a member of the team it was started in). That is
    any member of the team, not only whoever typed it: a colleague signing in on the same
    tablet could open the plan anyway, and who typed it cannot be known once the session has
    ended."""
    if draft.plan_id is not None:
        return plans_visible_to(user).filter(pk=draft.plan_id).exists()
    if draft.team_id is not None:
        return teams_of(user).filter(pk=draft.team_id).exists()
    return False


def plan_with_nhs_number(
    *, teams: QuerySet[Team], nhs_number: str, other_than: Person | None = None
) -> Plan | None:
    """The current plan of someone in `teams` recorded with this NHS number (any spacing or
    digits, compared as normalise_nhs_number stores it), but `other_than`. Only the given
    teams are searched, in one query whatever the answer, so a number held by another team
    gives nothing away."""
    number = normalise_nhs_number(nhs_number)
    if not number:
        return None
    plans = Plan.objects.current().filter(person__team__in=teams, person__nhs_number=number)
    if other_than is not None and other_than.pk:
        plans = plans.exclude(person=other_than)
    return plans.select_related("person").order_by("person__full_name", "pk").first()


_Row = TypeVar("_Row", bound=Model)


def plan_row(*, plan: Plan, model: type[_Row], pk: int) -> _Row:
    """A goal, contact, action, rating or attachment of this plan, or 404 for anything else,
    however the id was made up."""
    if model in (Action, GoalRating):
        rows = model._default_manager.filter(goal__plan=plan)
    else:
        rows = model._default_manager.filter(plan=plan)
    row = rows.filter(pk=pk).first()
    if row is None:
        raise Http404("No such item in this plan")
    return row


class PlanListScope:
    MINE = "mine"
    TEAM = "team"


class ReviewFilter:
    ALL = ""
    DUE_SOON = "due"
    OVERDUE = "overdue"


def plan_list(
    *, user: User, scope: str, review: str, query: str, today: date | None = None
) -> QuerySet[Plan]:
    """Current plans for the practitioner's list, soonest review first."""
    today = today or timezone.localdate()
    plans = (
        plans_visible_to(user)
        .current()
        .select_related("person", "person__team", "lead_practitioner")
        .order_by("review_due", "person__full_name", "pk")
    )
    if scope == PlanListScope.MINE:
        plans = plans.filter(lead_practitioner=user)
    if review == ReviewFilter.OVERDUE:
        plans = plans.filter(review_due__lt=today)
    elif review == ReviewFilter.DUE_SOON:
        plans = plans.filter(
            review_due__gte=today, review_due__lte=today + timedelta(days=REVIEW_DUE_SOON_DAYS)
        )
    query = query.strip()
    if query:
        digits = query.replace(" ", "")
        match = Q(person__full_name__icontains=query) | Q(person__preferred_name__icontains=query)
        if digits.isdigit():
            match |= Q(person__nhs_number__startswith=digits)
        plans = plans.filter(match)
    return plans


def review_counts(*, user: User, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    plans = plans_visible_to(user).current()
    return {
        "overdue": plans.filter(review_due__lt=today).count(),
        "due": plans.filter(
            review_due__gte=today, review_due__lte=today + timedelta(days=REVIEW_DUE_SOON_DAYS)
        ).count(),
    }


def copy_language(person: Person) -> str:
    """The language of the person's copy of their plan: their preferred language when the
    site has an interface in it, otherwise the site's default."""
    available = {code for code, _name in settings.LANGUAGES}
    if person.preferred_language in available:
        return person.preferred_language
    return settings.LANGUAGE_CODE


def share_link_default_expiry(plan: Plan, *, today: date | None = None) -> date:
    """When a new shared link stops working unless the practitioner chooses otherwise: the
    plan's next review date (the family reads the plan until it is looked at again), no later
    than the longest a link may work, and a few weeks ahead when the review date has passed."""
    today = today or timezone.localdate()
    latest = today + timedelta(days=share_link_max_days())
    if plan.review_due <= today:
        return min(today + timedelta(days=share_link_days_when_review_passed()), latest)
    return min(plan.review_due, latest)
