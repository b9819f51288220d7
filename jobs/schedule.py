"""Periodic jobs and their periods.

A job's time is cut into periods; the scheduler enqueues the job once in each period, as soon
as it sees that the period has begun. Every scheduler works out the same period start for the
same moment, which is what lets the database refuse a second run of the period.

A period is either a fixed length (`every=timedelta(hours=1)`), counted from 1 January 1970
UTC so that it does not depend on when a scheduler started, or a day or week of the site's
time zone (`every=Every.DAY, at=time(3, 30)`; `every=Every.WEEK, weekday=MONDAY, at=...`),
which follows the clocks when they change.

A scheduler that was stopped for several periods enqueues the current period once; the
periods it missed are not made up."""

import enum
import re
from calendar import MONDAY
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django_tasks.base import Task

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
JOB_NAME = re.compile(r"^[a-z0-9_.-]{1,100}$")


class Every(enum.Enum):
    """Periods that follow the site's calendar rather than a fixed number of seconds."""

    DAY = "day"
    WEEK = "week"


@dataclass(frozen=True)
class PeriodicJob:
    """A task to enqueue once in every period. `name` identifies the job in the database:
    renaming it starts a new history (and runs it again in the current period)."""

    name: str
    task: Task
    every: timedelta | Every
    at: time = time(0, 0)
    weekday: int = MONDAY

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not JOB_NAME.match(self.name):
            raise ImproperlyConfigured(
                f"Periodic job name {self.name!r}: use 1 to 100 lower-case letters, digits,"
                " '_', '.' or '-'."
            )
        if not isinstance(self.task, Task):
            raise ImproperlyConfigured(
                f"Periodic job {self.name!r}: task must be a django_tasks Task (a function"
                f" decorated with @task()), not {type(self.task).__name__}."
            )
        if isinstance(self.every, timedelta):
            if self.every < timedelta(seconds=1):
                raise ImproperlyConfigured(
                    f"Periodic job {self.name!r}: every must be at least one second."
                )
        elif not isinstance(self.every, Every):
            raise ImproperlyConfigured(
                f"Periodic job {self.name!r}: every must be a timedelta, Every.DAY or Every.WEEK."
            )
        if not isinstance(self.at, time) or self.at.tzinfo is not None:
            raise ImproperlyConfigured(
                f"Periodic job {self.name!r}: at must be a time of day without a time zone"
                " (it is read in the site's time zone)."
            )
        if self.weekday not in range(7):
            raise ImproperlyConfigured(
                f"Periodic job {self.name!r}: weekday must be 0 (Monday) to 6 (Sunday)."
            )

    def period_start(self, now: datetime) -> datetime:
        """The start, in UTC, of the period that `now` falls in."""
        now = now.astimezone(UTC)
        if isinstance(self.every, timedelta):
            return EPOCH + ((now - EPOCH) // self.every) * self.every
        local_today = now.astimezone(timezone.get_default_timezone()).date()
        day = local_today
        if self.every is Every.WEEK:
            day -= timedelta(days=(local_today.weekday() - self.weekday) % 7)
        start = self._local_start(day)
        if start > now:
            start = self._local_start(day - self._calendar_step())
        return start

    def next_period_start(self, now: datetime) -> datetime:
        """The start, in UTC, of the period after the one `now` falls in."""
        start = self.period_start(now)
        if isinstance(self.every, timedelta):
            return start + self.every
        local_day = start.astimezone(timezone.get_default_timezone()).date()
        return self._local_start(local_day + self._calendar_step())

    def describe(self) -> str:
        """The schedule in words, for logs and the admin."""
        if isinstance(self.every, timedelta):
            return f"every {self.every}"
        at = self.at.strftime("%H:%M")
        if self.every is Every.DAY:
            return f"daily at {at}"
        weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return f"weekly on {weekday[self.weekday]} at {at}"

    def _calendar_step(self) -> timedelta:
        return timedelta(days=7 if self.every is Every.WEEK else 1)

    def _local_start(self, day: date) -> datetime:
        """`at` on `day` in the site's time zone, in UTC. A time the clocks skip (spring
        forward) is read with the offset from before the change, as zoneinfo does."""
        local = datetime.combine(day, self.at, tzinfo=timezone.get_default_timezone())
        return local.astimezone(UTC)
