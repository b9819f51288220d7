"""The weekly review digest: each owner hears of their own items, moderators of everything,
in plain text and HTML, through the task engine; nobody is emailed when nothing is due."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from editorial.review_digest import send_review_digests
from jobs.registry import periodic_jobs
from jobs.schedule import Every
from tests.editorial.accounts import member_of
from tests.factories import ResourcePageFactory, SupportOrganisationFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def people():
    return {
        "owner": member_of("Editors", username="ann", email="ann@example.org", first_name="Ann"),
        "idle": member_of("Editors", username="bob", email="bob@example.org"),
        "moderator": member_of("Moderators", username="mo", email="mo@example.org"),
    }


def mail_to(address: str):
    return [message for message in mail.outbox if message.to == [address]]


def test_each_owner_hears_of_their_own_items_and_moderators_of_everything(site_tree, people):
    ResourcePageFactory(
        parent=site_tree["library"],
        title="Overdue leaflet",
        owner=people["owner"],
        next_review_due=TODAY - datetime.timedelta(days=3),
    )
    SupportOrganisationFactory(
        name="Unowned helpline", next_review_due=TODAY + datetime.timedelta(days=10)
    )

    result = send_review_digests.enqueue()

    assert result.return_value == 2
    (owners,) = mail_to("ann@example.org")
    assert owners.subject == "Content due for review: 1 item needs attention (1 overdue)"
    assert "Overdue leaflet" in owners.body and "Unowned helpline" not in owners.body
    assert "http://testserver/admin/pages/" in owners.body
    html, mime = owners.alternatives[0]
    assert mime == "text/html" and "<a href=" in html and "Overdue leaflet" in html
    (moderators,) = mail_to("mo@example.org")
    assert "Overdue leaflet" in moderators.body and "Unowned helpline" in moderators.body
    assert mail_to("bob@example.org") == []


def test_nothing_is_sent_when_nothing_is_due(site_tree, people):
    ResourcePageFactory(parent=site_tree["library"], owner=people["owner"])  # reviewed, not due

    assert send_review_digests.enqueue().return_value == 0
    assert mail.outbox == []


def test_the_digest_is_a_weekly_job():
    job = periodic_jobs()["review_digest"]
    assert job.every is Every.WEEK and job.task is send_review_digests
