from django.apps import AppConfig


class PeriodicTestAppConfig(AppConfig):
    """Installed only in the worker and scheduler processes the jobs tests start."""

    name = "tests.jobs.periodic_app"
    label = "jobs_periodic_test_app"
