"""The app's settings, each with a default that suits production."""

from datetime import timedelta

from django.conf import settings


def heartbeat_interval() -> timedelta:
    """How often a worker says it is alive (JOBS_HEARTBEAT_SECONDS)."""
    return timedelta(seconds=float(getattr(settings, "JOBS_HEARTBEAT_SECONDS", 10)))


def worker_lost_after() -> timedelta:
    """Silence after which a worker counts as gone and its task is taken back
    (JOBS_WORKER_LOST_AFTER_SECONDS). Several heartbeats long, so a busy database or a
    paused machine is not mistaken for a dead worker."""
    return timedelta(seconds=float(getattr(settings, "JOBS_WORKER_LOST_AFTER_SECONDS", 60)))


def max_attempts() -> int:
    """Attempts a task gets when its worker keeps dying under it (JOBS_MAX_ATTEMPTS)."""
    return int(getattr(settings, "JOBS_MAX_ATTEMPTS", 3))


def keep_finished_days() -> int:
    """Days finished task results are kept for the report (JOBS_KEEP_FINISHED_DAYS)."""
    return int(getattr(settings, "JOBS_KEEP_FINISHED_DAYS", 30))


def progress_write_interval() -> float:
    """Least seconds between two progress writes of one task, so a tight loop does not
    write on every item (JOBS_PROGRESS_WRITE_SECONDS)."""
    return float(getattr(settings, "JOBS_PROGRESS_WRITE_SECONDS", 1.0))
