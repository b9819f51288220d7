"""`manage.py run_worker`: django-tasks-db's `db_worker` with a heartbeat, so that the tasks
of a worker that dies are taken back (`jobs.recovery`). Same options as `db_worker`."""

import os
from typing import Any

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from jobs.heartbeat import Heartbeat


class Command(DatabaseWorkerCommand):
    help = (
        "Run a database background worker that keeps a heartbeat, so its tasks are run again"
        " elsewhere if it dies. Run one or more on each machine; all share the database queue."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        reloading = options["reload"] and not options["batch"]
        if reloading and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            # The autoreloader's watching parent runs no tasks; its child does, and beats.
            super().handle(*args, **options)
            return
        heartbeat = Heartbeat(options["worker_id"])
        heartbeat.start()
        try:
            super().handle(*args, **options)
        finally:
            heartbeat.stop()
