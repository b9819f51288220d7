"""Giving the person something from a registered attachable type."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail import hooks

from plan_builder.models import (
    Attachment,
    Goal,
    Plan,
    SupportType,
)
from plan_builder.registry import AttachmentKind, registry
from plan_builder.selectors import person_content_language
from plan_builder.services.plans import plan_item_save


class AttachmentRefused(Exception):
    """Raised with a message for the practitioner, by us or by a `before_attach_to_plan` hook."""


def attachment_create(
    *,
    plan: Plan,
    actor: User,
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
