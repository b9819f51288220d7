"""The jobs tests run on django-tasks-db's database queue, with real worker and scheduler
processes (`manage.py run_worker`, `run_scheduler`) where a test needs them. Those tests use
`transactional_db`: a process sees only what the test has committed. Every process a test
starts is stopped when the test ends, however it ends."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

ROOT = Path(__file__).resolve().parents[2]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
STOP_SECONDS = 5


@pytest.fixture(autouse=True)
def database_queue(settings):
    """Enqueueing writes to the database queue here, as on a real site."""
    settings.TASKS = DATABASE_QUEUE


def run_queued_tasks() -> None:
    """Run every waiting task in this process, in the test's transaction, the way a
    `db_worker` claims and runs each (without its signal handlers or its closing of
    connections between tasks)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while (task_result := DBTaskResult.objects.ready().first()) is not None:
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)


def wait_until(condition: Callable[[], object], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Waited {seconds} s for {what}")
        time.sleep(0.05)


class JobProcess:
    def __init__(self, name: str, popen: subprocess.Popen, log: Path) -> None:
        self.name = name
        self.popen = popen
        self.log = log

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def signal(self, signum: int) -> None:
        """To the process and anything it started (its own process group)."""
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # It ended meanwhile.
                os.killpg(self.popen.pid, signum)

    def wait(self, seconds: float) -> int:
        try:
            return self.popen.wait(timeout=seconds)
        except subprocess.TimeoutExpired as error:
            raise AssertionError(f"{self.name} still running after {seconds} s") from error

    def stop(self) -> None:
        """SIGTERM (a graceful stop), then SIGKILL if it has not gone."""
        self.signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.popen.wait(timeout=STOP_SECONDS)


class JobProcesses:
    """Starts `manage.py` commands on the test database, each logging to a file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.started: list[JobProcess] = []

    def start(self, name: str, *command: str) -> JobProcess:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.jobs.process_settings",
            "JOBS_TEST_DATABASE_NAME": str(connection.settings_dict["NAME"]),
            "JOBS_TEST_DIR": str(self.directory),
            "PYTHONUNBUFFERED": "1",
        }
        log = self.directory / f"{name}.log"
        with log.open("wb") as output:
            popen = subprocess.Popen(  # noqa: S603 - our own manage.py, no shell
                [sys.executable, str(ROOT / "manage.py"), *command],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        process = JobProcess(name, popen, log)
        self.started.append(process)
        return process

    def worker(self, name: str = "worker", *options: str) -> JobProcess:
        return self.start(
            name, "run_worker", "--no-reload", "--no-startup-delay", "--interval=0.1", *options
        )

    def stop_all(self) -> None:
        for process in self.started:
            process.stop()


@pytest.fixture
def job_processes(transactional_db, tmp_path) -> Iterator[JobProcesses]:
    processes = JobProcesses(tmp_path)
    try:
        yield processes
    finally:
        processes.stop_all()
