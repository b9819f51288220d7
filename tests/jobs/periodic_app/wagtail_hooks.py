from datetime import timedelta

from wagtail import hooks

from jobs.schedule import PeriodicJob
from tests.jobs.tasks import record_periodic_run


@hooks.register("register_periodic_job")
def register_every_second():
    return PeriodicJob("every_second", record_periodic_run, every=timedelta(seconds=1))
