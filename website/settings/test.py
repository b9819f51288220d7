"""Test runs: fast hashing, plain static storage, in-memory cache unless REDIS_URL is set."""

import os

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

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A third attachable type, registered only in tests, proves plan_builder needs no change for it.
INSTALLED_APPS = [*INSTALLED_APPS, "plan_builder.tests.attachable_app"]  # noqa: F405
