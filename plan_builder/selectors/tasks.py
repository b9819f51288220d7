"""What is done and what is left: each section's status for the NHS.UK task list at the top
of the plan page. Which sections there are, and in what order, is the catalogue's
(plan_builder.sections); each entry names its rule here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy, ngettext
from django_stubs_ext import StrOrPromise

from plan_builder.models import ABOUT_ME_FIELDS, CONTINGENCY_FIELDS, ConsentToShare, Plan
from plan_builder.selectors.detail import PlanDetail


@dataclass(frozen=True)
class TaskStatus:
    """A section's status as the NHS.UK task list shows it: finished ones as plain text,
    the rest as a coloured tag."""

    label: StrOrPromise
    is_done: bool = False
    tag_class: str = ""


NOT_STARTED = TaskStatus(gettext_lazy("Not started"), tag_class="nhsuk-tag--white")
IN_PROGRESS = TaskStatus(gettext_lazy("In progress"), tag_class="nhsuk-tag--blue")
COMPLETED = TaskStatus(gettext_lazy("Completed"), is_done=True)
AGREED = TaskStatus(gettext_lazy("Agreed"), is_done=True)
NOT_AGREED = TaskStatus(gettext_lazy("Not agreed yet"), tag_class="nhsuk-tag--blue")
REVIEW_OVERDUE = TaskStatus(gettext_lazy("Overdue"), tag_class="nhsuk-tag--red")


@dataclass(frozen=True)
class TaskProgress:
    """How far one section has got, as its rule in the catalogue works it out."""

    status: TaskStatus
    hint: str = ""


@dataclass(frozen=True)
class PlanTask:
    """One section of the plan in the task list at the top of the plan page."""

    name: str
    anchor: str  # the section's id on the plan page
    status: TaskStatus
    hint: str = ""


def filled(plan: Plan, names: Iterable[str]) -> list[str]:
    """The names of the plan's fields among `names` that hold something."""
    return [name for name in names if getattr(plan, name) not in ("", None)]


def _status_of_parts(done: int, total: int) -> TaskStatus:
    if done == 0:
        return NOT_STARTED
    return COMPLETED if done == total else IN_PROGRESS


def person_progress(detail: PlanDetail, today: date) -> TaskProgress:
    """Complete once we know when they were born, their GP practice and one way to reach
    them: a plan for someone nobody can contact, or whose GP is unknown, is not finished."""
    person = detail.plan.person
    missing = []
    if not person.date_of_birth:
        missing.append(gettext("date of birth"))
    if not (person.address or person.phone or person.email):
        missing.append(gettext("a way to contact them"))
    if not person.gp_practice:
        missing.append(gettext("GP practice"))
    hint = gettext("Still to add: %(missing)s") % {"missing": ", ".join(missing)} if missing else ""
    return TaskProgress(IN_PROGRESS if missing else COMPLETED, hint)


def goals_progress(detail: PlanDetail, today: date) -> TaskProgress:
    """Complete when every goal has at least one action agreed: a goal with no step towards
    it is still being planned."""
    goals = len(detail.goals)
    actions = sum(len(view.actions) for view in detail.goals)
    if goals == 0:
        return TaskProgress(NOT_STARTED)
    without_action = sum(1 for view in detail.goals if not view.actions)
    hint = ngettext("%(count)s goal", "%(count)s goals", goals) % {"count": goals}
    hint += ", " + ngettext("%(count)s action", "%(count)s actions", actions) % {"count": actions}
    if without_action:
        hint += ". " + ngettext(
            "%(count)s goal has no action yet",
            "%(count)s goals have no action yet",
            without_action,
        ) % {"count": without_action}
    return TaskProgress(IN_PROGRESS if without_action else COMPLETED, hint)


def attachments_progress(detail: PlanDetail, today: date) -> TaskProgress:
    resources, services = len(detail.resources), len(detail.services)
    if not resources + services:
        return TaskProgress(NOT_STARTED)
    hint = ngettext("%(count)s resource", "%(count)s resources", resources) % {"count": resources}
    hint += ", " + ngettext("%(count)s organisation", "%(count)s organisations", services) % {
        "count": services
    }
    return TaskProgress(COMPLETED, hint)


def about_me_progress(detail: PlanDetail, today: date) -> TaskProgress:
    """Complete when every About me question has an answer."""
    answered = len(filled(detail.plan, ABOUT_ME_FIELDS))
    total = len(ABOUT_ME_FIELDS)
    hint = (
        gettext("%(answered)s of %(total)s questions answered")
        % {"answered": answered, "total": total}
        if answered
        else ""
    )
    return TaskProgress(_status_of_parts(answered, total), hint)


def strengths_progress(detail: PlanDetail, today: date) -> TaskProgress:
    count = len(detail.strengths)
    if not count:
        return TaskProgress(NOT_STARTED)
    hint = ngettext("%(count)s strength", "%(count)s strengths", count) % {"count": count}
    return TaskProgress(COMPLETED, hint)


def needs_progress(detail: PlanDetail, today: date) -> TaskProgress:
    count = len(detail.needs)
    if not count:
        return TaskProgress(NOT_STARTED)
    hint = ngettext("%(count)s need or concern", "%(count)s needs or concerns", count) % {
        "count": count
    }
    return TaskProgress(COMPLETED, hint)


def contacts_progress(detail: PlanDetail, today: date) -> TaskProgress:
    """Complete once someone is named as the emergency contact: the contingency plan leans on
    knowing who to ring."""
    contacts = detail.personal_contacts + detail.professional_contacts
    if not contacts:
        return TaskProgress(NOT_STARTED)
    hint = ngettext("%(count)s contact", "%(count)s contacts", len(contacts)) % {
        "count": len(contacts)
    }
    if not any(contact.is_emergency_contact for contact in contacts):
        hint += ". " + gettext("No emergency contact yet")
        return TaskProgress(IN_PROGRESS, hint)
    return TaskProgress(COMPLETED, hint)


def contingency_progress(detail: PlanDetail, today: date) -> TaskProgress:
    """Complete when the warning signs, what should happen and who to contact are all there."""
    done = len(filled(detail.plan, CONTINGENCY_FIELDS))
    return TaskProgress(_status_of_parts(done, len(CONTINGENCY_FIELDS)))


def agreement_progress(detail: PlanDetail, today: date) -> TaskProgress:
    """Agreed once who agreed, their name and the date are recorded; the hint says whether
    consent to share was asked."""
    plan = detail.plan
    hint = gettext("Consent to share: %(answer)s") % {"answer": plan.get_consent_to_share_display()}
    if plan.consent_to_share == ConsentToShare.NOT_ASKED:
        hint = gettext("Consent to share not asked yet")
    return TaskProgress(AGREED if plan.is_agreed else NOT_AGREED, hint)


def review_progress(detail: PlanDetail, today: date) -> TaskProgress:
    """The review date is set when the plan starts; complete once someone is named to do it,
    overdue (on the current version) once the date has passed."""
    plan = detail.plan
    hint = gettext("Review by %(date)s") % {"date": date_format(plan.review_due, "l j E Y")}
    if plan.is_current and plan.review_due < today:
        status = REVIEW_OVERDUE
    elif plan.review_responsible:
        status = COMPLETED
    else:
        status = IN_PROGRESS
        hint += ". " + gettext("Say who will review it")
    return TaskProgress(status, hint)


def plan_tasks(detail: PlanDetail, *, today: date | None = None) -> list[PlanTask]:
    """Each section of the plan with its status, in the order the plan page shows them."""
    from plan_builder.sections import PLAN_SECTIONS  # the catalogue imports the forms

    today = today or timezone.localdate()
    tasks = []
    for section in PLAN_SECTIONS:
        progress = section.progress(detail, today)
        tasks.append(PlanTask(str(section.title), section.anchor, progress.status, progress.hint))
    return tasks


def has_something_to_review(detail: PlanDetail) -> bool:
    """Whether the plan holds anything beyond the person's details and the review date it
    was started with: a review copies the plan to look at it again with the person, and an
    empty plan has nothing to look at."""
    plan = detail.plan
    return bool(
        detail.goals
        or detail.attachments
        or detail.strengths
        or detail.needs
        or detail.personal_contacts
        or detail.professional_contacts
        or filled(plan, ABOUT_ME_FIELDS)
        or filled(plan, CONTINGENCY_FIELDS)
        or plan.is_agreed
    )
