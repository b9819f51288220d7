"""Reads of plan data for views and templates. Every read starts from the signed-in user's
teams, so a plan outside them is simply not found."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext, gettext_lazy, ngettext

from plan_builder.conf import share_link_days_when_review_passed, share_link_max_days
from plan_builder.content_languages import content_language, marked
from plan_builder.models import (
    ABOUT_ME_FIELDS,
    CONTINGENCY_FIELDS,
    Action,
    Attachment,
    ConsentToShare,
    Contact,
    FormDraft,
    Goal,
    GoalRating,
    Person,
    Plan,
    Statement,
    StatementKind,
    Team,
    TeamMembership,
)
from plan_builder.registry import PlanAttachable, registry
from plan_builder.validators import normalise_nhs_number

REVIEW_DUE_SOON_DAYS = 28


def teams_of(user: AbstractBaseUser) -> QuerySet[Team]:
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user)


def is_practitioner(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and TeamMembership.objects.filter(user=user).exists()


def is_team_lead(user: AbstractBaseUser, team_id: int) -> bool:
    return TeamMembership.objects.filter(user=user, team_id=team_id, is_lead=True).exists()


def plans_visible_to(user: AbstractBaseUser) -> QuerySet[Plan]:
    if not user.is_authenticated:
        return Plan.objects.none()
    team_ids = TeamMembership.objects.filter(user=user).values("team_id")
    return Plan.objects.filter(person__team_id__in=team_ids)


def plan_for_user(*, user: AbstractBaseUser, plan_id: int, current_only: bool = False) -> Plan:
    plans = plans_visible_to(user).select_related("person", "person__team", "lead_practitioner")
    if current_only:
        plans = plans.current()
    plan = plans.filter(pk=plan_id).first()
    if plan is None:
        raise Http404("No plan")
    return plan


def form_draft_readable_by(draft: FormDraft, user: AbstractBaseUser) -> bool:
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


def plan_row(*, plan: Plan, model, pk: int):
    """A goal, contact, action, rating or attachment of this plan, or 404 for anything else,
    however the id was made up."""
    if model in (Action, GoalRating):
        rows = model.objects.filter(goal__plan=plan)
    else:
        rows = model.objects.filter(plan=plan)
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
    *, user: AbstractBaseUser, scope: str, review: str, query: str, today: date | None = None
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


def review_counts(*, user: AbstractBaseUser, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    plans = plans_visible_to(user).current()
    return {
        "overdue": plans.filter(review_due__lt=today).count(),
        "due": plans.filter(
            review_due__gte=today, review_due__lte=today + timedelta(days=REVIEW_DUE_SOON_DAYS)
        ).count(),
    }


def person_content_language(person: Person) -> str:
    """The language to show attached content in for this person: their preferred language
    where the site has content in it, otherwise the site's default."""
    return content_language(person.preferred_language)


@dataclass
class AttachmentView:
    """An attachment as it is shown: the item as published now, in the version for the
    person's language, while it is published; otherwise the copy kept when it was given.
    Computed each time, as the person's language can change."""

    attachment: Attachment
    is_available: bool
    title: str
    summary: str
    url: str
    external_url: str
    phone: str
    language: str  # of the title and summary; "" when not known

    @classmethod
    def as_given(cls, attachment: Attachment) -> AttachmentView:
        return cls(
            attachment=attachment,
            is_available=False,
            title=attachment.title,
            summary=attachment.summary,
            url=attachment.url,
            external_url=attachment.external_url,
            phone=attachment.phone,
            language=attachment.language,
        )

    @classmethod
    def as_published(
        cls, attachment: Attachment, attachable: PlanAttachable, content_object
    ) -> AttachmentView:
        return cls(
            attachment=attachment,
            is_available=True,
            title=attachable.get_title(content_object),
            summary=attachable.get_summary(content_object) or "",
            url=attachable.get_url(content_object) or "",
            external_url=attachable.get_external_url(content_object) or "",
            phone=attachable.get_phone(content_object) or "",
            language=attachable.get_language(content_object),
        )


@dataclass
class GoalView:
    goal: Goal
    actions: list[Action]
    ratings: list[GoalRating]
    attachments: list[AttachmentView] = field(default_factory=list)

    @property
    def latest_rating(self) -> GoalRating | None:
        return self.ratings[-1] if self.ratings else None


@dataclass
class PlanDetail:
    plan: Plan
    personal_contacts: list[Contact]
    professional_contacts: list[Contact]
    strengths: list[Statement]
    needs: list[Statement]
    goals: list[GoalView]
    resources: list[AttachmentView]
    services: list[AttachmentView]

    @property
    def attachments(self) -> list[AttachmentView]:
        return self.resources + self.services


def attachments_as_shown(attachments: list[Attachment], language: str) -> dict[int, AttachmentView]:
    """Each attachment as shown to someone who reads `language`: one or two queries per
    content type (see PlanAttachable.get_versions), however many attachments there are."""
    ids_by_type: dict[int, list[str]] = defaultdict(list)
    for attachment in attachments:
        ids_by_type[attachment.content_type_id].append(attachment.object_id)
    attachables: dict[int, PlanAttachable | None] = {}
    versions: dict[int, dict] = {}
    for content_type_id, object_ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        attachable = registry.for_model(model) if model else None
        attachables[content_type_id] = attachable
        versions[content_type_id] = (
            attachable.get_versions(object_ids, language) if attachable else {}
        )
    shown = {}
    for attachment in attachments:
        content_object = versions[attachment.content_type_id].get(attachment.object_id)
        attachable = attachables[attachment.content_type_id]
        shown[attachment.pk] = (
            AttachmentView.as_published(attachment, attachable, content_object)
            if content_object is not None and attachable is not None
            else AttachmentView.as_given(attachment)
        )
    return shown


def plan_detail(plan: Plan, *, language: str | None = None, as_given: bool = False) -> PlanDetail:
    """Everything in one version of a plan, its attachments shown in `language` (by default
    the language of the person's content), or, `as_given`, as the copies kept when they were
    given, without reading the content (enough to compare versions)."""
    contacts = list(Contact.objects.filter(plan=plan))
    statements = list(Statement.objects.filter(plan=plan))
    goals = list(
        Goal.objects.filter(plan=plan).prefetch_related(
            Prefetch("actions", queryset=Action.objects.order_by("pk")),
            Prefetch("ratings", queryset=GoalRating.objects.order_by("rated_on", "pk")),
        )
    )
    attachments = list(Attachment.objects.filter(plan=plan).select_related("goal"))
    if as_given:
        attachment_views = [AttachmentView.as_given(attachment) for attachment in attachments]
    else:
        shown = attachments_as_shown(attachments, language or person_content_language(plan.person))
        attachment_views = [shown[attachment.pk] for attachment in attachments]
    goal_views = {
        goal.pk: GoalView(goal, list(goal.actions.all()), list(goal.ratings.all()))
        for goal in goals
    }
    for view in attachment_views:
        if view.attachment.goal_id in goal_views:
            goal_views[view.attachment.goal_id].attachments.append(view)
    return PlanDetail(
        plan=plan,
        personal_contacts=[contact for contact in contacts if contact.kind == "personal"],
        professional_contacts=[contact for contact in contacts if contact.kind == "professional"],
        strengths=[item for item in statements if item.kind == StatementKind.STRENGTH],
        needs=[item for item in statements if item.kind == StatementKind.NEED],
        goals=list(goal_views.values()),
        resources=[view for view in attachment_views if not view.attachment.is_service],
        services=[view for view in attachment_views if view.attachment.is_service],
    )


def plan_versions(plan: Plan) -> QuerySet[Plan]:
    return (
        Plan.objects.filter(person_id=plan.person_id)
        .order_by("-version")
        .only(
            "pk", "version", "created_at", "review_type", "is_current", "superseded_at", "person_id"
        )
    )


# What changed since the last version -------------------------------------------------------

SNAPSHOT_FIELDS = {
    gettext_lazy("About me"): ABOUT_ME_FIELDS,
    gettext_lazy("Contingency plan"): CONTINGENCY_FIELDS,
    gettext_lazy("Agreement and consent"): [
        "consent_to_share",
        "consent_scope",
        "best_interests_note",
    ],
    gettext_lazy("Review"): ["review_due", "review_responsible"],
}


@dataclass
class SectionChange:
    section: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def _plan_lines(detail: PlanDetail) -> dict[str, dict[str, str]]:
    """Each section as {identity: readable line}, so versions can be compared as sets."""
    plan = detail.plan
    sections: dict[str, dict[str, str]] = {}
    for section, names in SNAPSHOT_FIELDS.items():
        sections[str(section)] = {
            str(Plan._meta.get_field(name).verbose_name).capitalize(): str(
                getattr(plan, f"get_{name}_display", lambda n=name: getattr(plan, n))()
            )
            for name in names
            if getattr(plan, name) not in ("", None)
        }
    sections[gettext("Contacts")] = {
        f"{contact.name}": f"{contact.relationship_or_role} {contact.phone} {contact.email}".strip()
        for contact in detail.personal_contacts + detail.professional_contacts
    }
    sections[gettext("Strengths")] = {item.text: "" for item in detail.strengths}
    sections[gettext("Needs and concerns")] = {item.text: "" for item in detail.needs}
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
    sections[gettext("Goals and actions")] = goals
    sections[gettext("Resources and organisations")] = {
        view.attachment.title: view.attachment.get_referral_status_display()
        for view in detail.attachments
    }
    return sections


def plan_changes(plan: Plan, detail: PlanDetail | None = None) -> list[SectionChange] | None:
    """What changed in this version since the one it replaces; None for a first version."""
    if plan.replaces_id is None:
        return None
    previous = Plan.objects.filter(pk=plan.replaces_id).first()
    if previous is None:
        return None
    before = _plan_lines(plan_detail(previous, as_given=True))
    after = _plan_lines(detail or plan_detail(plan))
    changes = []
    for section, now in after.items():
        then = before.get(section, {})
        change = SectionChange(
            section=section,
            added=[key for key in now if key not in then],
            removed=[key for key in then if key not in now],
            changed=[key for key in now if key in then and now[key] != then[key]],
        )
        if change.added or change.removed or change.changed:
            changes.append(change)
    return changes


# Choosing what to attach -------------------------------------------------------------------


def plan_text_for_suggestions(detail: PlanDetail) -> str:
    return " ".join(
        [view.goal.description for view in detail.goals]
        + [view.goal.area for view in detail.goals]
        + [item.text for item in detail.needs]
        + [detail.plan.what_matters_most]
    )


@dataclass(frozen=True)
class ItemToAttach:
    """An item offered for the plan, in the version for the person's language."""

    content_object: Any
    title: str
    summary: str
    language: str
    other_languages: list[str]
    is_attached: bool

    @property
    def marked_title(self) -> SafeString:
        """The title marked with its language where that is not the page's, for sentences."""
        return marked(self.title, self.language)


def attached_item_keys(detail: PlanDetail, attachable: PlanAttachable) -> set[str]:
    """The items of this type already in the plan, whichever of their versions was given."""
    content_type = ContentType.objects.get_for_model(attachable.model)
    object_ids = [
        view.attachment.object_id
        for view in detail.attachments
        if view.attachment.content_type_id == content_type.pk
    ]
    return set(attachable.get_item_keys(object_ids).values())


def items_to_attach(
    attachable: PlanAttachable, content_objects, *, attached_keys: set[str]
) -> list[ItemToAttach]:
    """What the search page lists for each item: one query for their other languages."""
    content_objects = list(content_objects)
    other_languages = attachable.get_other_languages(content_objects)
    items = []
    for content_object in content_objects:
        key = attachable.get_item_key(content_object)
        items.append(
            ItemToAttach(
                content_object=content_object,
                title=attachable.get_title(content_object),
                summary=attachable.get_summary(content_object) or "",
                language=attachable.get_language(content_object),
                other_languages=other_languages.get(key, []),
                is_attached=key in attached_keys,
            )
        )
    return items


@dataclass
class Suggestion:
    attachable: PlanAttachable
    items: list[ItemToAttach]


def suggestions_for_plan(detail: PlanDetail, *, language: str, limit: int = 5) -> list[Suggestion]:
    """Up to `limit` items of each type that match the person's words and are not in the
    plan yet, each once, in the version for `language`."""
    text = plan_text_for_suggestions(detail)
    suggestions = []
    for attachable in registry.all():
        attached = attached_item_keys(detail, attachable)
        found = attachable.in_language(
            attachable.suggest(text, limit=limit + len(attached)), language
        )
        fresh = [item for item in found if attachable.get_item_key(item) not in attached][:limit]
        if fresh:
            items = items_to_attach(attachable, fresh, attached_keys=attached)
            suggestions.append(Suggestion(attachable, items))
    return suggestions


def copy_language(person: Person) -> str:
    """The language of the person's copy of their plan: their preferred language when the
    site has an interface in it, otherwise the site's default."""
    available = {code for code, _name in settings.LANGUAGES}
    if person.preferred_language in available:
        return person.preferred_language
    return settings.LANGUAGE_CODE


# What is done and what is left ---------------------------------------------------------


@dataclass(frozen=True)
class TaskStatus:
    """A section's status as the NHS.UK task list shows it: finished ones as plain text,
    the rest as a coloured tag."""

    label: str
    is_done: bool = False
    tag_class: str = ""


NOT_STARTED = TaskStatus(gettext_lazy("Not started"), tag_class="nhsuk-tag--white")
IN_PROGRESS = TaskStatus(gettext_lazy("In progress"), tag_class="nhsuk-tag--blue")
COMPLETED = TaskStatus(gettext_lazy("Completed"), is_done=True)
AGREED = TaskStatus(gettext_lazy("Agreed"), is_done=True)
NOT_AGREED = TaskStatus(gettext_lazy("Not agreed yet"), tag_class="nhsuk-tag--blue")
REVIEW_OVERDUE = TaskStatus(gettext_lazy("Overdue"), tag_class="nhsuk-tag--red")


@dataclass(frozen=True)
class PlanTask:
    """One section of the plan in the task list at the top of the plan page."""

    name: str
    anchor: str  # the section's id on the plan page
    status: TaskStatus
    hint: str = ""


def _filled(plan: Plan, names) -> list[str]:
    return [name for name in names if getattr(plan, name) not in ("", None)]


def _status_of_parts(done: int, total: int) -> TaskStatus:
    if done == 0:
        return NOT_STARTED
    return COMPLETED if done == total else IN_PROGRESS


def _person_task(detail: PlanDetail) -> PlanTask:
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
    return PlanTask(
        gettext("About the person"), "person", IN_PROGRESS if missing else COMPLETED, hint
    )


def _goals_task(detail: PlanDetail) -> PlanTask:
    """Complete when every goal has at least one action agreed: a goal with no step towards
    it is still being planned."""
    goals = len(detail.goals)
    actions = sum(len(view.actions) for view in detail.goals)
    if goals == 0:
        return PlanTask(gettext("Goals and actions"), "goals", NOT_STARTED)
    without_action = sum(1 for view in detail.goals if not view.actions)
    hint = ngettext("%(count)s goal", "%(count)s goals", goals) % {"count": goals}
    hint += ", " + ngettext("%(count)s action", "%(count)s actions", actions) % {"count": actions}
    if without_action:
        hint += ". " + ngettext(
            "%(count)s goal has no action yet",
            "%(count)s goals have no action yet",
            without_action,
        ) % {"count": without_action}
    status = IN_PROGRESS if without_action else COMPLETED
    return PlanTask(gettext("Goals and actions"), "goals", status, hint)


def _attachments_task(detail: PlanDetail) -> PlanTask:
    resources, services = len(detail.resources), len(detail.services)
    if not resources + services:
        return PlanTask(gettext("Resources and support organisations"), "attachments", NOT_STARTED)
    hint = ngettext("%(count)s resource", "%(count)s resources", resources) % {"count": resources}
    hint += ", " + ngettext("%(count)s organisation", "%(count)s organisations", services) % {
        "count": services
    }
    return PlanTask(gettext("Resources and support organisations"), "attachments", COMPLETED, hint)


def _about_me_task(detail: PlanDetail) -> PlanTask:
    """Complete when every About me question has an answer."""
    answered = len(_filled(detail.plan, ABOUT_ME_FIELDS))
    total = len(ABOUT_ME_FIELDS)
    hint = (
        gettext("%(answered)s of %(total)s questions answered")
        % {"answered": answered, "total": total}
        if answered
        else ""
    )
    return PlanTask(gettext("About me"), "about-me", _status_of_parts(answered, total), hint)


def _list_task(name: str, anchor: str, count: int, hint: str) -> PlanTask:
    return PlanTask(name, anchor, COMPLETED if count else NOT_STARTED, hint if count else "")


def _contacts_task(detail: PlanDetail) -> PlanTask:
    """Complete once someone is named as the emergency contact: the contingency plan leans on
    knowing who to ring."""
    contacts = detail.personal_contacts + detail.professional_contacts
    if not contacts:
        return PlanTask(gettext("Contacts"), "contacts", NOT_STARTED)
    hint = ngettext("%(count)s contact", "%(count)s contacts", len(contacts)) % {
        "count": len(contacts)
    }
    if not any(contact.is_emergency_contact for contact in contacts):
        hint += ". " + gettext("No emergency contact yet")
        return PlanTask(gettext("Contacts"), "contacts", IN_PROGRESS, hint)
    return PlanTask(gettext("Contacts"), "contacts", COMPLETED, hint)


def _contingency_task(detail: PlanDetail) -> PlanTask:
    """Complete when the warning signs, what should happen and who to contact are all there."""
    filled = len(_filled(detail.plan, CONTINGENCY_FIELDS))
    return PlanTask(
        gettext("Contingency plan"),
        "contingency",
        _status_of_parts(filled, len(CONTINGENCY_FIELDS)),
    )


def _agreement_task(detail: PlanDetail) -> PlanTask:
    """Agreed once who agreed, their name and the date are recorded; the hint says whether
    consent to share was asked."""
    plan = detail.plan
    hint = gettext("Consent to share: %(answer)s") % {"answer": plan.get_consent_to_share_display()}
    if plan.consent_to_share == ConsentToShare.NOT_ASKED:
        hint = gettext("Consent to share not asked yet")
    return PlanTask(
        gettext("Agreement and consent"),
        "agreement",
        AGREED if plan.is_agreed else NOT_AGREED,
        hint,
    )


def _review_task(detail: PlanDetail, today: date) -> PlanTask:
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
    return PlanTask(gettext("Review"), "review", status, hint)


def plan_tasks(detail: PlanDetail, *, today: date | None = None) -> list[PlanTask]:
    """Each section of the plan with its status, in the order the plan page shows them."""
    today = today or timezone.localdate()
    return [
        _person_task(detail),
        _goals_task(detail),
        _attachments_task(detail),
        _about_me_task(detail),
        _list_task(
            gettext("Strengths"),
            "strengths",
            len(detail.strengths),
            ngettext("%(count)s strength", "%(count)s strengths", len(detail.strengths))
            % {"count": len(detail.strengths)},
        ),
        _list_task(
            gettext("Needs and concerns"),
            "needs",
            len(detail.needs),
            ngettext("%(count)s need or concern", "%(count)s needs or concerns", len(detail.needs))
            % {"count": len(detail.needs)},
        ),
        _contacts_task(detail),
        _contingency_task(detail),
        _agreement_task(detail),
        _review_task(detail, today),
    ]


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
        or _filled(plan, ABOUT_ME_FIELDS)
        or _filled(plan, CONTINGENCY_FIELDS)
        or plan.is_agreed
    )


def share_link_default_expiry(plan: Plan, *, today: date | None = None) -> date:
    """When a new shared link stops working unless the practitioner chooses otherwise: the
    plan's next review date (the family reads the plan until it is looked at again), no later
    than the longest a link may work, and a few weeks ahead when the review date has passed."""
    today = today or timezone.localdate()
    latest = today + timedelta(days=share_link_max_days())
    if plan.review_due <= today:
        return min(today + timedelta(days=share_link_days_when_review_passed()), latest)
    return min(plan.review_due, latest)
