"""The "Due for review" report: overdue, due within 30 days and never reviewed, for
resources, organisations and content pages, filterable and exported as Wagtail's own
reports are."""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from core.review import NEEDS_ATTENTION
from editorial.review_items import KINDS, ReviewRow, due_for_review
from resources.models import SupportOrganisation, Topic


def owners(request):
    """Anyone who looks after a page or an organisation."""
    owning = SupportOrganisation.objects.filter(owner__isnull=False).values("owner")
    return (
        get_user_model()
        .objects.filter(Q(owned_pages__isnull=False) | Q(pk__in=owning))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ReviewFilterSet(WagtailFilterSet):
    """Read by the view (the rows come from three models, so no one queryset is filtered)."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=[(status.value, status.label) for status in NEEDS_ATTENTION]
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=[(key, kind.label) for key, kind in KINDS.items()]
    )
    owner = django_filters.ModelChoiceFilter(label=_("Owner"), queryset=owners)
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=lambda request: Topic.objects.order_by("name")
    )


class DueForReviewView(ReportView):
    page_title = _("Due for review")
    header_icon = "time"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "editorial/admin/review_report_results.html"
    index_url_name = "editorial_review_report"
    index_results_url_name = "editorial_review_report_results"
    filterset_class = ReviewFilterSet
    paginate_by = 50
    list_export = [
        "title",
        "kind_label",
        "status_label",
        "owner_name",
        "last_reviewed",
        "next_review_due",
        "edit_url",
    ]
    export_headings = {
        "title": _("Title"),
        "kind_label": _("Type"),
        "status_label": _("Status"),
        "owner_name": _("Owner"),
        "last_reviewed": _("Last reviewed"),
        "next_review_due": _("Next review due"),
        "edit_url": _("Edit"),
    }

    def get_filename(self):
        return f"due-for-review-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        chosen = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        return due_for_review(
            today=timezone.localdate(),
            kinds=[chosen["kind"]] if chosen.get("kind") else None,
            owner_id=chosen["owner"].pk if chosen.get("owner") else None,
            topic_id=chosen["topic"].pk if chosen.get("topic") else None,
            status=chosen.get("status") or None,
        )

    def get_filterset_kwargs(self):
        # The filter set filters nothing itself; it only needs a queryset to exist.
        return {**super().get_filterset_kwargs(), "queryset": Topic.objects.none()}

    def filter_queryset(self, queryset):
        return queryset  # done in get_queryset, for each kind

    def decorate_paginated_queryset(self, object_list):
        return [ReviewRow.from_values(values) for values in object_list]

    def to_row_dict(self, item):
        row = item if isinstance(item, ReviewRow) else ReviewRow.from_values(item)
        values = {field: getattr(row, field) for field in self.list_export}
        values["edit_url"] = self.request.build_absolute_uri(row.edit_url)
        return values

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Back to the report as filtered, also when the rows came as a filtered fragment.
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        context["return_url"] = self.index_url + (f"?{query.urlencode()}" if query else "")
        return context
