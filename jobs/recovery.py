"""Takes back the tasks of workers that died while running them.

django-tasks-db marks a task RUNNING when a worker claims it and only its worker ever moves it
on, so a worker killed mid-task (SIGKILL, out of memory, a machine lost) would leave it
RUNNING for ever. Workers started with `manage.py run_worker` keep a heartbeat
(`jobs.heartbeat`); a RUNNING task whose worker has gone quiet for
JOBS_WORKER_LOST_AFTER_SECONDS, or stopped without finishing it, is put back to READY and
runs again, or is marked FAILED with a `WorkerLost` error once it has had JOBS_MAX_ATTEMPTS
attempts (the number of workers that claimed it). Tasks must therefore be safe to run twice.

Tasks claimed by a worker that never kept a heartbeat (a plain `db_worker`) are left alone:
nothing says whether that worker is alive."""

import logging
from dataclasses import dataclass

from django.db.models import Exists, Q
from django.db.models.functions import Now
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs import conf
from jobs.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The worker running a task stopped before finishing it, too many times."""


WORKER_LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


@dataclass(frozen=True)
class RecoveredTask:
    task_result_id: str
    task_path: str
    worker_id: str
    attempts: int
    requeued: bool

    def __str__(self) -> str:
        if self.requeued:
            return (
                f"Task {self.task_result_id} ({self.task_path}) lost with worker"
                f" {self.worker_id} on attempt {self.attempts}: queued again"
            )
        return (
            f"Task {self.task_result_id} ({self.task_path}) lost with worker"
            f" {self.worker_id} on attempt {self.attempts}: failed, no attempts left"
        )


def silent_workers() -> Q:
    """Heartbeats of workers that are gone: stopped, or quiet for too long."""
    return Q(stopped_at__isnull=False) | Q(last_seen_at__lt=Now() - conf.worker_lost_after())


def recover_lost_tasks() -> list[RecoveredTask]:
    """Requeue (or fail) every RUNNING task whose worker is gone. Safe to run from any number
    of processes at once: each task is moved by a conditional update that only one wins, and
    only while its worker is still silent. One query when no worker is silent."""
    gone = {
        heartbeat.worker_id: heartbeat
        for heartbeat in WorkerHeartbeat.objects.filter(silent_workers())
    }
    if not gone:
        return []
    recovered = []
    running = DBTaskResult.objects.running().only("id", "task_path", "worker_ids", "started_at")
    for task_result in running:
        worker_id = task_result.worker_ids[-1] if task_result.worker_ids else None
        if worker_id not in gone:
            continue
        outcome = _take_back(task_result, gone[worker_id])
        if outcome is not None:
            recovered.append(outcome)
            log = logger.warning if outcome.requeued else logger.error
            log("%s", outcome)
    return recovered


def _take_back(task_result: DBTaskResult, heartbeat: WorkerHeartbeat) -> RecoveredTask | None:
    attempts = len(task_result.worker_ids)
    # The worker may have come back (a paused machine) since it was read as gone: then the
    # task is left to it.
    worker_is_back = WorkerHeartbeat.objects.filter(worker_id=heartbeat.worker_id).exclude(
        silent_workers()
    )
    still_lost = DBTaskResult.objects.filter(
        id=task_result.id,
        status=TaskResultStatus.RUNNING,
        started_at=task_result.started_at,
    ).exclude(Exists(worker_is_back))
    if attempts < conf.max_attempts():
        moved = still_lost.update(status=TaskResultStatus.READY)
    else:
        moved = still_lost.update(
            status=TaskResultStatus.FAILED,
            finished_at=Now(),
            exception_class_path=WORKER_LOST,
            traceback=_lost_message(heartbeat, attempts),
        )
    if not moved:
        return None
    return RecoveredTask(
        task_result_id=str(task_result.id),
        task_path=task_result.task_path,
        worker_id=heartbeat.worker_id,
        attempts=attempts,
        requeued=attempts < conf.max_attempts(),
    )


def _lost_message(heartbeat: WorkerHeartbeat, attempts: int) -> str:
    how = "stopped" if heartbeat.stopped_at else "stopped answering"
    return (
        f"{WORKER_LOST}: the worker running this task ({heartbeat.worker_id} on"
        f" {heartbeat.hostname}, process {heartbeat.pid}) {how} before the task finished;"
        f" last heard from at {heartbeat.last_seen_at:%Y-%m-%d %H:%M:%S} UTC. This was attempt"
        f" {attempts} of {conf.max_attempts()}, so the task is not tried again. Look for what"
        " killed the worker (memory, a deploy, the machine) in its host's logs.\n"
    )
