"""Real processes on the real queue: two schedulers side by side enqueue each period once and
a worker runs it once; a task whose worker is killed mid-task is finished once by another."""

import re
import signal
from pathlib import Path

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.models import PeriodicRun
from tests.jobs.conftest import wait_until
from tests.jobs.tasks import wait_for_flag

PERIODS_TO_WATCH = 3
ENQUEUED = re.compile(r"every_second: enqueued the period from (\S+) ")
SKIPPED = re.compile(
    r"every_second: the period from (\S+) was (?:already enqueued|enqueued by another)"
)


def test_two_schedulers_enqueue_each_period_once_and_a_worker_runs_it_once(job_processes, tmp_path):
    worker = job_processes.worker()
    schedulers = [
        job_processes.start(
            name, "run_scheduler", "--job=every_second", "--interval=0.2", "--verbosity=2"
        )
        for name in ("scheduler-a", "scheduler-b")
    ]
    runs = PeriodicRun.objects.filter(job_name="every_second")
    wait_until(
        lambda: runs.count() > PERIODS_TO_WATCH,
        seconds=30,
        what="the schedulers to enqueue several periods",
    )
    for scheduler in schedulers:
        scheduler.stop()
    queued = DBTaskResult.objects.filter(task_path="tests.jobs.tasks.record_periodic_run")
    wait_until(
        lambda: not queued.exclude(status=TaskResultStatus.SUCCESSFUL).exists(),
        seconds=30,
        what="the worker to run every queued period",
    )
    worker.stop()

    enqueued_by = [set(ENQUEUED.findall(scheduler.output())) for scheduler in schedulers]
    seen_by = [
        enqueued | set(SKIPPED.findall(scheduler.output()))
        for scheduler, enqueued in zip(schedulers, enqueued_by, strict=True)
    ]
    periods_both_saw = seen_by[0] & seen_by[1]
    assert len(periods_both_saw) >= 2, [s.output() for s in schedulers]
    assert not enqueued_by[0] & enqueued_by[1], "a period was enqueued by both schedulers"

    assert {run.period_start.isoformat() for run in runs} == enqueued_by[0] | enqueued_by[1]
    run_task_ids = {str(run.task_result_id) for run in runs}
    assert {str(result.id) for result in queued} == run_task_ids
    ran = (tmp_path / "periodic-runs.txt").read_text().split()
    assert sorted(ran) == sorted(run_task_ids), "each period's task ran exactly once"


def test_a_task_whose_worker_is_killed_is_finished_once_by_another_worker(job_processes, tmp_path):
    trace = tmp_path / "wait-for-flag.txt"
    result = wait_for_flag.enqueue(str(tmp_path))
    first_worker = job_processes.worker("first-worker")
    wait_until(trace.exists, seconds=30, what="the first worker to start the task")

    first_worker.signal(signal.SIGKILL)
    first_worker.wait(10)
    left_behind = DBTaskResult.objects.get(id=result.id)
    assert left_behind.status == TaskResultStatus.RUNNING

    Path(tmp_path / "go").touch()
    second_worker = job_processes.worker("second-worker")
    wait_until(
        lambda: DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.SUCCESSFUL,
        seconds=30,
        what="the second worker to finish the task",
    )

    finished = DBTaskResult.objects.get(id=result.id)
    assert finished.return_value == "done"
    assert len(finished.worker_ids) == 2
    assert finished.worker_ids[0] == left_behind.worker_ids[0]
    assert trace.read_text().splitlines() == [
        "started attempt 1",
        "started attempt 2",
        "finished attempt 2",
    ]
    assert "queued again" in second_worker.output()
