"""The audit log: who did what to which plan, and when."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from plan_builder.models.people import Person
from plan_builder.models.plans import Plan


class AuditAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    CREATE = "create", _("Created")
    CHANGE = "change", _("Changed")
    REVIEW = "review", _("Started a review")
    EXPORT = "export", _("Exported")
    SHARE = "share", _("Shared")
    SHARE_REVOKE = "share-revoke", _("Stopped sharing")
    SHARED_VIEW = "shared-view", _("Opened through a shared link")
    DELETE = "delete", _("Deleted")
    DRAFT_KEPT = "draft-kept", _("Kept a form sent after sign-in ended")
    DRAFT_RESTORED = "draft-restored", _("Gave back a kept form")
    DRAFT_DISCARDED = "draft-discarded", _("Discarded a kept form")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        # Deleting a person or user nulls their links; nothing else may rewrite history.
        if set(kwargs) - {"actor", "plan", "person"}:
            raise PermissionError("Audit events cannot be changed.")
        return super().update(**kwargs)


class AuditEvent(models.Model):
    """Who did what to which plan, and when. Holds ids and labels only, never plan content,
    so it can outlive a deleted person."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    person = models.ForeignKey(
        Person, null=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    person_ref = models.PositiveIntegerField(null=True, db_index=True)
    plan = models.ForeignKey(Plan, null=True, on_delete=models.SET_NULL, related_name="+")
    plan_ref = models.PositiveIntegerField(null=True)
    plan_version = models.PositiveIntegerField(null=True)
    team_ref = models.PositiveIntegerField(null=True)
    detail = models.CharField(max_length=255, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.get_action_display()} plan {self.plan_ref} at {self.at}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("Audit events cannot be deleted.")
