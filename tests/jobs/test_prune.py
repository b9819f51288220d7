"""The nightly prune: finished jobs older than 30 days go, with their progress; waiting and
running jobs, and anything needed to keep periods from running twice, stay."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.models import JobProgress, PeriodicRun, WorkerHeartbeat
from jobs.tasks import prune_finished_jobs
from tests.jobs.tasks import count_to

pytestmark = pytest.mark.django_db


def task_result(status, *, days_ago):
    result = DBTaskResult.objects.get(id=count_to.enqueue(1).id)
    when = timezone.now() - timedelta(days=days_ago)
    finished = status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)
    DBTaskResult.objects.filter(id=result.id).update(
        status=status, enqueued_at=when, finished_at=when if finished else None
    )
    return result.id


def remaining():
    return set(DBTaskResult.objects.values_list("id", flat=True))


def test_finished_jobs_older_than_thirty_days_are_deleted_with_their_progress():
    old_success = task_result(TaskResultStatus.SUCCESSFUL, days_ago=31)
    old_failure = task_result(TaskResultStatus.FAILED, days_ago=45)
    recent_failure = task_result(TaskResultStatus.FAILED, days_ago=29)
    long_waiting = task_result(TaskResultStatus.READY, days_ago=60)
    long_running = task_result(TaskResultStatus.RUNNING, days_ago=60)
    JobProgress.objects.create(task_result_id=old_success, done=1, total=1)

    counts = prune_finished_jobs.call()

    assert counts["task_results"] == 2
    assert remaining() == {recent_failure, long_waiting, long_running}
    assert not JobProgress.objects.exists()
    assert old_failure not in remaining()


def test_old_periodic_runs_go_but_each_jobs_latest_stays():
    now = timezone.now()
    for name, days_ago in [("weekly", 50), ("weekly", 43), ("rare", 90), ("daily", 40)]:
        PeriodicRun.objects.create(job_name=name, period_start=now - timedelta(days=days_ago))
    PeriodicRun.objects.create(job_name="daily", period_start=now)

    prune_finished_jobs.call()

    kept = sorted(PeriodicRun.objects.values_list("job_name", flat=True))
    assert kept == ["daily", "rare", "weekly"]
    assert PeriodicRun.objects.get(job_name="weekly").period_start == now - timedelta(days=43)


def test_workers_silent_for_a_day_are_forgotten():
    now = timezone.now()
    for worker_id, silent_for in [("gone", timedelta(days=2)), ("busy", timedelta(seconds=5))]:
        WorkerHeartbeat.objects.create(
            worker_id=worker_id,
            hostname="host",
            pid=1,
            started_at=now - timedelta(days=3),
            last_seen_at=now - silent_for,
        )

    prune_finished_jobs.call()

    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["busy"]
