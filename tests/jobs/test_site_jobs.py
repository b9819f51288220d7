"""The site's own periodic work on a real worker process and the real database queue: the
daily link check (with its progress shown in the Background jobs report) and the weekly
review digest, enqueued as the scheduler enqueues them."""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.link_health.models import CheckedLink, LinkState
from core.link_health.tasks import check_all_links
from editorial.review_digest import send_review_digests
from jobs.models import JobProgress
from tests.factories import ResourcePageFactory, build_site_tree, restore_wagtail_initial_data
from tests.jobs.conftest import wait_until


class Answers(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path.startswith("/ok") else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def web():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def finished(result) -> bool:
    return DBTaskResult.objects.filter(pk=result.id, status__in=["SUCCESSFUL", "FAILED"]).exists()


@pytest.fixture
def site_tree(job_processes):
    """On a database an earlier transactional test may have emptied."""
    restore_wagtail_initial_data()
    return build_site_tree()


def test_the_daily_link_check_runs_on_a_worker_and_shows_its_progress(
    job_processes, site_tree, web
):
    site = site_tree
    for n in range(12):
        ResourcePageFactory(
            parent=site["library"], external_url=f"{web}/{'ok' if n % 3 else 'gone'}/{n}"
        )

    result = check_all_links.enqueue()
    job_processes.worker()
    wait_until(lambda: finished(result), seconds=60, what="the link check to finish")

    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == "SUCCESSFUL", task.traceback
    states = list(CheckedLink.objects.values_list("state", flat=True))
    assert sorted(states) == sorted([LinkState.OK] * 8 + [LinkState.FAILING] * 4)
    progress = JobProgress.objects.get(task_result_id=result.id)
    assert (progress.done, progress.total) == (12, 12)


def test_the_weekly_digest_is_sent_by_a_worker(job_processes, site_tree, tmp_path):
    from django.contrib.auth import get_user_model

    site = site_tree
    owner = get_user_model().objects.create_user(username="ann", email="ann@example.org")
    ResourcePageFactory(
        parent=site["library"],
        title="Overdue leaflet",
        owner=owner,
        next_review_due=timezone.localdate() - datetime.timedelta(days=2),
    )

    result = send_review_digests.enqueue()
    job_processes.worker()
    wait_until(lambda: finished(result), seconds=60, what="the digest to be sent")

    assert DBTaskResult.objects.get(pk=result.id).return_value == 1
    (sent,) = (tmp_path / "mail").iterdir()
    message = sent.read_text()
    assert "To: ann@example.org" in message and "Overdue leaflet" in message
