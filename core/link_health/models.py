"""A checked link, each check of it, and where it is used."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.links import Outcome

# A failing link is called broken only when it has failed on checks at least this far apart:
# sites go down for an hour; a link that fails today and tomorrow is broken.
CONFIRMED_AFTER = datetime.timedelta(days=1)
FAILURES = (Outcome.BROKEN, Outcome.UNREACHABLE)


class LinkState(models.TextChoices):
    """What an editor is told about a link."""

    OK = "ok", _("Working")
    REDIRECTED = "redirected", _("Moved: update the address")
    FAILING = "failing", _("Failed once: checking again")
    BROKEN = "broken", _("Broken")
    UNREACHABLE = "unreachable", _("Site not reachable")
    INVALID = "invalid", _("Not a web address")
    NOT_CHECKED = "not_checked", _("Not checked yet")


NEEDS_FIXING = (LinkState.REDIRECTED, LinkState.BROKEN, LinkState.UNREACHABLE, LinkState.INVALID)


class CheckedLink(models.Model):
    url = models.TextField(_("address"), unique=True)
    state = models.CharField(
        _("state"), max_length=20, choices=LinkState.choices, default=LinkState.NOT_CHECKED
    )
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    suggested_url = models.TextField(_("new address"), blank=True)
    first_failed_at = models.DateTimeField(null=True, blank=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)

    class Meta:
        verbose_name = _("checked link")
        ordering = ["url"]
        indexes = [models.Index(fields=["state"])]

    def __str__(self):
        return self.url

    def state_after(self, outcome: Outcome, checked_at: datetime.datetime) -> LinkState:
        """The state this check leaves the link in (first_failed_at is the earlier state's)."""
        if outcome not in FAILURES:
            return LinkState(outcome.value)
        first_failed = self.first_failed_at or checked_at
        if checked_at - first_failed >= CONFIRMED_AFTER:
            return LinkState(outcome.value)
        return LinkState.FAILING


class LinkCheck(models.Model):
    """One check of one link: the history an editor reads before fixing it."""

    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="checks")
    checked_at = models.DateTimeField()
    outcome = models.CharField(max_length=20, choices=[(o.value, o.value) for o in Outcome])
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    final_url = models.TextField(blank=True)
    redirects = models.JSONField(default=list, blank=True)
    error = models.CharField(max_length=300, blank=True)
    elapsed_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-checked_at"]
        indexes = [models.Index(fields=["link", "-checked_at"])]


class LinkUse(models.Model):
    """Where a link appears: which item, in which field. Rebuilt on every collection."""

    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="uses")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    field = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["link", "content_type", "object_id", "field"], name="unique_link_use"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
