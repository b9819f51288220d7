"""`manage.py run_scheduler`: enqueue each periodic job once per period, and take back the
tasks of dead workers. Any number may run, on any machines: the database decides which
scheduler enqueues a period (`jobs.scheduler`)."""

import signal
import threading
from argparse import ArgumentParser, ArgumentTypeError
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django_tasks_db import DatabaseBackend

from jobs.recovery import recover_lost_tasks
from jobs.registry import periodic_jobs
from jobs.schedule import PeriodicJob
from jobs.scheduler import Outcome, enqueue_due_jobs, seconds_until_next_period

# A little past a period's start, so the pass that wakes for it is inside the period.
WAKE_MARGIN_SECONDS = 0.01


def positive_seconds(value: str) -> float:
    seconds = float(value)
    if not 0 < seconds < 86_400:
        raise ArgumentTypeError("give a number of seconds between 0 and 86400")
    return seconds


class Command(BaseCommand):
    help = (
        "Enqueue each periodic job once per period (however many schedulers run) and requeue"
        " the tasks of workers that died. Runs until stopped, or one pass with --once."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true", help="run one pass, then exit")
        parser.add_argument(
            "--interval",
            type=positive_seconds,
            default=30.0,
            help="most seconds between passes; a pass also starts when a period begins"
            " (default: %(default)s)",
        )
        parser.add_argument(
            "--job",
            action="append",
            dest="job_names",
            metavar="NAME",
            help="schedule only this job (repeat for more; default: every registered job)",
        )

    def handle(
        self,
        *args: Any,
        once: bool,
        interval: float,
        job_names: list[str] | None,
        **options: Any,
    ) -> None:
        self.verbosity = int(options["verbosity"])
        self.jobs = self.chosen_jobs(job_names)
        self.check_backends()
        if once:
            self.run_pass()
            return
        stopping = threading.Event()

        def stop(signum: int, frame: FrameType | None) -> None:
            stopping.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        names = ", ".join(job.name for job in self.jobs) or "none"
        self.say(f"Scheduler started; periodic jobs: {names}.")
        while not stopping.is_set():
            try:
                self.run_pass()
            except Exception as error:
                # The database restarting, say: report it and try again next pass.
                self.stderr.write(f"Scheduler pass failed: {error!r}")
            finally:
                close_old_connections()
            until_next = seconds_until_next_period(jobs=self.jobs)
            wait = interval if until_next is None else min(interval, until_next)
            stopping.wait(wait + WAKE_MARGIN_SECONDS)
        self.say("Scheduler stopped.")

    def chosen_jobs(self, job_names: list[str] | None) -> list[PeriodicJob]:
        jobs = periodic_jobs()
        if not job_names:
            return list(jobs.values())
        unknown = sorted(set(job_names) - set(jobs))
        if unknown:
            raise CommandError(
                f"No periodic job is named {', '.join(unknown)}; there are:"
                f" {', '.join(sorted(jobs)) or 'none'}."
            )
        return [jobs[name] for name in dict.fromkeys(job_names)]

    def check_backends(self) -> None:
        """Refuse to start when a job could never be enqueued exactly once."""
        wrong = [
            f"{job.name} ({type(job.task.get_backend()).__name__})"
            for job in self.jobs
            if not isinstance(job.task.get_backend(), DatabaseBackend)
        ]
        if wrong:
            raise CommandError(
                "These periodic jobs are not on django_tasks_db's DatabaseBackend, so their"
                f" runs cannot be enqueued exactly once: {', '.join(wrong)}. Set TASKS."
            )

    def run_pass(self) -> None:
        try:
            for recovered in recover_lost_tasks():
                self.say(str(recovered))
        except Exception as error:
            # Enqueueing does not depend on it: report it and go on.
            self.stderr.write(f"Could not take back the tasks of lost workers: {error!r}")
        for result in enqueue_due_jobs(jobs=self.jobs):
            if result.outcome is Outcome.FAILED:
                self.stderr.write(str(result))
            elif result.outcome is Outcome.ALREADY_ENQUEUED:
                self.say(str(result), verbosity=2)
            else:
                self.say(str(result))

    def say(self, message: str, verbosity: int = 1) -> None:
        if self.verbosity >= verbosity:
            self.stdout.write(message)
            self.stdout.flush()
