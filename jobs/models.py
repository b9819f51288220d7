"""What the job engine keeps beside django-tasks-db's own queue (`DBTaskResult`): which periods
of each periodic job have been enqueued, which workers are alive, and how far a long job has
got."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult


class PeriodicRun(models.Model):
    """One period of one periodic job, enqueued. The unique pair is what makes a period run
    once however many schedulers run: the row and the task are written in one transaction,
    and a second scheduler's insert fails."""

    job_name = models.CharField(_("job"), max_length=100)
    period_start = models.DateTimeField(_("period start"))
    enqueued_at = models.DateTimeField(_("enqueued at"), auto_now_add=True)
    task_result = models.ForeignKey(
        DBTaskResult,
        verbose_name=_("task"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="periodic_runs",
    )

    class Meta:
        verbose_name = _("periodic run")
        ordering = ["-period_start", "job_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["job_name", "period_start"], name="jobs_one_run_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.job_name} for the period from {self.period_start:%Y-%m-%d %H:%M:%S}"


class WorkerHeartbeat(models.Model):
    """A worker's sign of life, written by a thread beside the tasks it runs. A task still
    marked running by a worker that has gone quiet was lost with it (killed, or its machine
    died) and is put back in the queue."""

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    hostname = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    # Written with the database's clock, never a worker's, so machines whose clocks disagree
    # are judged alike.
    last_seen_at = models.DateTimeField(_("last seen at"), db_index=True)
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        ordering = ["-last_seen_at"]

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.hostname} (pid {self.pid})"


class JobProgress(models.Model):
    """How far a running task has got, as the task last reported it (`report_progress`)."""

    task_result = models.OneToOneField(
        DBTaskResult,
        verbose_name=_("task"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="progress",
    )
    done = models.PositiveBigIntegerField(_("done"), default=0)
    total = models.PositiveBigIntegerField(_("total"), null=True, blank=True)
    message = models.CharField(_("message"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("job progress")
        verbose_name_plural = _("job progress")
        permissions = [("view_background_jobs", _("Can see background jobs and their errors"))]

    def __str__(self) -> str:
        return f"{self.done} of {self.total}" if self.total is not None else f"{self.done}"

    @property
    def percent(self) -> int | None:
        """Whole percent done, or None when the total is not known."""
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)
