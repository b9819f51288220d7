"""One scheduler pass: each job's current period is enqueued once, with its run recorded in
the same transaction."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from wagtail import hooks

from jobs import registry
from jobs.models import PeriodicRun, WorkerHeartbeat
from jobs.schedule import PeriodicJob
from jobs.scheduler import Outcome, claim_period, enqueue_due_jobs
from tests.jobs.tasks import count_to

pytestmark = pytest.mark.django_db
HOUR = timedelta(hours=1)
TEN_PAST_NINE = datetime(2026, 7, 1, 9, 10, tzinfo=UTC)


def counting_job():
    return PeriodicJob("counting", count_to, every=HOUR)


@pytest.fixture(autouse=True)
def counting_job_registered():
    registry.forget()
    with hooks.register_temporarily("register_periodic_job", counting_job):
        yield
    registry.forget()


def one_pass(now):
    """A pass over the counting job alone, not the site's own jobs."""
    return enqueue_due_jobs(now, jobs=[registry.periodic_jobs()["counting"]])


def queued_paths():
    return list(DBTaskResult.objects.values_list("task_path", flat=True))


def test_a_period_is_enqueued_once_however_often_the_scheduler_passes():
    [first] = one_pass(TEN_PAST_NINE)
    [again] = one_pass(TEN_PAST_NINE + timedelta(minutes=40))
    [next_hour] = one_pass(TEN_PAST_NINE + HOUR)

    assert first.outcome is Outcome.ENQUEUED
    assert again.outcome is Outcome.ALREADY_ENQUEUED
    assert next_hour.outcome is Outcome.ENQUEUED
    assert queued_paths() == ["tests.jobs.tasks.count_to"] * 2
    runs = PeriodicRun.objects.order_by("period_start")
    assert [run.period_start for run in runs] == [
        datetime(2026, 7, 1, 9, tzinfo=UTC),
        datetime(2026, 7, 1, 10, tzinfo=UTC),
    ]
    assert {str(run.task_result_id) for run in runs} == {
        first.task_result_id,
        next_hour.task_result_id,
    }


def test_a_period_another_scheduler_claimed_is_not_enqueued_again():
    nine = datetime(2026, 7, 1, 9, tzinfo=UTC)
    PeriodicRun.objects.create(job_name="counting", period_start=nine)

    assert claim_period(counting_job(), nine) is None
    assert queued_paths() == []


def test_a_failure_to_enqueue_leaves_the_period_unclaimed_to_try_again(monkeypatch):
    def queue_unavailable(*args, **kwargs):
        raise RuntimeError("the queue is unavailable")

    monkeypatch.setattr(DatabaseBackend, "enqueue", queue_unavailable)
    [failed] = one_pass(TEN_PAST_NINE)
    monkeypatch.undo()
    [retried] = one_pass(TEN_PAST_NINE)

    assert failed.outcome is Outcome.FAILED
    assert "the queue is unavailable" in failed.error
    assert retried.outcome is Outcome.ENQUEUED
    assert PeriodicRun.objects.count() == 1
    assert len(queued_paths()) == 1


def test_the_scheduler_command_runs_one_pass_and_says_what_it_enqueued():
    output = StringIO()

    call_command("run_scheduler", "--once", "--job=counting", stdout=output)

    assert "counting: enqueued the period from" in output.getvalue()
    assert queued_paths() == ["tests.jobs.tasks.count_to"]


def test_the_scheduler_refuses_a_job_it_does_not_know():
    with pytest.raises(CommandError, match="No periodic job is named countnig"):
        call_command("run_scheduler", "--once", "--job=countnig", stdout=StringIO())


def test_the_scheduler_refuses_jobs_it_could_not_enqueue_exactly_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    with pytest.raises(CommandError, match="counting"):
        call_command("run_scheduler", "--once", "--job=counting", stdout=StringIO())
    assert PeriodicRun.objects.count() == 0


def test_a_scheduler_pass_also_takes_back_the_tasks_of_lost_workers():
    lost = DBTaskResult.objects.get(id=count_to.enqueue(2).id)
    lost.claim("killed-worker")
    WorkerHeartbeat.objects.create(
        worker_id="killed-worker",
        hostname="host",
        pid=1,
        started_at=timezone.now() - timedelta(hours=1),
        last_seen_at=timezone.now() - timedelta(minutes=5),
    )
    output = StringIO()

    call_command("run_scheduler", "--once", "--job=counting", stdout=output)

    assert "lost with worker killed-worker on attempt 1: queued again" in output.getvalue()
    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.READY
