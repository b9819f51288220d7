"""System checks: a broken periodic job or timing setting is reported by `manage.py check`
(and at every start of runserver or a worker), not found at 3 a.m. by the scheduler."""

from typing import Any

from django.core.checks import CheckMessage, Error, register
from django.core.exceptions import ImproperlyConfigured

from jobs import conf
from jobs.registry import periodic_jobs


@register()
def check_periodic_jobs(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        periodic_jobs()
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint="See the register_periodic_job hooks in the apps' wagtail_hooks.py.",
                id="jobs.E001",
            )
        ]
    return []


@register()
def check_worker_timing(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if conf.worker_lost_after() < 3 * conf.heartbeat_interval():
        return [
            Error(
                "JOBS_WORKER_LOST_AFTER_SECONDS must be at least three heartbeats"
                " (JOBS_HEARTBEAT_SECONDS) long, or a worker that is merely slow to write"
                " would have its task run a second time elsewhere.",
                id="jobs.E002",
            )
        ]
    return []
