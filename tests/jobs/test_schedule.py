"""When each period of a periodic job begins: fixed lengths, and days and weeks of the site's
time zone (Europe/London), across the clock changes."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured

from jobs.schedule import Every, PeriodicJob
from tests.jobs.tasks import count_to


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_fixed_periods_are_the_same_whenever_a_scheduler_started():
    job = PeriodicJob("hourly", count_to, every=timedelta(hours=1))

    assert job.period_start(utc(2026, 7, 1, 10, 59, 59)) == utc(2026, 7, 1, 10)
    assert job.period_start(utc(2026, 7, 1, 11, 0, 0)) == utc(2026, 7, 1, 11)
    assert job.next_period_start(utc(2026, 7, 1, 10, 20)) == utc(2026, 7, 1, 11)


def test_a_daily_job_runs_at_the_local_time_in_summer_and_winter():
    job = PeriodicJob("nightly", count_to, every=Every.DAY, at=time(3, 30))

    # 03:30 in London is 02:30 UTC in summer (BST) and 03:30 UTC in winter (GMT).
    assert job.period_start(utc(2026, 7, 1, 12)) == utc(2026, 7, 1, 2, 30)
    assert job.period_start(utc(2026, 7, 1, 2, 29)) == utc(2026, 6, 30, 2, 30)
    assert job.period_start(utc(2026, 12, 1, 12)) == utc(2026, 12, 1, 3, 30)


def test_a_daily_period_follows_the_clocks_when_they_go_forward():
    job = PeriodicJob("nightly", count_to, every=Every.DAY, at=time(3, 30))
    saturday = job.period_start(utc(2026, 3, 28, 12))  # the clocks go forward on Sunday

    sunday = job.next_period_start(utc(2026, 3, 28, 12))

    assert saturday == utc(2026, 3, 28, 3, 30)
    assert sunday == utc(2026, 3, 29, 2, 30)
    assert sunday - saturday == timedelta(hours=23)


def test_a_weekly_job_belongs_to_the_last_chosen_weekday():
    job = PeriodicJob("weekly", count_to, every=Every.WEEK, weekday=0, at=time(7, 0))

    wednesday = utc(2026, 7, 8, 12)
    just_before_monday_seven = utc(2026, 7, 6, 5, 59)  # 06:59 in London

    assert job.period_start(wednesday) == utc(2026, 7, 6, 6)
    assert job.period_start(just_before_monday_seven) == utc(2026, 6, 29, 6)
    assert job.next_period_start(wednesday) == utc(2026, 7, 13, 6)
    assert job.describe() == "weekly on Monday at 07:00"


@pytest.mark.parametrize(
    "arguments",
    [
        {"name": "has spaces", "task": count_to, "every": timedelta(hours=1)},
        {"name": "", "task": count_to, "every": timedelta(hours=1)},
        {"name": "tiny", "task": count_to, "every": timedelta(milliseconds=10)},
        {"name": "text", "task": count_to, "every": "daily at 03:00"},
        {"name": "not_a_task", "task": print, "every": timedelta(hours=1)},
        {"name": "weekday", "task": count_to, "every": Every.WEEK, "weekday": 7},
        {"name": "aware", "task": count_to, "every": Every.DAY, "at": time(3, tzinfo=UTC)},
    ],
    ids=lambda arguments: arguments["name"] or "empty",
)
def test_a_job_that_could_not_run_as_meant_is_refused_when_declared(arguments):
    with pytest.raises(ImproperlyConfigured):
        PeriodicJob(**arguments)
