"""What an operator relies on: production settings, deploy checks, static files, local
accounts, editorial groups and the shared Redis cache."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache, caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from wagtail.models import WorkflowContentType

from resources.models import SupportOrganisation
from tests.production import production_env
from website.content_cache import VERSION_KEY, bump_content_version, cached_content

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
    assert manifest["website/site.css"] in {
        str(path.relative_to(static_root)) for path in static_root.rglob("site.*.css")
    }


# Local accounts ---------------------------------------------------------------------------

ACCOUNT_LINE = re.compile(r"^\s*(\w+)\s+\(([^)]*)\): (.*)$", re.MULTILINE)


def create_dev_accounts() -> dict[str, str]:
    from io import StringIO

    out = StringIO()
    call_command("create_dev_accounts", stdout=out)
    return {username: outcome for username, _role, outcome in ACCOUNT_LINE.findall(out.getvalue())}


@pytest.mark.django_db
def test_dev_accounts_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("create_dev_accounts")

    assert not get_user_model().objects.filter(username__in=["admin", "editor", "moderator"])


@pytest.mark.django_db
def test_dev_accounts_get_one_login_per_role_with_printed_passwords(settings, client):
    settings.DEBUG = True

    outcomes = create_dev_accounts()

    assert set(outcomes) == {"admin", "editor", "moderator", "practitioner"}
    users = {user.username: user for user in get_user_model().objects.all()}
    passwords = {}
    for username, outcome in outcomes.items():
        assert outcome.startswith("password "), outcome
        passwords[username] = outcome.removeprefix("password ")
        assert len(passwords[username]) >= 12
        assert users[username].check_password(passwords[username])
    assert len(set(passwords.values())) == 4
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert not users["editor"].is_superuser
    assert [group.name for group in users["editor"].groups.all()] == ["Editors"]
    assert [group.name for group in users["moderator"].groups.all()] == ["Moderators"]

    assert not users["practitioner"].is_staff
    assert users["practitioner"].plan_team_memberships.get().is_lead

    assert client.login(
        request=RequestFactory().get("/"), username="editor", password=passwords["editor"]
    )
    assert client.get("/admin/").status_code == 200
    client.logout()
    assert client.login(
        request=RequestFactory().get("/"),
        username="practitioner",
        password=passwords["practitioner"],
    )
    assert client.get("/plans/").status_code == 200


@pytest.mark.django_db
def test_running_dev_accounts_twice_keeps_the_passwords(settings):
    settings.DEBUG = True
    first = create_dev_accounts()

    second = create_dev_accounts()

    assert set(second) == {"admin", "editor", "moderator", "practitioner"}
    for username, outcome in second.items():
        assert "exists" in outcome
        password = first[username].removeprefix("password ")
        assert password not in outcome
        assert get_user_model().objects.get(username=username).check_password(password)
    assert get_user_model().objects.count() == 4


# Editorial groups -------------------------------------------------------------------------


def member_of(group_name: str):
    user = get_user_model().objects.create_user(username=f"member-of-{group_name.lower()}")
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.mark.django_db
def test_editors_can_write_organisations_but_not_publish_them():
    editor = member_of("Editors")

    assert editor.has_perm("resources.add_supportorganisation")
    assert editor.has_perm("resources.change_supportorganisation")
    assert not editor.has_perm("resources.publish_supportorganisation")
    assert not editor.has_perm("resources.delete_supportorganisation")
    assert not editor.has_perm("website.change_sitesettings")
    # Translators: start translations (wagtail-localize's migration). Topics are chosen from
    # the managed list, not created or named (tests/resources/test_topics.py).
    assert editor.has_perm("wagtail_localize.submit_translation")
    assert editor.has_perm("resources.view_topic")
    assert not editor.has_perm("resources.add_topic")
    assert not editor.has_perm("resources.change_topiclabel")


@pytest.mark.django_db
def test_moderators_can_publish_organisations_and_edit_site_settings():
    moderator = member_of("Moderators")

    assert moderator.has_perm("resources.add_supportorganisation")
    assert moderator.has_perm("resources.publish_supportorganisation")
    assert moderator.has_perm("resources.delete_supportorganisation")
    assert moderator.has_perm("website.change_sitesettings")


@pytest.mark.django_db
def test_organisation_changes_go_through_moderator_approval():
    content_type = ContentType.objects.get_for_model(SupportOrganisation)

    assignment = WorkflowContentType.objects.get(content_type=content_type)

    assert assignment.workflow.name == "Moderators approval"
    assert assignment.workflow.active
    assert SupportOrganisation().get_workflow() == assignment.workflow


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
