"""Choosing what to attach: the items offered on the search page, and suggestions from the
person's own words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils.safestring import SafeString

from plan_builder.content_languages import marked
from plan_builder.registry import PlanAttachable, registry
from plan_builder.selectors.detail import PlanDetail


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
    attachable: PlanAttachable, content_objects: Iterable[Any], *, attached_keys: set[str]
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
