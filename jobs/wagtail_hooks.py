"""Wiring only: the job engine's admin report and its own periodic job."""

from datetime import time

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from jobs import views
from jobs.schedule import Every, PeriodicJob
from jobs.tasks import prune_finished_jobs


@hooks.register("register_periodic_job")
def register_prune_finished_jobs() -> PeriodicJob:
    return PeriodicJob("prune_finished_jobs", prune_finished_jobs, every=Every.DAY, at=time(3, 30))


@hooks.register("register_admin_urls")
def register_background_jobs_report_urls() -> list[URLPattern]:
    return [
        path("reports/background-jobs/", views.BackgroundJobsReport.as_view(), name="jobs_report"),
        path(
            "reports/background-jobs/results/",
            views.BackgroundJobsReport.as_view(results_only=True),
            name="jobs_report_results",
        ),
        path(
            "reports/background-jobs/<uuid:result_id>/",
            views.BackgroundJobDetail.as_view(),
            name="jobs_report_detail",
        ),
    ]


class BackgroundJobsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return views.can_see_background_jobs(request.user)


@hooks.register("register_reports_menu_item")
def register_background_jobs_menu_item() -> MenuItem:
    return BackgroundJobsMenuItem(
        _("Background jobs"),
        reverse("jobs_report"),
        name="background-jobs",
        icon_name="cogs",
        order=1300,
    )


@hooks.register("register_permissions")
def register_background_jobs_permission() -> QuerySet[Permission]:
    """So administrators can give the report to a group in Settings > Groups."""
    app_label, codename = views.PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
