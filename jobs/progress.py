"""Progress of long work: `report_progress` from inside a task (the admin's "Background jobs"
report shows it as a bar), and `progress_bar` for loops in tasks and management commands.

The task being run is known from django-tasks' `task_started` and `task_finished` signals,
which every backend sends around each task, so a task needs no extra argument. Progress is
stored only for tasks on a database backend (the only ones the report can list); elsewhere,
as with the immediate backend in tests, reporting does nothing.

Progress is written on the task's own database connection, so a task inside a long
`transaction.atomic()` block has its progress seen when the block commits. Reporting from
code running on an asyncio event loop works too (the write is made from a thread)."""

import asyncio
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TextIO, TypeVar, cast

from django.core.management.base import OutputWrapper
from django.db import connections
from django_tasks import TaskResult, task_backends
from django_tasks.signals import task_finished, task_started
from django_tasks_db import DatabaseBackend
from tqdm import tqdm

from jobs import conf
from jobs.models import JobProgress

T = TypeVar("T")
MESSAGE_LENGTH = JobProgress._meta.get_field("message").max_length or 255


@dataclass
class RunningTask:
    task_result_id: str
    stored: bool
    last_written: float = 0.0


# The tasks being run in this context, innermost last: the immediate backend runs a task
# enqueued by a task inside it.
_running: ContextVar[tuple[RunningTask, ...]] = ContextVar("jobs_running_tasks", default=())


def _on_task_started(sender: Any, task_result: TaskResult, **kwargs: Any) -> None:
    try:
        stored = isinstance(task_backends[task_result.backend], DatabaseBackend)
    except Exception:
        stored = False
    _running.set((*_running.get(), RunningTask(str(task_result.id), stored)))


def _on_task_finished(sender: Any, task_result: TaskResult, **kwargs: Any) -> None:
    running = _running.get()
    _running.set(tuple(task for task in running if task.task_result_id != str(task_result.id)))


def connect_signals() -> None:
    task_started.connect(_on_task_started, dispatch_uid="jobs.progress.started")
    task_finished.connect(_on_task_finished, dispatch_uid="jobs.progress.finished")


def current_task_result_id() -> str | None:
    """The id of the task being run here, or None outside a task."""
    running = _running.get()
    return running[-1].task_result_id if running else None


def report_progress(done: int, total: int | None = None, message: str = "") -> None:
    """Record that the running task has done `done` of `total` items (total None when not
    known), with a short message. Does nothing outside a task. Writes at most once a second
    per task (JOBS_PROGRESS_WRITE_SECONDS), except when the work is complete, so it can be
    called on every item."""
    if isinstance(done, bool) or not isinstance(done, int) or done < 0:
        raise ValueError(f"done must be a whole number of items, 0 or more, not {done!r}")
    if total is not None and (isinstance(total, bool) or not isinstance(total, int) or total < 0):
        raise ValueError(f"total must be a whole number of items, 0 or more, not {total!r}")
    _record(done, total, message, force=False)


def _record(done: int, total: int | None, message: str, *, force: bool) -> None:
    running = _running.get()
    if not running or not running[-1].stored:
        return
    task = running[-1]
    now = time.monotonic()
    complete = total is not None and done == total
    if not (force or complete) and now - task.last_written < conf.progress_write_interval():
        return
    task.last_written = now
    progress = JobProgress(
        task_result_id=task.task_result_id,
        done=done,
        total=total,
        message=str(message)[:MESSAGE_LENGTH],
    )
    if _on_event_loop():
        _write_from_another_thread(progress)
    else:
        _write(progress)


def _write(progress: JobProgress) -> None:
    JobProgress.objects.bulk_create(
        [progress],
        update_conflicts=True,
        unique_fields=["task_result"],
        update_fields=["done", "total", "message", "updated_at"],
    )


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _write_from_another_thread(progress: JobProgress) -> None:
    """Django refuses database work on an event loop's thread (an async task, or a sync one
    driving asyncio itself), so the write is made from a short-lived thread of its own."""
    failures: list[BaseException] = []

    def write() -> None:
        try:
            _write(progress)
        except BaseException as error:
            failures.append(error)
        finally:
            connections.close_all()

    writer = threading.Thread(target=write, name="jobs-progress")
    writer.start()
    writer.join()
    if failures:
        raise failures[0]


def progress_bar(
    iterable: Iterable[T],
    *,
    total: int | None = None,
    description: str = "",
    stdout: TextIO | OutputWrapper | None = None,
    unit: str = "item",
) -> Iterator[T]:
    """Iterate over `iterable`, showing a bar with the count done, the rate and the time
    left (tqdm) on `stdout` (a command's `self.stdout`, or standard error by default), and
    reporting progress when run inside a task. `total` defaults to `len(iterable)`.

    On a terminal the bar redraws in place; written to a file or log it prints a line every
    ten seconds or so (and the last), so logs stay readable."""
    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)  # type: ignore[arg-type]
    # Django's OutputWrapper would end each of tqdm's redraws with a newline of its own.
    stream = cast(TextIO, stdout._out if isinstance(stdout, OutputWrapper) else stdout)
    stream = stream or sys.stderr
    on_terminal = hasattr(stream, "isatty") and stream.isatty()
    bar = tqdm(
        iterable,
        total=total,
        desc=description or None,
        unit=unit,
        file=stream if on_terminal else LogLines(stream),
        mininterval=0.1 if on_terminal else 10.0,
        dynamic_ncols=on_terminal,
        ncols=None if on_terminal else 100,
    )
    done = 0
    with bar:
        for item in bar:
            yield item
            done += 1
            report_progress(done, total, description)
    if done != total:
        # The last count is always written (the total now known), however recent the last.
        _record(done, done if total is None else total, description, force=True)


class LogLines:
    """A file for tqdm that turns each redraw into a line of its own."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        for line in text.replace("\n", "\r").split("\r"):
            if line.strip():
                self.stream.write(line.rstrip() + "\n")

    def flush(self) -> None:
        if hasattr(self.stream, "flush"):
            self.stream.flush()
