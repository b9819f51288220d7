"""The daily link check on the site's own content: links found in every field the public can
follow, each outcome kept with its history, broken only after failing a day apart, shown in
the Links to fix report and on the edit view, and told to the owner in the weekly digest.

Content links point at a real HTTP server on loopback (there is no internet here)."""

import csv
import datetime
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText

from core.link_health.collect import collect_links
from core.link_health.models import CheckedLink, LinkState, LinkUse
from core.link_health.run import run_link_check
from editorial.review_digest import send_review_digests
from tests.editorial.accounts import member_of
from tests.factories import ContentPageFactory, ResourcePageFactory, SupportOrganisationFactory

pytestmark = pytest.mark.django_db
LOOPBACK_ALLOWED = {"allow_private_addresses": True, "host_delay": 0, "timeout": 3}


class Answers(BaseHTTPRequestHandler):
    routes = {"/ok": (200, None), "/gone": (404, None), "/moved": (301, "/ok")}

    def do_HEAD(self):
        status, location = self.routes.get(self.path, (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def web():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def owner():
    return member_of("Editors", username="owen", email="owen@example.org", first_name="Owen")


@pytest.fixture
def content(site_tree, web, owner):
    resource = ResourcePageFactory(
        parent=site_tree["library"],
        title="Workbook with links",
        owner=owner,
        external_url=f"{web}/ok",
        body=[
            (
                "paragraph",
                RichText(
                    f'<p>See <a href="{web}/gone">the old guide</a>, '
                    '<a href="http://exa mple.com/">a typo</a> and '
                    '<a href="mailto:help@example.org">email us</a>.</p>'
                ),
            )
        ],
    )
    organisation = SupportOrganisationFactory(
        name="Moved helpline", website=f"{web}/moved", owner=owner
    )
    page = ContentPageFactory(parent=site_tree["home"], title="About us", owner=owner)
    draft = ResourcePageFactory(
        parent=site_tree["library"], title="Draft", external_url=f"{web}/draft-only", live=False
    )
    return {"resource": resource, "organisation": organisation, "page": page, "draft": draft}


def states() -> dict[str, str]:
    return {
        link.url.rsplit("/", 1)[-1] or link.url: link.state for link in CheckedLink.objects.all()
    }


def test_every_published_link_is_found_with_where_it_is_used(content, web):
    assert collect_links() == 4
    uses = {(use.link.url, use.field) for use in LinkUse.objects.select_related("link")}
    assert uses == {
        (f"{web}/ok", "external_url"),
        (f"{web}/gone", "body"),
        ("http://exa mple.com/", "body"),
        (f"{web}/moved", "website"),
    }  # no mailto:, nothing from the draft


@override_settings(LINK_CHECKER=LOOPBACK_ALLOWED)
def test_a_link_is_called_broken_only_after_failing_on_checks_a_day_apart(content, web):
    run_link_check()
    assert states() == {
        "ok": LinkState.OK,
        "gone": LinkState.FAILING,
        "moved": LinkState.REDIRECTED,
        "http://exa mple.com/": LinkState.INVALID,
    }
    moved = CheckedLink.objects.get(url=f"{web}/moved")
    assert moved.suggested_url == f"{web}/ok"

    run_link_check()  # the same day: still only failing
    assert states()["gone"] == LinkState.FAILING

    gone = CheckedLink.objects.get(url=f"{web}/gone")
    gone.first_failed_at = timezone.now() - datetime.timedelta(days=1, minutes=1)
    gone.save()
    run_link_check()
    gone.refresh_from_db()
    assert gone.state == LinkState.BROKEN
    assert gone.status_code == 404
    assert gone.checks.count() == 3  # history kept


def test_links_to_private_addresses_are_not_followed_by_default(content, web):
    run_link_check()
    ok = CheckedLink.objects.get(url=f"{web}/ok")
    assert ok.state == LinkState.FAILING
    assert ok.error == "The address points inside a private network"


@override_settings(LINK_CHECKER=LOOPBACK_ALLOWED)
def test_the_report_and_the_edit_view_show_what_to_fix(client, content, web, owner):
    run_link_check()
    CheckedLink.objects.filter(url=f"{web}/gone").update(state=LinkState.BROKEN)
    client.force_login(owner)

    report = client.get(reverse("editorial_link_report"))
    html = report.content.decode()
    assert f"{web}/gone" in html and "Workbook with links" in html
    assert f"{web}/moved" in html and "Moved helpline" in html and f"{web}/ok</code>" in html
    listed = {link.url for link in report.context["object_list"]}
    assert listed == {f"{web}/gone", f"{web}/moved", "http://exa mple.com/"}  # not the working

    exported = client.get(reverse("editorial_link_report"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert {row["Address"]: row["Used on"] for row in rows}[f"{web}/gone"] == "Workbook with links"

    only_organisations = client.get(reverse("editorial_link_report"), {"kind": "organisation"})
    assert [link.url for link in only_organisations.context["object_list"]] == [f"{web}/moved"]

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[content["resource"].pk]))
    assert "The daily check found problems with 2 links here." in edit.content.decode()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[content["page"].pk]))
    assert "The daily check found" not in edit.content.decode()


@override_settings(LINK_CHECKER=LOOPBACK_ALLOWED)
def test_owners_hear_of_their_broken_links_in_the_weekly_digest(content, web, owner):
    run_link_check()
    CheckedLink.objects.filter(url=f"{web}/gone").update(state=LinkState.BROKEN)

    send_review_digests.enqueue()

    (message,) = [m for m in mail.outbox if m.to == ["owen@example.org"]]
    assert f"{web}/gone" in message.body
    assert "http://exa mple.com/" in message.body
    assert f"{web}/moved" not in message.body.split("Links that do not work")[1]


def test_phone_numbers_that_are_not_valid_uk_numbers_of_the_right_kind_are_reported(
    client, site_tree, owner
):
    SupportOrganisationFactory(name="Premium line", phone="0909 879 0000")
    SupportOrganisationFactory(name="Short number", phone="12345")
    SupportOrganisationFactory(name="Good helpline", phone="0800 888 6678")
    client.force_login(owner)

    html = client.get(reverse("editorial_link_report")).content.decode()

    assert "Phone numbers to fix" in html
    assert "Premium line</a>: 0909 879 0000 is a premium-rate number" in html
    assert "Short number</a>: 12345 is not a valid phone number" in html
    assert "Good helpline" not in html
