"""The periodic jobs of the site, gathered from every app's `register_periodic_job` hook.

An app registers a job in its own `wagtail_hooks.py`:

    @hooks.register("register_periodic_job")
    def register_nightly_link_check():
        return PeriodicJob("check_links", check_links, every=Every.DAY, at=time(2, 0))

The hooks are read on first use, when every app is loaded, and kept for the process."""

import threading

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from jobs.schedule import PeriodicJob

HOOK_NAME = "register_periodic_job"

_jobs: dict[str, PeriodicJob] | None = None
_lock = threading.Lock()


def periodic_jobs() -> dict[str, PeriodicJob]:
    """Every registered job by name. Two jobs with one name raise ImproperlyConfigured: they
    would share one history, and one of them would never run."""
    global _jobs
    with _lock:
        if _jobs is None:
            _jobs = _collect()
        return _jobs


def forget() -> None:
    """Read the hooks again on next use (tests that register jobs temporarily)."""
    global _jobs
    with _lock:
        _jobs = None


def _collect() -> dict[str, PeriodicJob]:
    jobs: dict[str, PeriodicJob] = {}
    for hook in hooks.get_hooks(HOOK_NAME):
        job = hook()
        if not isinstance(job, PeriodicJob):
            raise ImproperlyConfigured(
                f"The {HOOK_NAME} hook {hook.__module__}.{hook.__qualname__} returned"
                f" {job!r}, not a PeriodicJob."
            )
        if job.name in jobs:
            raise ImproperlyConfigured(
                f"Two periodic jobs are named {job.name!r} ({jobs[job.name].task.module_path}"
                f" and {job.task.module_path}); give each its own name."
            )
        jobs[job.name] = job
    return jobs
