"""The catalogue of plan sections: each part of a plan declared once.

An entry says what the section is called and where it sits on the plan page, how it is edited
(a form over the plan's own fields, lists edited one row at a time, or both), how far it has
got (the task list), how it reads in the summary of what changed since the last version, how
a review copies it into the next version, and which parts of the person's copy show it. The
views, the "what changed" summary, the review, the plan page and the person's copy all read
this catalogue, so adding a section is one entry here plus its model and form."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.db import models
from django.utils.translation import gettext, gettext_lazy

from plan_builder import forms
from plan_builder.models import (
    ABOUT_ME_FIELDS,
    CONTINGENCY_FIELDS,
    Action,
    Attachment,
    Contact,
    Goal,
    GoalRating,
    Plan,
    Statement,
    StatementKind,
)
from plan_builder.selectors import tasks
from plan_builder.selectors.tasks import TaskProgress, filled

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from plan_builder.selectors.detail import PlanDetail
    from plan_builder.services.plans import PlanRow


@dataclass(frozen=True)
class SectionForm:
    """The form over the plan's own fields for a section, at /plans/<id>/<slug>/edit/."""

    slug: str
    form_class: type[forms.PlanFormMixin]
    title: StrOrPromise  # of the form's page, and in the audit log ("changed review date")


@dataclass(frozen=True)
class RowKind:
    """A list in the plan that practitioners add to one row at a time, at
    /plans/<id>/<slug>/add/ (or under a goal, for rows that belong to one)."""

    slug: str
    model: type[PlanRow]
    form_class: type[forms.PlanFormMixin]
    add_title: StrOrPromise
    edit_title: StrOrPromise
    fixed_values: Mapping[str, Any] = field(default_factory=dict)
    belongs_to_goal: bool = False
    can_add: bool = True  # attachments are added by choosing content instead


@dataclass(frozen=True)
class ChangeSummary:
    """How a section reads in "what changed since the last version": {identity: line}, so
    two versions compare as sets. `position` orders the summary: the plan's own words first."""

    title: StrOrPromise
    lines: Callable[[PlanDetail], dict[str, str]]
    position: int


@dataclass
class ReviewCopy:
    """A review under way: rows are copied from the version it replaces to the new one."""

    from_plan_id: int
    to_plan: Plan
    goals: dict[int, Goal] = field(default_factory=dict)  # the old goal's id: its copy


@dataclass(frozen=True)
class CopyPart:
    """A part of the person's copy: its template (given the same context as my_plan.html),
    where it comes (what they will do first, then what they were given, then the rest) and
    whether it has anything to say for this plan."""

    template: str
    position: int
    is_shown: Callable[[PlanDetail], bool]


@dataclass(frozen=True)
class PlanSection:
    anchor: str  # its id on the plan page, and the task list's link to it
    title: StrOrPromise
    template: str  # its part of the plan page, given the plan page's context
    progress: Callable[[PlanDetail, date], TaskProgress]
    form: SectionForm | None = None
    rows: tuple[RowKind, ...] = ()
    changes: ChangeSummary | None = None
    copy_on_review: Callable[[ReviewCopy], None] | None = None
    copy_parts: tuple[CopyPart, ...] = ()


# How sections read in "what changed" --------------------------------------------------------


def plan_field_lines(*names: str) -> Callable[[PlanDetail], dict[str, str]]:
    """The plan's own fields, each filled one as "Label: value as shown"."""

    def lines(detail: PlanDetail) -> dict[str, str]:
        plan = detail.plan
        return {
            str(
                cast("models.Field[Any, Any]", Plan._meta.get_field(name)).verbose_name
            ).capitalize(): str(
                getattr(plan, f"get_{name}_display", lambda n=name: getattr(plan, n))()
            )
            for name in names
            if getattr(plan, name) not in ("", None)
        }

    return lines


def contact_lines(detail: PlanDetail) -> dict[str, str]:
    return {
        f"{contact.name}": f"{contact.relationship_or_role} {contact.phone} {contact.email}".strip()
        for contact in detail.personal_contacts + detail.professional_contacts
    }


def strength_lines(detail: PlanDetail) -> dict[str, str]:
    return {item.text: "" for item in detail.strengths}


def need_lines(detail: PlanDetail) -> dict[str, str]:
    return {item.text: "" for item in detail.needs}


def goal_lines(detail: PlanDetail) -> dict[str, str]:
    goals: dict[str, str] = {}
    for view in detail.goals:
        goal = view.goal
        goals[goal.description] = gettext("%(status)s, importance %(importance)s") % {
            "status": goal.get_status_display(),
            "importance": goal.importance,
        } + (
            gettext(", rated %(rating)s") % {"rating": view.latest_rating.attainment}
            if view.latest_rating
            else ""
        )
        for action in view.actions:
            goals[f"{goal.description}: {action.description}"] = (
                f"{action.who}, {action.get_status_display()}"
            )
    return goals


def attachment_lines(detail: PlanDetail) -> dict[str, str]:
    return {
        view.attachment.title: view.attachment.get_referral_status_display()
        for view in detail.attachments
    }


# How a review copies each section ------------------------------------------------------------
# Called by services.plan_start_review, inside its transaction. The plan's own fields are
# copied with the plan itself.


_CopiedRow = TypeVar("_CopiedRow", Contact, Statement)


def copy_rows_of(model: type[_CopiedRow]) -> Callable[[ReviewCopy], None]:
    def copy_rows(review: ReviewCopy) -> None:
        rows = list(model.objects.filter(plan_id=review.from_plan_id))
        for row in rows:
            row.pk = None
            row.plan = review.to_plan
        model.objects.bulk_create(rows)

    return copy_rows


copy_contacts = copy_rows_of(Contact)
copy_statements = copy_rows_of(Statement)  # strengths and needs: one table, copied once


def copy_goals(review: ReviewCopy) -> None:
    """Each goal with its ratings and actions, remembering its copy for the attachments."""
    for goal in Goal.objects.filter(plan_id=review.from_plan_id).prefetch_related(
        "ratings", "actions"
    ):
        old_pk = goal.pk
        ratings, actions = list(goal.ratings.all()), list(goal.actions.all())
        goal.pk = None
        goal.plan = review.to_plan
        goal.save()
        review.goals[old_pk] = goal
        for rating in ratings:
            rating.pk = None
            rating.goal = goal
        GoalRating.objects.bulk_create(ratings)
        for action in actions:
            action.pk = None
            action.goal = goal
        Action.objects.bulk_create(actions)


def copy_attachments(review: ReviewCopy) -> None:
    """After the goals, so each attachment follows its goal into the new version."""
    attachments = list(Attachment.objects.filter(plan_id=review.from_plan_id))
    for attachment in attachments:
        attachment.pk = None
        attachment.plan = review.to_plan
        attachment.goal = (
            review.goals.get(attachment.goal_id) if attachment.goal_id is not None else None
        )
    Attachment.objects.bulk_create(attachments)


# The catalogue, in the order of the plan page and its task list ------------------------------


def _always(detail: PlanDetail) -> bool:
    return True


PLAN_SECTIONS: tuple[PlanSection, ...] = (
    PlanSection(
        anchor="person",
        title=gettext_lazy("About the person"),
        template="plan_builder/plan_sections/person.html",
        progress=tasks.person_progress,
        # Edited at person_edit (forms.PersonForm); the person's copy names them at the top.
    ),
    PlanSection(
        anchor="goals",
        title=gettext_lazy("Goals and actions"),
        template="plan_builder/plan_sections/goals.html",
        progress=tasks.goals_progress,
        rows=(
            RowKind(
                "goals",
                Goal,
                forms.GoalForm,
                gettext_lazy("Add a goal"),
                gettext_lazy("Change a goal"),
            ),
            RowKind(
                "actions",
                Action,
                forms.ActionForm,
                gettext_lazy("Add an action"),
                gettext_lazy("Change an action"),
                belongs_to_goal=True,
            ),
            RowKind(
                "ratings",
                GoalRating,
                forms.GoalRatingForm,
                gettext_lazy("Rate a goal"),
                gettext_lazy("Change a rating"),
                belongs_to_goal=True,
            ),
        ),
        changes=ChangeSummary(gettext_lazy("Goals and actions"), goal_lines, position=7),
        copy_on_review=copy_goals,
        copy_parts=(CopyPart("plan_builder/my_plan/goals.html", 1, lambda d: bool(d.goals)),),
    ),
    PlanSection(
        anchor="attachments",
        title=gettext_lazy("Resources and support organisations"),
        template="plan_builder/plan_sections/attachments.html",
        progress=tasks.attachments_progress,
        rows=(
            RowKind(
                "attachments",
                Attachment,
                forms.AttachmentForm,
                "",
                gettext_lazy("Change what was given"),
                can_add=False,
            ),
        ),
        changes=ChangeSummary(
            gettext_lazy("Resources and organisations"), attachment_lines, position=8
        ),
        copy_on_review=copy_attachments,
        copy_parts=(
            CopyPart("plan_builder/my_plan/resources.html", 2, lambda d: bool(d.resources)),
            CopyPart("plan_builder/my_plan/services.html", 3, lambda d: bool(d.services)),
        ),
    ),
    PlanSection(
        anchor="about-me",
        title=gettext_lazy("About me"),
        template="plan_builder/plan_sections/about_me.html",
        progress=tasks.about_me_progress,
        form=SectionForm("about-me", forms.AboutMeForm, gettext_lazy("About me")),
        changes=ChangeSummary(
            gettext_lazy("About me"), plan_field_lines(*ABOUT_ME_FIELDS), position=0
        ),
        # "About you" in the person's copy holds their strengths and needs too.
        copy_parts=(
            CopyPart(
                "plan_builder/my_plan/about_you.html",
                6,
                lambda d: bool(d.strengths or d.needs or filled(d.plan, ABOUT_ME_FIELDS)),
            ),
        ),
    ),
    PlanSection(
        anchor="strengths",
        title=gettext_lazy("Strengths"),
        template="plan_builder/plan_sections/strengths.html",
        progress=tasks.strengths_progress,
        rows=(
            RowKind(
                "strengths",
                Statement,
                forms.StatementForm,
                gettext_lazy("Add a strength"),
                gettext_lazy("Change a strength"),
                fixed_values=MappingProxyType({"kind": StatementKind.STRENGTH}),
            ),
        ),
        changes=ChangeSummary(gettext_lazy("Strengths"), strength_lines, position=5),
        copy_on_review=copy_statements,
    ),
    PlanSection(
        anchor="needs",
        title=gettext_lazy("Needs and concerns"),
        template="plan_builder/plan_sections/needs.html",
        progress=tasks.needs_progress,
        rows=(
            RowKind(
                "needs",
                Statement,
                forms.StatementForm,
                gettext_lazy("Add a need or concern"),
                gettext_lazy("Change a need or concern"),
                fixed_values=MappingProxyType({"kind": StatementKind.NEED}),
            ),
        ),
        changes=ChangeSummary(gettext_lazy("Needs and concerns"), need_lines, position=6),
        copy_on_review=copy_statements,
    ),
    PlanSection(
        anchor="contacts",
        title=gettext_lazy("Contacts"),
        template="plan_builder/plan_sections/contacts.html",
        progress=tasks.contacts_progress,
        rows=(
            RowKind(
                "contacts",
                Contact,
                forms.ContactForm,
                gettext_lazy("Add a contact"),
                gettext_lazy("Change a contact"),
            ),
        ),
        changes=ChangeSummary(gettext_lazy("Contacts"), contact_lines, position=4),
        copy_on_review=copy_contacts,
        copy_parts=(
            CopyPart(
                "plan_builder/my_plan/contacts.html",
                5,
                lambda d: bool(d.personal_contacts or d.professional_contacts),
            ),
        ),
    ),
    PlanSection(
        anchor="contingency",
        title=gettext_lazy("Contingency plan"),
        template="plan_builder/plan_sections/contingency.html",
        progress=tasks.contingency_progress,
        form=SectionForm("contingency", forms.ContingencyForm, gettext_lazy("Contingency plan")),
        changes=ChangeSummary(
            gettext_lazy("Contingency plan"), plan_field_lines(*CONTINGENCY_FIELDS), position=1
        ),
        copy_parts=(
            CopyPart(
                "plan_builder/my_plan/contingency.html",
                4,
                lambda d: bool(filled(d.plan, CONTINGENCY_FIELDS)),
            ),
        ),
    ),
    PlanSection(
        anchor="agreement",
        title=gettext_lazy("Agreement and consent"),
        template="plan_builder/plan_sections/agreement.html",
        progress=tasks.agreement_progress,
        form=SectionForm("agreement", forms.AgreementForm, gettext_lazy("Agreement and consent")),
        # Who agreed, and when, is cleared by a review: the new version is agreed afresh.
        changes=ChangeSummary(
            gettext_lazy("Agreement and consent"),
            plan_field_lines("consent_to_share", "consent_scope", "best_interests_note"),
            position=2,
        ),
    ),
    PlanSection(
        anchor="review",
        title=gettext_lazy("Review"),
        template="plan_builder/plan_sections/review.html",
        progress=tasks.review_progress,
        form=SectionForm("review-date", forms.ReviewDateForm, gettext_lazy("Review date")),
        changes=ChangeSummary(
            gettext_lazy("Review"),
            plan_field_lines("review_due", "review_responsible"),
            position=3,
        ),
        copy_parts=(CopyPart("plan_builder/my_plan/review.html", 7, _always),),
    ),
)

SECTION_FORMS: Mapping[str, SectionForm] = MappingProxyType(
    {section.form.slug: section.form for section in PLAN_SECTIONS if section.form}
)
ROW_KINDS: Mapping[str, RowKind] = MappingProxyType(
    {kind.slug: kind for section in PLAN_SECTIONS for kind in section.rows}
)


def section_form(slug: str) -> tuple[PlanSection, SectionForm] | None:
    """The section edited on the form at `slug`, and that form; None for any other slug."""
    for section in PLAN_SECTIONS:
        if section.form is not None and section.form.slug == slug:
            return section, section.form
    return None


def row_kind(slug: str) -> tuple[PlanSection, RowKind] | None:
    """The section holding the list at `slug`, and that list; None for any other slug."""
    for section in PLAN_SECTIONS:
        for kind in section.rows:
            if kind.slug == slug:
                return section, kind
    return None


def sections_compared() -> list[ChangeSummary]:
    """The sections "what changed" compares, in the order it lists them."""
    summaries = [section.changes for section in PLAN_SECTIONS if section.changes]
    return sorted(summaries, key=lambda summary: summary.position)


def copy_on_review(review: ReviewCopy) -> None:
    """Copy every section's rows into the new version, each table once (strengths and needs
    share one), in catalogue order: goals before what was given for them."""
    copies = dict.fromkeys(s.copy_on_review for s in PLAN_SECTIONS if s.copy_on_review)
    for copy in copies:
        copy(review)


def persons_copy_parts(detail: PlanDetail) -> list[str]:
    """The templates of the person's copy that have something to say, in reading order."""
    parts: Sequence[CopyPart] = sorted(
        (part for section in PLAN_SECTIONS for part in section.copy_parts),
        key=lambda part: part.position,
    )
    return [part.template for part in parts if part.is_shown(detail)]
