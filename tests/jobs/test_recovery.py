"""A task left RUNNING by a worker that died goes back to the queue, or fails with a clear
error once it has had its attempts; a live or unknown worker's task is never touched."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.models import WorkerHeartbeat
from jobs.recovery import WORKER_LOST, _take_back, recover_lost_tasks
from tests.jobs.conftest import run_queued_tasks
from tests.jobs.tasks import count_to

pytestmark = pytest.mark.django_db


def heartbeat(worker_id, *, seconds_ago=0.0, stopped=False):
    seen = timezone.now() - timedelta(seconds=seconds_ago)
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname="worker-host-2",
        pid=4242,
        started_at=seen - timedelta(hours=1),
        last_seen_at=seen,
        stopped_at=seen if stopped else None,
    )


def running_task(*worker_ids):
    """A task claimed by each of `worker_ids` in turn, the last still running it."""
    task_result = DBTaskResult.objects.get(id=count_to.enqueue(3).id)
    for worker_id in worker_ids:
        task_result.claim(worker_id)
    return task_result


def status_of(task_result):
    task_result.refresh_from_db()
    return task_result.status


def test_the_task_of_a_worker_that_went_silent_is_queued_again_and_then_run():
    heartbeat("dead-worker", seconds_ago=600)
    task_result = running_task("dead-worker")

    [recovered] = recover_lost_tasks()
    assert recovered.requeued and recovered.attempts == 1
    assert status_of(task_result) == TaskResultStatus.READY

    run_queued_tasks()
    task_result.refresh_from_db()
    assert task_result.status == TaskResultStatus.SUCCESSFUL
    assert task_result.return_value == 3
    assert task_result.worker_ids == ["dead-worker", "test-worker"]


def test_the_task_of_a_worker_that_stopped_without_finishing_it_is_queued_again():
    heartbeat("reloaded-worker", stopped=True)
    task_result = running_task("reloaded-worker")

    recover_lost_tasks()

    assert status_of(task_result) == TaskResultStatus.READY


def test_a_live_worker_keeps_its_task():
    heartbeat("live-worker", seconds_ago=1)
    task_result = running_task("live-worker")

    assert recover_lost_tasks() == []
    assert status_of(task_result) == TaskResultStatus.RUNNING


def test_a_task_of_a_worker_without_a_heartbeat_is_left_alone():
    heartbeat("some-other-dead-worker", seconds_ago=600)
    task_result = running_task("plain-db-worker")

    assert recover_lost_tasks() == []
    assert status_of(task_result) == TaskResultStatus.RUNNING


def test_after_its_last_attempt_a_lost_task_fails_saying_what_happened(settings):
    settings.JOBS_MAX_ATTEMPTS = 2
    heartbeat("first-worker", seconds_ago=900)
    heartbeat("second-worker", seconds_ago=600)
    task_result = running_task("first-worker", "second-worker")

    [recovered] = recover_lost_tasks()

    task_result.refresh_from_db()
    assert not recovered.requeued
    assert task_result.status == TaskResultStatus.FAILED
    assert task_result.finished_at is not None
    assert task_result.exception_class_path == WORKER_LOST
    assert "second-worker on worker-host-2, process 4242" in task_result.traceback
    assert "attempt 2 of 2, so the task is not tried again" in task_result.traceback


def test_a_lost_task_is_moved_once_when_recoverers_race():
    """Two recoverers read the same lost task; the second one's update finds it moved."""
    lost_worker = heartbeat("dead-worker", seconds_ago=600)
    task_result = running_task("dead-worker")
    as_both_read_it = DBTaskResult.objects.get(id=task_result.id)

    first = _take_back(as_both_read_it, lost_worker)
    second = _take_back(as_both_read_it, lost_worker)

    assert first is not None and second is None
    assert status_of(task_result) == TaskResultStatus.READY


def test_a_worker_that_comes_back_before_the_update_keeps_its_task():
    paused_worker = heartbeat("paused-worker", seconds_ago=600)
    task_result = running_task("paused-worker")
    WorkerHeartbeat.objects.filter(worker_id="paused-worker").update(last_seen_at=timezone.now())

    assert _take_back(task_result, paused_worker) is None
    assert status_of(task_result) == TaskResultStatus.RUNNING
