"""Periodic jobs come from the `register_periodic_job` hook, read once."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from jobs import registry
from jobs.checks import check_periodic_jobs
from jobs.schedule import PeriodicJob
from tests.jobs.tasks import count_to


@pytest.fixture(autouse=True)
def hooks_read_afresh():
    registry.forget()
    yield
    registry.forget()


def hourly(name="hourly"):
    return PeriodicJob(name, count_to, every=timedelta(hours=1))


def test_the_site_prunes_finished_jobs_every_night():
    job = registry.periodic_jobs()["prune_finished_jobs"]

    assert job.describe() == "daily at 03:30"
    assert job.task.module_path == "jobs.tasks.prune_finished_jobs"


def test_a_job_registered_by_any_app_is_scheduled():
    with hooks.register_temporarily("register_periodic_job", hourly):
        assert registry.periodic_jobs()["hourly"].every == timedelta(hours=1)


def test_two_jobs_with_one_name_are_refused_and_the_check_says_which():
    def another_hourly():
        return hourly()

    with hooks.register_temporarily(
        [("register_periodic_job", hourly), ("register_periodic_job", another_hourly)]
    ):
        with pytest.raises(ImproperlyConfigured, match="Two periodic jobs are named 'hourly'"):
            registry.periodic_jobs()
        registry.forget()
        [error] = check_periodic_jobs()

    assert error.id == "jobs.E001"


def test_a_hook_that_returns_something_else_is_refused():
    with (
        hooks.register_temporarily("register_periodic_job", lambda: "hourly"),
        pytest.raises(ImproperlyConfigured, match="not a PeriodicJob"),
    ):
        registry.periodic_jobs()
