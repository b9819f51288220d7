"""A worker's heartbeat: a thread that keeps the worker's `WorkerHeartbeat` row fresh while
the worker runs tasks in its main thread, and on each beat takes back the tasks of workers
that have died (`jobs.recovery`), so a lost task is requeued as long as any worker runs.

The row is written before the worker claims its first task and marked stopped when the
worker exits, so a task the worker was interrupted in (an autoreload in development) is taken
back at once rather than after the silence timeout."""

import logging
import os
import socket
import threading

from django.db import close_old_connections, connections
from django.db.models.functions import Now
from django.utils import timezone

from jobs import conf
from jobs.models import WorkerHeartbeat
from jobs.recovery import recover_lost_tasks

logger = logging.getLogger(__name__)


class Heartbeat:
    def __init__(self, worker_id: str) -> None:
        self.worker_id = worker_id
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"heartbeat-{worker_id}", daemon=True
        )

    def start(self) -> None:
        """Announce the worker, take back what dead workers left, then beat in the
        background."""
        self.start_row()
        self._recover()
        self._thread.start()

    def stop(self) -> None:
        """Stop beating and say so: any task still marked running by this worker is then
        taken back by the next recovery pass."""
        self._stopping.set()
        self._thread.join(timeout=conf.heartbeat_interval().total_seconds() + 5)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(stopped_at=Now())
        except Exception:
            logger.exception("Could not mark worker %s stopped", self.worker_id)

    def beat(self) -> None:
        updated = WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(
            last_seen_at=Now(), stopped_at=None
        )
        if not updated:  # Forgotten while this worker was paused for a long time.
            self.start_row()

    def start_row(self) -> None:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "hostname": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started_at": timezone.now(),
                "last_seen_at": Now(),
                "stopped_at": None,
            },
        )

    def _run(self) -> None:
        interval = conf.heartbeat_interval().total_seconds()
        try:
            while not self._stopping.wait(interval):
                try:
                    self.beat()
                except Exception:
                    # A busy or restarting database: say so and beat again next time. Silence
                    # for JOBS_WORKER_LOST_AFTER_SECONDS would make the task count as lost.
                    logger.exception("Worker %s could not write its heartbeat", self.worker_id)
                else:
                    self._recover()
                finally:
                    close_old_connections()
        finally:
            connections.close_all()

    def _recover(self) -> None:
        try:
            recover_lost_tasks()
        except Exception:
            logger.exception("Could not take back the tasks of lost workers")
