"""Read-only links for the person and their family."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from plan_builder.models.people import Person


class ShareLink(models.Model):
    """A read-only link for the person and their family. Only a digest of the token is
    stored, so a copy of the database cannot be used to open plans."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="share_links")
    token_digest = models.CharField(max_length=64, unique=True)
    label = models.CharField(
        _("who it is for"),
        max_length=100,
        help_text=_("For example: Mary and her daughter Ann."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    use_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label
