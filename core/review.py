"""Review dates: when content was last checked, when its next check is due, and who checked it.

One rule for everything the site reviews (resources, organisations, content pages): the
editors' report, their dashboard panel, the weekly digest and the public pages all read the
status from here, and "mark as reviewed" is written once for all of them.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.log_actions import log

from core.content_cache import bump_content_version

DUE_SOON_DAYS = 30
MARKED_REVIEWED = "dwp.mark_reviewed"


class ReviewStatus(models.TextChoices):
    """Overdue first: an item due and never reviewed is overdue, not merely never reviewed."""

    OVERDUE = "overdue", _("Overdue")
    DUE_SOON = "due_soon", _("Due within 30 days")
    NEVER_REVIEWED = "never_reviewed", _("Never reviewed")
    CURRENT = "current", _("Up to date")


# The statuses someone has to act on, in the order the report and the digest show them.
NEEDS_ATTENTION = (ReviewStatus.OVERDUE, ReviewStatus.DUE_SOON, ReviewStatus.NEVER_REVIEWED)


def review_interval() -> datetime.timedelta:
    """How long a review holds: the next one is due this long after the last."""
    return datetime.timedelta(days=getattr(settings, "CONTENT_REVIEW_INTERVAL_DAYS", 365))


def status_of(
    last_reviewed: datetime.date | None,
    next_review_due: datetime.date | None,
    today: datetime.date,
) -> ReviewStatus:
    if next_review_due is not None and next_review_due < today:
        return ReviewStatus.OVERDUE
    if next_review_due is not None and next_review_due <= today + datetime.timedelta(
        days=DUE_SOON_DAYS
    ):
        return ReviewStatus.DUE_SOON
    if last_reviewed is None:
        return ReviewStatus.NEVER_REVIEWED
    return ReviewStatus.CURRENT


def status_filter(status: str, today: datetime.date, prefix: str = "") -> Q:
    """The same rule as status_of, as a query (prefix for a related model's fields)."""
    last, due = f"{prefix}last_reviewed", f"{prefix}next_review_due"
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    overdue = Q(**{f"{due}__lt": today})
    due_soon = Q(**{f"{due}__gte": today, f"{due}__lte": soon})
    never = Q(**{f"{last}__isnull": True}) & (
        Q(**{f"{due}__isnull": True}) | Q(**{f"{due}__gt": soon})
    )
    if status == ReviewStatus.OVERDUE:
        return overdue
    if status == ReviewStatus.DUE_SOON:
        return due_soon
    if status == ReviewStatus.NEVER_REVIEWED:
        return never
    if status == ReviewStatus.CURRENT:
        return ~(overdue | due_soon | never)
    return overdue | due_soon | never  # anything that needs attention


class ReviewDatesMixin(models.Model):
    """The review fields. Labels are given by each model's panel: a resource is "reviewed",
    an organisation's details are "checked"."""

    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @staticmethod
    def review_panel(heading=None, last=None, due=None) -> FieldRowPanel:
        return FieldRowPanel(
            [
                FieldPanel("last_reviewed", heading=last or _("Last reviewed")),
                FieldPanel("next_review_due", heading=due or _("Next review due")),
            ],
            heading=heading or _("Review dates"),
        )

    def clean_review_dates(self) -> None:
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            raise ValidationError(
                {"next_review_due": _("The next review must be after the last review.")}
            )
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": _("The last review cannot be in the future.")})

    def review_status(self, today: datetime.date | None = None) -> ReviewStatus:
        return status_of(self.last_reviewed, self.next_review_due, today or timezone.localdate())


class RecordsReviewerMixin:
    """An editor who changes "last reviewed" in the form is recorded as the reviewer."""

    def save(self, commit=True):
        if "last_reviewed" in self.changed_data and self.for_user is not None:
            self.instance.reviewed_by = self.for_user if self.instance.last_reviewed else None
        return super().save(commit=commit)


class ReviewedPageForm(RecordsReviewerMixin, WagtailAdminPageForm):
    pass


class ReviewedModelForm(RecordsReviewerMixin, WagtailAdminModelForm):
    pass


def mark_as_reviewed(
    instance: ReviewDatesMixin, *, user, today: datetime.date | None = None
) -> None:
    """Record that `user` reviewed `instance` today, in every language it is in.

    The content itself has not changed, so no revision is made: the dates are written on the
    live rows and into the latest and live revisions, so that the next edit or publish keeps
    them rather than putting the old dates back."""
    today = today or timezone.localdate()
    values = {
        "last_reviewed": today,
        "next_review_due": today + review_interval(),
        "reviewed_by": user,
    }
    model = type(instance)
    translation_key = getattr(instance, "translation_key", None)
    versions = (
        model._default_manager.filter(translation_key=translation_key)
        if translation_key is not None
        else model._default_manager.filter(pk=instance.pk)
    )
    with transaction.atomic():
        for version in versions.select_related("latest_revision", "live_revision"):
            revisions = {version.latest_revision, getattr(version, "live_revision", None)}
            for revision in filter(None, revisions):
                revision.content.update(
                    last_reviewed=today.isoformat(),
                    next_review_due=values["next_review_due"].isoformat(),
                    reviewed_by=user.pk,
                )
                revision.save(update_fields=["content"])
        versions.update(**values)
        log(instance, MARKED_REVIEWED, user=user)
    for name, value in values.items():
        setattr(instance, name, value)
    transaction.on_commit(bump_content_version)
