"""The dashboard panel: each editor's own overdue and due-soon items, first thing after
signing in."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from core.review import ReviewStatus
from editorial.review_items import ReviewRow, due_for_review

SHOWN = 10


class DueForReviewPanel(Component):
    name = "due_for_review"
    order = 90
    template_name = "editorial/admin/due_for_review_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        rows = {}
        for status in (ReviewStatus.OVERDUE, ReviewStatus.DUE_SOON):
            queryset = due_for_review(today=today, owner_id=self.user.pk, status=status)
            rows[status.value] = {
                "label": status.label,
                "count": queryset.count(),
                "rows": [ReviewRow.from_values(values) for values in queryset[:SHOWN]],
                "report_url": reverse("editorial_review_report")
                + "?"
                + urlencode({"owner": self.user.pk, "status": status.value}),
            }
        return {"groups": rows, "shown": SHOWN}
