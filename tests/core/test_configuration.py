"""What an operator relies on: production settings, deploy checks, static files and the
shared Redis cache."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.core.cache import cache, caches

from core.content_cache import VERSION_KEY, bump_content_version, cached_content
from tests.production import production_env

REPO_ROOT = Path(__file__).resolve().parents[2]
SUBPROCESS_TIMEOUT = 180
REDIS_URL = "redis://127.0.0.1:6379/15"


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )


LOAD_SETTINGS = ["-c", "import django; django.setup(); print('loaded')"]


# Production settings ----------------------------------------------------------------------


def test_production_settings_load_with_a_secret_key_and_allowed_hosts(tmp_path):
    result = run(LOAD_SETTINGS, production_env(tmp_path))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "loaded"


def test_production_settings_refuse_to_load_without_a_secret_key(tmp_path):
    result = run(LOAD_SETTINGS, production_env(tmp_path, SECRET_KEY=None))

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr
    assert "loaded" not in result.stdout


@pytest.mark.parametrize("allowed_hosts", [None, "", " , "])
def test_production_settings_refuse_to_load_without_allowed_hosts(tmp_path, allowed_hosts):
    result = run(LOAD_SETTINGS, production_env(tmp_path, ALLOWED_HOSTS=allowed_hosts))

    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr
    assert "loaded" not in result.stdout


PRINT_PUBLIC_ADDRESS = [
    "-c",
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)",
]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (
            {"ALLOWED_HOSTS": "dementia.example.org,www.dementia.example.org"},
            "https://dementia.example.org",
        ),
        ({"SITE_URL": "https://plans.example.org"}, "https://plans.example.org"),
    ],
)
def test_production_public_address_is_given_or_the_first_allowed_host_over_https(
    tmp_path, overrides, expected
):
    result = run(PRINT_PUBLIC_ADDRESS, production_env(tmp_path, **overrides))

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [expected, expected]


# `manage.py check --deploy` with these settings: tests/security/test_static_checks.py.


def test_collectstatic_resolves_every_image_the_nhsuk_stylesheet_uses(tmp_path):
    env = production_env(tmp_path)

    result = run(["manage.py", "collectstatic", "--noinput", "--verbosity", "1"], env)

    assert result.returncode == 0, result.stdout + result.stderr
    static_root = Path(env["STATIC_ROOT"])
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    hashed_css = static_root / manifest["nhsuk/nhsuk-frontend.min.css"]
    image_urls = set(re.findall(r"url\(([^)]+)\)", hashed_css.read_text()))
    assert image_urls, "expected the NHS.UK stylesheet to use images"
    for url in image_urls:
        name = url.strip("\"'")
        assert re.search(r"\.[0-9a-f]{12}\.", name), f"{name} was not rewritten to a hashed name"
        assert (hashed_css.parent / name).is_file(), name
    assert manifest["core/site.css"] in {
        str(path.relative_to(static_root)) for path in static_root.rglob("site.*.css")
    }


# Redis cache ------------------------------------------------------------------------------


@pytest.fixture
def redis_cache(settings):
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    client.ping()  # no Redis is a failure here, not a skip
    # A prefix of this process's own, so CI's SQLite and PostgreSQL passes, running side by
    # side on the same Redis, never see or delete each other's keys.
    prefix = f"test{os.getpid()}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }

    def forget():
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)

    forget()
    yield client
    forget()
    client.close()


def test_content_cache_keeps_values_in_redis_until_content_changes(redis_cache):
    computed = []

    def compute():
        computed.append(1)
        return {"titles": ["Resource library"], "computed": len(computed)}

    assert cached_content("chrome:test", compute)["computed"] == 1
    assert cached_content("chrome:test", compute)["computed"] == 1
    assert computed == [1]
    stored = {key.decode() for key in redis_cache.keys(f"test{os.getpid()}:*")}
    assert any(key.endswith("content:1:chrome:test") for key in stored), stored

    bump_content_version()

    assert cached_content("chrome:test", compute)["computed"] == 2
    assert computed == [1, 1]


def test_content_version_bumps_are_shared_by_every_worker(redis_cache):
    other_worker = caches.create_connection("default")
    assert cached_content("key", lambda: "first") == "first"

    bump_content_version()
    bump_content_version()

    assert other_worker.get(VERSION_KEY) == cache.get(VERSION_KEY) == 3
    assert cached_content("key", lambda: "after the bump") == "after the bump"
