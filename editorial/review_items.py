"""What is due for review, across every kind of content the site reviews.

Resources, organisations and content pages are three models; the report, the dashboard
panel and the weekly digest want one list. Each kind contributes a `values()` query with the
same columns and the database unions them, so counting, ordering and paging happen in the
database and the number of queries does not grow with the library.
Only the original language is listed: "mark as reviewed" dates every language version.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, CharField, F, IntegerField, QuerySet, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.review import ReviewStatus, status_filter
from pages.models import ContentPage
from resources.models import ResourcePage, SupportOrganisation


@dataclass(frozen=True)
class ReviewKind:
    key: str
    label: Any
    model: type
    title_field: str
    has_topics: bool

    def edit_url(self, pk: int) -> str:
        if issubclass(self.model, SupportOrganisation):
            return reverse("wagtailsnippets_resources_supportorganisation:edit", args=[pk])
        return reverse("wagtailadmin_pages:edit", args=[pk])

    def base_queryset(self) -> QuerySet:
        queryset = self.model._default_manager.filter(locale=Locale.get_default())
        if hasattr(self.model, "alias_of"):
            queryset = queryset.filter(alias_of__isnull=True)
        return queryset


KINDS = {
    kind.key: kind
    for kind in [
        ReviewKind("resource", _("Resource"), ResourcePage, "title", True),
        ReviewKind("organisation", _("Support organisation"), SupportOrganisation, "name", True),
        ReviewKind("page", _("Content page"), ContentPage, "title", False),
    ]
}
STATUS_RANK = {status: rank for rank, status in enumerate(ReviewStatus)}
# The columns every kind gives, in order (a union matches columns by position).
COLUMNS = [
    "row_kind",
    "pk",
    "row_title",
    "live",
    "owner_id",
    "owner_first",
    "owner_last",
    "owner_username",
    "last_reviewed",
    "next_review_due",
    "row_status",
    "status_rank",
]


def _status_annotation(today: datetime.date) -> dict[str, Case]:
    whens = [(status, status_filter(status, today)) for status in ReviewStatus]
    return {
        "row_status": Case(
            *(When(condition, then=Value(status.value)) for status, condition in whens),
            output_field=CharField(),
        ),
        "status_rank": Case(
            *(When(condition, then=Value(STATUS_RANK[status])) for status, condition in whens),
            output_field=IntegerField(),
        ),
    }


def _kind_rows(
    kind: ReviewKind, *, today: datetime.date, owner_id=None, topic_id=None, status=None
) -> QuerySet | None:
    queryset = kind.base_queryset()
    if topic_id is not None:
        if not kind.has_topics:
            return None
        # A subquery rather than a join, so that no row appears once per topic.
        queryset = queryset.filter(
            pk__in=kind.model._default_manager.filter(topics__id=topic_id).values("pk")
        )
    if owner_id is not None:
        queryset = queryset.filter(owner_id=owner_id)
    queryset = queryset.filter(status_filter(status or "", today))
    return (
        queryset.annotate(
            row_kind=Value(kind.key, output_field=CharField()),
            row_title=F(kind.title_field),
            owner_first=F("owner__first_name"),
            owner_last=F("owner__last_name"),
            owner_username=F("owner__username"),
            **_status_annotation(today),
        )
        .order_by()
        .values_list(*COLUMNS)
    )  # no ordering inside a union


def due_for_review(
    *,
    today: datetime.date,
    kinds: list[str] | None = None,
    owner_id: int | None = None,
    topic_id: int | None = None,
    status: str | None = None,
) -> QuerySet:
    """Rows (tuples in COLUMNS order) needing attention, most urgent first. `status` narrows
    to one ReviewStatus; without it, everything overdue, due soon or never reviewed."""
    queries = [
        query
        for key in kinds or list(KINDS)
        if (
            query := _kind_rows(
                KINDS[key], today=today, owner_id=owner_id, topic_id=topic_id, status=status
            )
        )
        is not None
    ]
    if not queries:
        return ResourcePage.objects.none().values_list("pk")
    first, *others = queries
    union = first.union(*others, all=True) if others else first
    return union.order_by("status_rank", "next_review_due", "row_title")


@dataclass(frozen=True)
class ReviewRow:
    """One line of the report, the panel or the digest."""

    kind: ReviewKind
    pk: int
    title: str
    live: bool
    owner_id: int | None
    owner_name: str
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    status: ReviewStatus

    @classmethod
    def from_values(cls, values: tuple) -> ReviewRow:
        row = dict(zip(COLUMNS, values, strict=True))
        name = f"{row['owner_first'] or ''} {row['owner_last'] or ''}".strip()
        return cls(
            kind=KINDS[row["row_kind"]],
            pk=row["pk"],
            title=row["row_title"],
            live=bool(row["live"]),
            owner_id=row["owner_id"],
            owner_name=name or row["owner_username"] or "",
            last_reviewed=_as_date(row["last_reviewed"]),
            next_review_due=_as_date(row["next_review_due"]),
            status=ReviewStatus(row["row_status"]),
        )

    @property
    def kind_label(self) -> str:
        return str(self.kind.label)

    @property
    def status_label(self) -> str:
        return str(self.status.label)

    @property
    def edit_url(self) -> str:
        return self.kind.edit_url(self.pk)

    @property
    def mark_reviewed_url(self) -> str:
        return reverse("editorial_mark_reviewed", args=[self.kind.key, self.pk])


def _as_date(value) -> datetime.date | None:
    """SQLite gives a union's dates back as text."""
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def review_counts(*, today: datetime.date, owner_id: int | None = None) -> dict[str, int]:
    """How many items need attention, by status: the dashboard panel's figures."""
    counts = {status.value: 0 for status in ReviewStatus if status != ReviewStatus.CURRENT}
    for status in counts:
        counts[status] = due_for_review(today=today, owner_id=owner_id, status=status).count()
    return counts
