"""The "Background jobs" report in the Wagtail admin: every task in the database queue, newest
first, with its status, times, attempts and progress, and for a failed task its error and
traceback. Only for superusers and those given "Can see background jobs and their errors":
tasks' arguments and tracebacks can name the site's records."""

import json
from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from jobs.recovery import WORKER_LOST

PERMISSION = "jobs.view_background_jobs"
STATUS_LABELS = {
    TaskResultStatus.READY: _("Waiting"),
    TaskResultStatus.RUNNING: _("Running"),
    TaskResultStatus.SUCCESSFUL: _("Succeeded"),
    TaskResultStatus.FAILED: _("Failed"),
}


def can_see_background_jobs(user: Any) -> bool:
    return bool(user.is_active and user.has_perm(PERMISSION))


def task_name(result: DBTaskResult) -> str:
    """The task's function name, read from its path: importing it could fail, or run code."""
    return result.task_path.rsplit(".", 1)[-1]


def status_label(result: DBTaskResult) -> str:
    return str(STATUS_LABELS.get(result.status, result.status))


def error_name(result: DBTaskResult) -> str:
    if result.status != TaskResultStatus.FAILED:
        return ""
    return result.exception_class_path.rsplit(".", 1)[-1]


class OnlyForThoseWhoMaySeeJobs:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_see_background_jobs(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class BackgroundJobsFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=list(STATUS_LABELS.items()), empty_label=_("Any")
    )

    class Meta:
        model = DBTaskResult
        fields = ["status"]


class ProgressColumn(Column):
    cell_template_name = "jobs/progress_cell.html"

    def get_cell_context_data(self, instance: Any, parent_context: Any) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        context["progress"] = getattr(instance, "progress", None)
        return context


class BackgroundJobsReport(OnlyForThoseWhoMaySeeJobs, ReportView):
    page_title = _("Background jobs")
    header_icon = "cogs"
    verbose_name_plural = _("background jobs")
    index_url_name = "jobs_report"
    index_results_url_name = "jobs_report_results"
    filterset_class = BackgroundJobsFilterSet
    default_ordering = "-enqueued_at"
    columns = [
        TitleColumn(
            "task",
            label=_("Task"),
            accessor=task_name,
            get_url=lambda result: reverse("jobs_report_detail", args=[result.pk]),
        ),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=status_label,
            primary=lambda result: result.status == TaskResultStatus.FAILED,
        ),
        DateColumn("enqueued_at", label=_("Enqueued"), sort_key="enqueued_at"),
        DateColumn("started_at", label=_("Started")),
        DateColumn("finished_at", label=_("Finished")),
        Column("attempts", label=_("Attempts"), accessor=lambda result: len(result.worker_ids)),
        ProgressColumn("progress", label=_("Progress")),
        Column("error", label=_("Error"), accessor=error_name),
    ]
    list_export = ["task_path", "status", "enqueued_at", "started_at", "finished_at"]
    list_export += ["exception_class_path"]

    def get_base_queryset(self) -> Any:
        return DBTaskResult.objects.select_related("progress").defer(
            "traceback", "return_value", "args_kwargs"
        )

    def get_filename(self) -> str:
        return "background-jobs"


class BackgroundJobDetail(OnlyForThoseWhoMaySeeJobs, WagtailAdminTemplateMixin, TemplateView):
    template_name = "jobs/job_detail.html"
    header_icon = "cogs"
    page_title = _("Background job")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.result = get_object_or_404(
            DBTaskResult.objects.select_related("progress"), pk=kwargs["result_id"]
        )
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return task_name(self.result)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse_lazy("jobs_report"), "label": _("Background jobs")},
            {"url": "", "label": task_name(self.result)},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        result = self.result
        context.update(
            result=result,
            task_name=task_name(result),
            status=status_label(result),
            failed=result.status == TaskResultStatus.FAILED,
            worker_lost=result.exception_class_path == WORKER_LOST,
            attempts=len(result.worker_ids),
            progress=getattr(result, "progress", None),
            periodic_run=result.periodic_runs.first(),
            arguments=json.dumps(result.args_kwargs, indent=2, ensure_ascii=False),
            return_value=json.dumps(result.return_value, indent=2, ensure_ascii=False),
        )
        return context
