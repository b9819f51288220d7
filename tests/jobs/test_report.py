"""The "Background jobs" report: administrators see every job, why one failed, and how far a
long one has got; nobody else sees it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from jobs.models import WorkerHeartbeat
from jobs.recovery import recover_lost_tasks
from tests.jobs.conftest import run_queued_tasks
from tests.jobs.tasks import call_the_partner_directory, count_to, halfway_then_fail

pytestmark = pytest.mark.django_db
REPORT = reverse("jobs_report")


@pytest.fixture
def administrator(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x" * 16)
    client.force_login(user)
    return user


@pytest.fixture
def ran_jobs():
    """A job that failed, one that succeeded, one still waiting."""
    failed = call_the_partner_directory.enqueue()
    succeeded = count_to.enqueue(4)
    run_queued_tasks()
    waiting = count_to.enqueue(7)
    return {"failed": failed.id, "succeeded": succeeded.id, "waiting": waiting.id}


def detail(result_id):
    return reverse("jobs_report_detail", args=[result_id])


def test_the_report_lists_each_job_with_its_status_and_error(client, administrator, ran_jobs):
    page = client.get(REPORT).content.decode()

    assert "call_the_partner_directory" in page
    assert "ConnectionError" in page
    for label in ("Failed", "Succeeded", "Waiting"):
        assert label in page
    assert detail(ran_jobs["failed"]) in page


def test_the_report_filters_by_status(client, administrator, ran_jobs):
    page = client.get(REPORT, {"status": "FAILED"}).content.decode()

    assert detail(ran_jobs["failed"]) in page
    assert detail(ran_jobs["succeeded"]) not in page
    assert detail(ran_jobs["waiting"]) not in page


def test_a_failed_job_shows_its_exception_and_traceback(client, administrator, ran_jobs):
    page = client.get(detail(ran_jobs["failed"])).content.decode()

    assert "The job failed with builtins.ConnectionError" in page
    assert "Traceback (most recent call last)" in page
    assert "The partner directory answered 503 Service Unavailable" in page


def test_a_job_lost_with_its_worker_says_so(client, administrator, settings):
    settings.JOBS_MAX_ATTEMPTS = 1
    result = count_to.enqueue(3)
    DBTaskResult.objects.get(id=result.id).claim("vanished-worker")
    WorkerHeartbeat.objects.create(
        worker_id="vanished-worker",
        hostname="worker-host-3",
        pid=7,
        started_at="2026-01-01T00:00Z",
        last_seen_at="2026-01-01T00:00Z",
    )
    recover_lost_tasks()

    page = client.get(detail(result.id)).content.decode()

    assert "The worker running this job was lost" in page
    assert "vanished-worker on worker-host-3" in page


def test_progress_is_a_labelled_bar_with_the_same_words(client, administrator):
    result = halfway_then_fail.enqueue(10)
    run_queued_tasks()
    bar_id = f"job-progress-{result.id}"

    for page in (client.get(REPORT), client.get(detail(result.id))):
        html = page.content.decode()
        assert f'<label for="{bar_id}">' in html
        assert "5 of 10 done (50%)" in html
        assert f'<progress id="{bar_id}" max="10" value="5">50%</progress>' in html


def test_the_reports_menu_offers_the_report_to_administrators(client, administrator):
    assert REPORT in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_can_neither_see_nor_open_the_report(client, ran_jobs):
    editor = get_user_model().objects.create_user("editor", password="x" * 16)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()
    for address in (REPORT, detail(ran_jobs["failed"])):
        # Wagtail answers a refusal in the admin by sending the user back to the dashboard.
        refused = client.get(address, follow=True)
        assert refused.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        assert "The partner directory answered 503" not in refused.content.decode()


def test_a_group_given_the_permission_sees_the_report(client, ran_jobs):
    group = Group.objects.create(name="Site operations")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_background_jobs"),
    )
    operator = get_user_model().objects.create_user("operator", password="x" * 16)
    operator.groups.add(group)
    client.force_login(operator)

    assert client.get(REPORT).status_code == 200
    assert (
        "The partner directory answered 503"
        in client.get(detail(ran_jobs["failed"])).content.decode()
    )
