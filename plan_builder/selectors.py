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
from django.utils.safestring import SafeString
from django.utils.translation import gettext, gettext_lazy

from plan_builder.languages import content_language, marked
from plan_builder.models import (
    ABOUT_ME_FIELDS,
    CONTINGENCY_FIELDS,
    Action,
    Attachment,
    Contact,
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
