"""One version of a plan as it is shown: its rows, and its attachments as published now in
the person's language, or as given once they have gone."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet

from plan_builder.content_languages import content_language
from plan_builder.models import (
    Action,
    Attachment,
    Contact,
    Goal,
    GoalRating,
    Person,
    Plan,
    Statement,
    StatementKind,
)
from plan_builder.registry import PlanAttachable, registry


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

    @property
    def our_page_url(self) -> str:
        """Our own page about the item, worth giving beside where to find it: only while it
        is published, and only when it is not the same address."""
        if self.is_available and self.url != self.external_url:
            return self.url
        return ""

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
        cls, attachment: Attachment, attachable: PlanAttachable, content_object: Any
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
