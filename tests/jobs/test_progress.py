"""Progress: what a task reports is stored for the report, and `progress_bar` shows counts
and rate on a command's output."""

from io import StringIO

import pytest
from django.core.management.base import OutputWrapper
from django_tasks_db.models import DBTaskResult

from jobs.models import JobProgress
from jobs.progress import progress_bar, report_progress
from tests.jobs.conftest import run_queued_tasks
from tests.jobs.tasks import count_on_an_event_loop, count_to, report_steps


def test_a_task_reports_how_far_it_has_got(db):
    result = count_to.enqueue(5)

    run_queued_tasks()

    progress = JobProgress.objects.get(task_result_id=result.id)
    assert (progress.done, progress.total, progress.message) == (5, 5, "Counting")
    assert progress.percent == 100


def test_a_task_on_an_event_loop_reports_its_progress_too(transactional_db):
    result = count_on_an_event_loop.enqueue(3)

    run_queued_tasks()

    assert DBTaskResult.objects.get(id=result.id).return_value == 3
    progress = JobProgress.objects.get(task_result_id=result.id)
    assert (progress.done, progress.message) == (3, "Counting on an event loop")


def test_progress_is_written_at_most_once_a_second_but_always_when_complete(db, settings):
    settings.JOBS_PROGRESS_WRITE_SECONDS = 60
    result = report_steps.enqueue([[1, 10], [2, 10], [3, 10], [10, 10]])

    run_queued_tasks()

    assert DBTaskResult.objects.get(id=result.id).return_value == [1, 1, 1, 10]


def test_reporting_outside_a_task_does_nothing(db):
    report_progress(3, 10, "Not in a task")

    assert not JobProgress.objects.exists()


def test_tasks_run_at_once_store_no_progress(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    result = count_to.enqueue(4)

    assert result.return_value == 4
    assert not JobProgress.objects.exists()


@pytest.mark.parametrize("done, total", [(-1, 10), (1, -10), (1.5, 10), ("3", 10)])
def test_nonsense_progress_is_refused(done, total):
    with pytest.raises(ValueError, match="whole number"):
        report_progress(done, total)


def test_a_command_shows_counts_and_rate_on_its_output():
    output = StringIO()

    items = list(progress_bar(range(250), description="Checking links", stdout=output))

    assert items == list(range(250))
    lines = output.getvalue().splitlines()
    assert lines[0].startswith("Checking links:   0%")
    assert lines[-1].startswith("Checking links: 100%")
    assert "250/250" in lines[-1]
    assert "item/s]" in lines[-1]


def test_a_bar_on_a_command_stdout_writes_whole_lines():
    """Django's OutputWrapper would end every redraw with a newline of its own."""
    output = StringIO()

    for _ in progress_bar([1, 2, 3], description="Indexing", stdout=OutputWrapper(output)):
        pass

    assert "\n\n" not in output.getvalue()
    assert output.getvalue().splitlines()[-1].startswith("Indexing: 100%")
