"""The job engine's own housekeeping, run daily by the scheduler (see wagtail_hooks.py).

Safe to run twice: it only deletes what is old enough, and a second run finds nothing."""

from datetime import datetime, timedelta

from django.db.models import Max
from django.db.models.functions import Now
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from jobs import conf
from jobs.models import PeriodicRun, WorkerHeartbeat
from jobs.progress import progress_bar
from jobs.recovery import recover_lost_tasks

# Rows deleted per statement, so one run never holds a long lock or a huge list of ids.
BATCH = 500
FORGET_WORKERS_AFTER = timedelta(days=1)


@task()
def prune_finished_jobs() -> dict[str, int]:
    """Delete task results that finished (successfully or not) more than
    JOBS_KEEP_FINISHED_DAYS days ago, with their progress, and the periodic-run and worker
    records nobody needs any more. Tasks waiting or running are never touched."""
    cutoff = timezone.now() - timedelta(days=conf.keep_finished_days())
    # The queryset django-tasks-db's own prune_db_task_results command deletes.
    old = DBTaskResult.objects.finished().filter(finished_at__lte=cutoff)
    old_ids = list(old.values_list("id", flat=True))
    batches = [old_ids[start : start + BATCH] for start in range(0, len(old_ids), BATCH)]
    if batches:
        for batch in progress_bar(batches, description="Pruning finished task results"):
            DBTaskResult.objects.filter(id__in=batch).delete()
    return {
        "task_results": len(old_ids),
        "periodic_runs": _prune_periodic_runs(cutoff),
        "workers": _forget_stopped_workers(),
    }


def _prune_periodic_runs(cutoff: datetime) -> int:
    """Old runs, but never a job's latest: that row is what stops its current period (which
    may have begun long ago for a slow schedule) running again."""
    latest = {
        row["job_name"]: row["latest"]
        for row in PeriodicRun.objects.values("job_name").annotate(latest=Max("period_start"))
    }
    deleted = 0
    for job_name, latest_start in latest.items():
        deleted += (
            PeriodicRun.objects.filter(job_name=job_name, period_start__lt=cutoff)
            .exclude(period_start=latest_start)
            .delete()[0]
        )
    return deleted


def _forget_stopped_workers() -> int:
    """Heartbeats of workers silent for a day, once their tasks have been taken back (a task
    whose worker is forgotten would never be)."""
    recover_lost_tasks()
    silent = WorkerHeartbeat.objects.filter(last_seen_at__lt=Now() - FORGET_WORKERS_AFTER)
    return silent.delete()[0]
