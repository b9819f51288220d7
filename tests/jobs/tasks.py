"""Tasks that only the jobs tests enqueue. Each leaves a trace in files, so a test can tell
how many times it ran, whichever process ran it."""

import asyncio
import concurrent.futures
import contextvars
import os
import time
from pathlib import Path

from django_tasks import TaskContext, task

from jobs.progress import progress_bar, report_progress

FLAG_WAIT_SECONDS = 30


def _append(path: Path, line: str) -> None:
    with path.open("a") as file:
        file.write(line + "\n")


@task(takes_context=True)
def record_periodic_run(context: TaskContext) -> None:
    """The periodic job of the test processes: notes each run's task id."""
    _append(Path(os.environ["JOBS_TEST_DIR"]) / "periodic-runs.txt", context.task_result.id)


@task(takes_context=True)
def wait_for_flag(context: TaskContext, directory: str) -> str:
    """Says it started, then waits for a "go" file before saying it finished: a task that is
    still running for as long as the test wants it to be."""
    folder = Path(directory)
    _append(folder / "wait-for-flag.txt", f"started attempt {context.attempt}")
    deadline = time.monotonic() + FLAG_WAIT_SECONDS
    while not (folder / "go").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("The test never said go.")
        time.sleep(0.02)
    _append(folder / "wait-for-flag.txt", f"finished attempt {context.attempt}")
    return "done"


@task()
def call_the_partner_directory() -> None:
    raise ConnectionError("The partner directory answered 503 Service Unavailable")


@task()
def count_to(number: int) -> int:
    report_progress(0, number, "Counting")
    for _ in progress_bar(range(number), description="Counting"):
        pass
    return number


@task()
def halfway_then_fail(total: int) -> None:
    report_progress(total // 2, total, "Halfway")
    raise RuntimeError("Stopped halfway")


@task(takes_context=True)
def report_steps(context: TaskContext, steps: list[list[int]]) -> list[int]:
    """Reports each (done, total) in turn and returns what was stored after each."""
    from jobs.models import JobProgress

    stored = []
    for done, total in steps:
        report_progress(done, total)
        progress = JobProgress.objects.filter(task_result_id=context.task_result.id).first()
        stored.append(progress.done if progress else -1)
    return stored


@task()
def count_on_an_event_loop(number: int) -> int:
    """Reports from a coroutine, as a task driving asyncio (an HTTP client, say) would."""

    async def count() -> int:
        for done in range(1, number + 1):
            report_progress(done, number, "Counting on an event loop")
        return number

    # On a loop of its own in another thread, as check_links does when the caller's thread has
    # a loop running (the browser tests leave Playwright's running in the test process). The
    # context goes with it, as it would with asyncio.to_thread.
    context = contextvars.copy_context()
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(context.run, asyncio.run, count()).result()
