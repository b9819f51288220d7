"""Test runs: fast hashing, plain static storage, in-memory cache unless REDIS_URL is set."""

import atexit
import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105  # nosec B105 - the test run's own key, never deployed
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = "http://localhost"
WAGTAILADMIN_BASE_URL = "http://testserver"
if not os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Tasks run at once, inside the code that enqueues them: the tests see Wagtail's search index
# and references up to date without a worker. The jobs tests put the database queue back
# (tests/jobs) and run real workers.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# On SQLite the test database is a file, not memory, so that worker and scheduler processes
# started by the jobs tests can open it; one per test process (pytest-xdist's workers add
# their own suffix to the name), removed when the process ends. Durability is not wanted
# here: synchronous=OFF leaves the writing to the operating system.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _TEST_DATABASE = Path(tempfile.gettempdir()) / f"dementia-wellbeing-test-{os.getpid()}-db"
    DATABASES["default"]["TEST"] = {"NAME": str(_TEST_DATABASE)}  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        **DATABASES["default"]["OPTIONS"],  # noqa: F405
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
        "timeout": 30,
    }

    @atexit.register
    def _remove_test_database_files() -> None:
        """What pytest-django leaves when a run is interrupted or keeps the database."""
        for leftover in _TEST_DATABASE.parent.glob(f"{_TEST_DATABASE.name}*"):
            leftover.unlink(missing_ok=True)


WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A third attachable type, registered only in tests, proves plan_builder needs no change for it.
INSTALLED_APPS = [*INSTALLED_APPS, "plan_builder.tests.attachable_app"]  # noqa: F405
