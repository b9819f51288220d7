"""The weekly digest: each owner hears of their own items that need review, and each
moderator of everything; a person with nothing due gets no email.

Runs on the background-work engine as a weekly periodic job (editorial/wagtail_hooks.py).
Sending twice in a week would only repeat a reminder, so a retried run does no harm."""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_tasks import task
from wagtail.users.models import UserProfile

from core.review import NEEDS_ATTENTION, ReviewStatus
from editorial.review_items import ReviewRow, due_for_review

logger = logging.getLogger(__name__)
MODERATORS = "Moderators"
LISTED_PER_STATUS = 25  # beyond this, the email says how many more and links to the report


@dataclass
class Digest:
    """What one person is told, grouped by status, most urgent first."""

    recipient: object
    everything: bool
    rows: list[ReviewRow] = field(default_factory=list)
    broken_links: list = field(default_factory=list)

    @property
    def groups(self) -> list[dict]:
        by_status: dict[ReviewStatus, list[ReviewRow]] = defaultdict(list)
        for row in self.rows:
            by_status[row.status].append(row)
        return [
            {
                "label": status.label,
                "count": len(by_status[status]),
                "rows": by_status[status][:LISTED_PER_STATUS],
                "more": max(0, len(by_status[status]) - LISTED_PER_STATUS),
            }
            for status in NEEDS_ATTENTION
            if by_status[status]
        ]

    @property
    def is_empty(self) -> bool:
        return not self.rows and not self.broken_links


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def build_digests(today: datetime.date, broken_links_by_owner=None) -> list[Digest]:
    """One digest per person who has something to hear about."""
    rows = [ReviewRow.from_values(values) for values in due_for_review(today=today)]
    broken_links_by_owner = broken_links_by_owner or {}
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(groups__name=MODERATORS).distinct()
    digests: dict[int, Digest] = {
        moderator.pk: Digest(
            moderator,
            everything=True,
            rows=rows,
            broken_links=[link for links in broken_links_by_owner.values() for link in links],
        )
        for moderator in moderators
    }
    owner_ids = {row.owner_id for row in rows} | set(broken_links_by_owner)
    for owner in users.filter(pk__in=owner_ids - set(digests)):
        digests[owner.pk] = Digest(
            owner,
            everything=False,
            rows=[row for row in rows if row.owner_id == owner.pk],
            broken_links=broken_links_by_owner.get(owner.pk, []),
        )
    return [digest for digest in digests.values() if not digest.is_empty]


def _subject(digest: Digest) -> str:
    overdue = sum(1 for row in digest.rows if row.status == ReviewStatus.OVERDUE)
    return ngettext(
        "Content due for review: %(count)d item needs attention (%(overdue)d overdue)",
        "Content due for review: %(count)d items need attention (%(overdue)d overdue)",
        len(digest.rows),
    ) % {"count": len(digest.rows), "overdue": overdue}


def send_digest(digest: Digest) -> None:
    language = UserProfile.get_for_user(digest.recipient).get_preferred_language()
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "digest": digest,
            "name": digest.recipient.first_name or digest.recipient.get_username(),
            "report_url": admin_url(reverse("editorial_review_report")),
            "admin_url": admin_url(reverse("wagtailadmin_home")),
            "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        }
        message = EmailMultiAlternatives(
            subject=_subject(digest),
            body=render_to_string("editorial/emails/review_digest.txt", context),
            to=[digest.recipient.email],
        )
        message.attach_alternative(
            render_to_string("editorial/emails/review_digest.html", context), "text/html"
        )
    message.send()


@task()
def send_review_digests() -> int:
    """Send this week's digests; returns how many were sent."""
    from editorial.link_report import broken_links_by_owner

    digests = build_digests(timezone.localdate(), broken_links_by_owner())
    sent = 0
    for digest in digests:
        try:
            send_digest(digest)
            sent += 1
        except Exception:  # one bad address must not stop everyone else's reminder
            logger.exception("Review digest to user %s not sent", digest.recipient.pk)
    return sent
