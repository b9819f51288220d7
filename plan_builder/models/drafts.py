"""Forms sent after a session ended, kept for a short time."""

from __future__ import annotations

from django.db import models

from plan_builder.models.plans import Plan
from plan_builder.models.teams import Team


class FormDraft(models.Model):
    """What was typed into a plan form that arrived after the practitioner's session had
    ended, kept on the server (never in the browser) for a short time so it can be given
    back once they sign in again. Only a digest of its token is stored, as for shared links;
    the token itself lives in that browser's session. Single use, and deleted with the plan
    (and so with the person) it belongs to."""

    token_digest = models.CharField(max_length=64, unique=True)
    path = models.CharField(max_length=500)
    # The plan the form changes, or for a new plan the team it was being started in: who
    # may have the draft back is decided from these.
    plan = models.ForeignKey(Plan, null=True, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(Team, null=True, on_delete=models.CASCADE, related_name="+")
    # The raw form post as JSON text ({name: [values]}), whatever shape its fields have. Text
    # rather than a JSON column: PostgreSQL's jsonb cannot hold a NUL character.
    data = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"Form draft {self.pk} for {self.path}"
