"""The plan itself and its goals: CarePlan with its activities, Goal, and an Observation for
each rating."""

from __future__ import annotations

from typing import Any, cast

from django.db import models
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.goal import Goal as FhirGoal
from fhir.resources.R4B.observation import Observation

from plan_builder.fhir.codes import (
    ACTION_STATUS,
    ATTAINMENT_TEXT,
    GOAL_ACHIEVEMENT,
    GOAL_ACHIEVEMENT_DISPLAY,
    GOAL_LIFECYCLE,
    GOAL_PRIORITY,
    NOTE_FIELDS,
    OBSERVATION_CATEGORY,
    REVIEW_CODE,
    SATISFACTION_TEXT,
    SNOMED,
    URI_IDENTIFIER,
    RowIds,
    agreed_by_words,
    coded,
    display_only,
    is_referral,
    texts,
    user_name,
)
from plan_builder.models import (
    Action,
    GoalRating,
    GoalStatus,
    Plan,
)
from plan_builder.selectors import GoalView, PlanDetail

# Plan --------------------------------------------------------------------------------------


def care_plan_resource(
    ids: RowIds, detail: PlanDetail, patient: dict, *, previous_in_bundle: bool
) -> CarePlan:
    plan = detail.plan
    activity = [_action_activity(ids, action) for view in detail.goals for action in view.actions]
    activity += [
        {"reference": ids.ref("ServiceRequest", view.attachment.pk)}
        for view in detail.services
        if is_referral(view.attachment)
    ]
    activity.append(_review_activity(plan))
    return CarePlan(
        id=ids.id("CarePlan", plan.pk),
        status=_care_plan_status(plan),
        intent="plan",
        title=f"Personalised care and support plan, version {plan.version}",
        subject=patient,
        period={"start": plan.created_at, "end": plan.superseded_at},
        created=plan.created_at,
        author=display_only(user_name(plan.lead_practitioner)),
        careTeam=[ids.ref("CareTeam", plan.pk)],
        goal=[ids.ref("Goal", view.goal.pk) for view in detail.goals],
        activity=activity,
        note=texts(*_plan_notes(detail)),
        replaces=[_previous_version(ids, plan.replaces_id, in_bundle=previous_in_bundle)]
        if plan.replaces_id
        else None,
        supportingInfo=[
            *(ids.ref("DocumentReference", view.attachment.pk) for view in detail.resources),
            *(ids.ref("Organization", view.attachment.pk) for view in detail.services),
            ids.ref("Consent", plan.pk),
        ],
    )


def _care_plan_status(plan: Plan) -> str:
    """A version replaced at review has run its course; the current one is in force once
    the person (or their representative) has agreed it."""
    if not plan.is_current:
        return "completed"
    return "active" if plan.is_agreed else "draft"


def _previous_version(ids: RowIds, replaces_id: int, *, in_bundle: bool) -> dict:
    """A single-version export does not hold the earlier version, so it names it by
    identifier: a receiver would try to resolve a `urn:uuid:` reference inside the bundle."""
    if in_bundle:
        return ids.ref("CarePlan", replaces_id)
    return {"identifier": {"system": URI_IDENTIFIER, "value": ids.url("CarePlan", replaces_id)}}


def _field_label(name: str) -> str:
    return str(cast("models.Field[Any, Any]", Plan._meta.get_field(name)).verbose_name).capitalize()


def _plan_notes(detail: PlanDetail) -> list[str]:
    plan = detail.plan
    notes = [
        f"{_field_label(name)}: {getattr(plan, name)}"
        for name in NOTE_FIELDS
        if getattr(plan, name)
    ]
    if plan.about_me_written_with or plan.about_me_written_on:
        written_with = f" with {plan.about_me_written_with}" if plan.about_me_written_with else ""
        written_on = (
            f" on {plan.about_me_written_on.isoformat()}" if plan.about_me_written_on else ""
        )
        notes.append(f"About me was written{written_with}{written_on}")
    notes += [f"Strength: {statement.text}" for statement in detail.strengths]
    notes += [f"Need or concern: {statement.text}" for statement in detail.needs]
    if plan.is_agreed and plan.agreed_on is not None:
        notes.append(f"Agreed by {agreed_by_words(plan)} on {plan.agreed_on.isoformat()}")
    return notes


def _action_activity(ids: RowIds, action: Action) -> dict:
    activity: dict[str, Any] = {
        "detail": {
            "status": ACTION_STATUS[action.status],
            "description": action.description,
            "performer": [display_only(action.who)],
            "goal": [ids.ref("Goal", action.goal_id)],
            **_action_schedule(action),
        }
    }
    if action.confidence:
        activity["progress"] = texts(
            f"How confident the person feels: {action.confidence} out of 10"
        )
    return activity


def _action_schedule(action: Action) -> dict:
    """FHIR takes one schedule: a date with a rhythm ("every Tuesday") becomes a Timing."""
    if action.due_date and action.timing:
        return {
            "scheduledTiming": {
                "code": {"text": action.timing},
                "repeat": {"boundsPeriod": {"end": action.due_date}},
            }
        }
    if action.due_date:
        return {"scheduledPeriod": {"end": action.due_date}}
    if action.timing:
        return {"scheduledString": action.timing}
    return {}


def _review_activity(plan: Plan) -> dict:
    """A replaced version's review happened: it is what replaced it."""
    return {
        "detail": {
            "code": coded(SNOMED, *REVIEW_CODE),
            "status": "not-started" if plan.is_current else "completed",
            "scheduledTiming": {"event": [plan.review_due]},
            "performer": [display_only(plan.review_responsible)]
            if plan.review_responsible
            else None,
        }
    }


# Goals -------------------------------------------------------------------------------------


def goal_resource(ids: RowIds, view: GoalView, patient: dict) -> FhirGoal:
    goal = view.goal
    return FhirGoal(
        id=ids.id("Goal", goal.pk),
        lifecycleStatus=GOAL_LIFECYCLE[goal.status],
        achievementStatus=_achievement_status(view),
        category=texts(goal.area),
        priority=_priority(goal.importance),
        description={"text": goal.description},
        subject=patient,
        target=[{"dueDate": goal.target_date}] if goal.target_date else None,
        expressedBy=patient,
        outcomeReference=[ids.ref("Observation", rating.pk) for rating in view.ratings],
    )


def _achievement_status(view: GoalView) -> dict:
    """Achieved and stopped goals say so; otherwise the last two ratings show the trend."""
    ended: dict[str, str] = {GoalStatus.ACHIEVED: "achieved", GoalStatus.STOPPED: "not-achieved"}
    code = ended.get(view.goal.status)
    if code is None:
        recent = [rating.attainment for rating in view.ratings[-2:]]
        if len(recent) < 2:
            code = "in-progress"
        elif recent[1] > recent[0]:
            code = "improving"
        elif recent[1] < recent[0]:
            code = "worsening"
        else:
            code = "no-change"
    return coded(GOAL_ACHIEVEMENT, code, GOAL_ACHIEVEMENT_DISPLAY[code])


def _priority(importance: int) -> dict:
    """How important the goal is to the person (1 to 10), in FHIR's three priorities."""
    if importance >= 8:
        code, display = "high-priority", "High Priority"
    elif importance >= 4:
        code, display = "medium-priority", "Medium Priority"
    else:
        code, display = "low-priority", "Low Priority"
    return {
        "coding": [{"system": GOAL_PRIORITY, "code": code, "display": display}],
        "text": f"Importance {importance} out of 10",
    }


def rating_observation(ids: RowIds, rating: GoalRating, patient: dict) -> Observation:
    """The person's own rating of a goal, 1 to 10; the Goal lists it as an outcome."""
    satisfaction = [{"code": {"text": SATISFACTION_TEXT}, "valueInteger": rating.satisfaction}]
    return Observation(
        id=ids.id("Observation", rating.pk),
        status="final",
        category=[coded(OBSERVATION_CATEGORY, "survey", "Survey")],
        code={"text": ATTAINMENT_TEXT},
        subject=patient,
        focus=[ids.ref("Goal", rating.goal_id)],
        effectiveDateTime=rating.rated_on,
        performer=[patient],
        valueInteger=rating.attainment,
        component=satisfaction if rating.satisfaction else None,
        note=texts(rating.note),
    )
