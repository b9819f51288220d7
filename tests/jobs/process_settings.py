"""Settings of the worker and scheduler processes the jobs tests start: the test settings, on
the test run's own database (named in JOBS_TEST_DATABASE_NAME), with the database queue, a
periodic job that comes round every second and a heartbeat fast enough to test."""

import os

from website.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["JOBS_TEST_DATABASE_NAME"]  # noqa: F405
INSTALLED_APPS = [*INSTALLED_APPS, "tests.jobs.periodic_app"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
JOBS_HEARTBEAT_SECONDS = 0.2
JOBS_WORKER_LOST_AFTER_SECONDS = 1.0
# The site's own jobs, run by these processes in test_site_jobs.py:
# links on loopback servers may be checked, and email is written to files the test reads.
LINK_CHECKER = {"allow_private_addresses": True, "host_delay": 0, "timeout": 3}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.path.join(os.environ["JOBS_TEST_DIR"], "mail")
