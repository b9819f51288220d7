"""Enqueues each periodic job once per period, however many schedulers run.

A period is claimed by inserting its `PeriodicRun` row, and the job's task is enqueued in the
same database transaction: a second scheduler's insert fails on the unique constraint (it
waits for the first to commit, then sees the row), and no crash can leave a claimed period
without its task or a task without its claim. This needs the task's backend to be
django-tasks-db's `DatabaseBackend`, which writes the queue in the same database."""

import enum
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks_db import DatabaseBackend

from jobs.models import PeriodicRun
from jobs.registry import periodic_jobs
from jobs.schedule import PeriodicJob

logger = logging.getLogger(__name__)


class Outcome(enum.Enum):
    ENQUEUED = "enqueued"
    ALREADY_ENQUEUED = "already enqueued"
    TAKEN_BY_ANOTHER_SCHEDULER = "enqueued by another scheduler"
    FAILED = "failed"


@dataclass(frozen=True)
class PeriodResult:
    job_name: str
    period_start: datetime
    outcome: Outcome
    task_result_id: str | None = None
    error: str = ""

    def __str__(self) -> str:
        when = self.period_start.isoformat()
        if self.outcome is Outcome.ENQUEUED:
            return f"{self.job_name}: enqueued the period from {when} (task {self.task_result_id})"
        if self.outcome is Outcome.FAILED:
            return f"{self.job_name}: could not enqueue the period from {when}: {self.error}"
        return f"{self.job_name}: the period from {when} was {self.outcome.value}"


def enqueue_due_jobs(
    now: datetime | None = None, jobs: Iterable[PeriodicJob] | None = None
) -> list[PeriodResult]:
    """One scheduler pass: enqueue each job (every registered job by default) whose current
    period has no run yet. A job that cannot be enqueued is logged and reported, and the
    others still run."""
    now = now or timezone.now()
    results = []
    for job in periodic_jobs().values() if jobs is None else jobs:
        period_start = job.period_start(now)
        try:
            if PeriodicRun.objects.filter(job_name=job.name, period_start=period_start).exists():
                results.append(PeriodResult(job.name, period_start, Outcome.ALREADY_ENQUEUED))
                continue
            task_result_id = claim_period(job, period_start)
        except Exception as error:
            logger.exception("Could not enqueue periodic job %s", job.name)
            results.append(PeriodResult(job.name, period_start, Outcome.FAILED, error=repr(error)))
            continue
        if task_result_id is None:
            results.append(PeriodResult(job.name, period_start, Outcome.TAKEN_BY_ANOTHER_SCHEDULER))
        else:
            results.append(PeriodResult(job.name, period_start, Outcome.ENQUEUED, task_result_id))
    return results


def claim_period(job: PeriodicJob, period_start: datetime) -> str | None:
    """Enqueue `job` for the period starting at `period_start` unless a run of that period
    exists. Returns the task result's id, or None when another scheduler got there first."""
    backend = job.task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        raise ImproperlyConfigured(
            f"Periodic job {job.name!r} runs on the task backend {backend.alias!r}"
            f" ({type(backend).__name__}); periodic jobs need django_tasks_db's"
            " DatabaseBackend, so that the run and its task are written together."
        )
    with transaction.atomic():
        try:
            # Its own savepoint, so that only this insert's failure means "taken".
            with transaction.atomic():
                run = PeriodicRun.objects.create(job_name=job.name, period_start=period_start)
        except IntegrityError:
            return None
        task_result = job.task.enqueue()
        run.task_result_id = task_result.id
        run.save(update_fields=["task_result"])
    return task_result.id


def seconds_until_next_period(
    now: datetime | None = None, jobs: Iterable[PeriodicJob] | None = None
) -> float | None:
    """Seconds until the earliest next period of the jobs (every registered job by default)
    begins, or None without jobs."""
    now = now or timezone.now()
    jobs = periodic_jobs().values() if jobs is None else jobs
    starts = [job.next_period_start(now) for job in jobs]
    if not starts:
        return None
    return max(timedelta(0), min(starts) - now).total_seconds()
