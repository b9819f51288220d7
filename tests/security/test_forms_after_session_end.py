"""Forms sent after the session ended: what was typed is kept and given back as text on
signing in again, text too long or with a NUL byte is refused on return, and odd bodies,
teams, numbers and revisions sent signed out are answered plainly, never with a server
error."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.html import escape

from plan_builder.models import FormDraft
from plan_builder.tests.reading import field_error
from tests.security.conftest import NAME
from tests.security.hostile import (
    PASSWORD,
    REFUSED,
    assert_inert,
    fill,
    overflowing_urls,
    unchanged,
)
from tests.security.payloads import (
    TARGETS,
    XSS,
    free_text_fields,
    post_data,
)

pytestmark = pytest.mark.django_db


def keeps_drafts(url: str) -> bool:
    """Whether the view at `url` keeps a form sent after the session ended."""
    return getattr(resolve(url).func.view_class, "keeps_draft", False)


def drafted_forms(world) -> list[str]:
    """Every form in TARGETS with free text whose view keeps what was sent signed out, read
    from the views, so a form added later is tried here too."""
    return [
        name
        for name, target in TARGETS.items()
        if keeps_drafts(target.url(world)) and free_text_fields(name, world)
    ]


def sent_after_the_session_ended(world, url: str, data) -> tuple[Client, object]:
    """A browser signed in as the lead, whose session then ends, sends the form."""
    client = Client(raise_request_exception=False)
    client.force_login(world.lead)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    return client, client.post(url, data)


def signed_in_again(client: Client, url: str):
    """Sign in as the lead, back to the form, which gives back what was kept."""
    client.post(
        reverse("plan_builder:login"), {"username": "lead", "password": PASSWORD, "next": url}
    )
    return client.get(url)


def test_every_form_that_keeps_typing_is_tried(world):
    assert set(drafted_forms(world)) >= {
        "person",
        "new-plan",
        "section:about-me",
        "row:goals",
        "row:actions",
        "row:attachments",
    }
    assert "share" not in drafted_forms(world) and "remove" not in drafted_forms(world)


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_markup_sent_after_the_session_ended_comes_back_as_text(world, payload):
    for name in drafted_forms(world):
        url = TARGETS[name].url(world)
        values = fill(name, world, payload)
        client, sent = sent_after_the_session_ended(world, url, post_data(name, world, values))
        assert sent.status_code == 302, name
        assert assert_inert(client.get(sent["Location"]), f"{name} sign-in")

        restored = signed_in_again(client, url)

        assert restored.status_code == 200, name
        html = assert_inert(restored, name)
        assert "is back in the form" in html, name
        for value in values.values():
            assert escape(value) in html, (name, value)


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED.keys())
def test_text_too_long_or_with_a_nul_byte_sent_signed_out_is_kept_and_refused_on_return(
    world, case
):
    """Kept as sent (a NUL included: the draft is JSON text, which PostgreSQL can hold), and
    refused beside the field when it comes back, as it would have been."""
    value, message = REFUSED[case]
    name = "section:about-me"
    fields = free_text_fields(name, world)
    url = TARGETS[name].url(world)
    before = unchanged(world)

    client, sent = sent_after_the_session_ended(
        world, url, post_data(name, world, dict.fromkeys(fields, value))
    )
    assert sent.status_code == 302
    html = assert_inert(signed_in_again(client, url), name)
    for field in fields:
        assert message in field_error(html, f"id_{field}"), field
    assert unchanged(world) == before


SIGNED_OUT_POSTS = {
    "not-a-form": ("application/json", b'{"what_matters_most": "<script>alert(1)</script>"}'),
    "multipart-broken": ("multipart/form-data; boundary=xx", b"--xx\r\nbroken"),
    "invalid-utf8": ("application/x-www-form-urlencoded", b"what_matters_most=%ff%fe&revision=%00"),
    "binary": ("text/plain", b"\x00\xff" * 100),
}


@pytest.mark.parametrize(
    ("content_type", "body"), SIGNED_OUT_POSTS.values(), ids=SIGNED_OUT_POSTS.keys()
)
def test_a_body_that_is_not_a_form_sent_signed_out_is_never_a_server_error(
    world, content_type, body
):
    client, _ = sent_after_the_session_ended(world, TARGETS["person"].url(world), {})
    response = client.generic(
        "POST", TARGETS["section:about-me"].url(world), body, content_type=content_type
    )

    assert response.status_code in (302, 400)
    assert_inert(response)
    assert response.status_code == 400 or response["Location"].startswith("/plans/sign-in/")


def test_a_post_too_big_or_with_too_many_fields_sent_signed_out_is_refused(world):
    url = TARGETS["section:about-me"].url(world)
    too_big = {"what_matters_most": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    too_many = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    for data in (too_big, too_many):
        _client, response = sent_after_the_session_ended(world, url, data)
        assert response.status_code == 400
    assert not FormDraft.objects.exists()


@pytest.mark.parametrize(
    "team",
    ["", "abc", "-1", "99999999999999999999999", "1 OR 1=1", "\x00", "²", "\u0663"],
    ids=["empty", "letters", "negative", "overflow", "sql", "nul", "superscript", "arabic-digit"],
)
def test_a_new_plan_sent_signed_out_with_an_odd_team_is_not_kept(world, team):
    url = reverse("plan_builder:plan_create")

    _client, response = sent_after_the_session_ended(
        world, url, {"full_name": "Harold Example", "team": team}
    )

    assert response.status_code == 302
    assert not FormDraft.objects.exists()


def test_a_form_sent_signed_out_to_a_number_too_big_for_the_database_is_answered_plainly(
    anonymous, world
):
    """Nothing is kept for a plan that cannot exist; a real plan's form with an odd row id is
    kept like any other (and opening it after signing in is a plain 404)."""
    for url in overflowing_urls(world):
        response = anonymous.post(url, {"what_matters_most": "Tea", "description": "Tea"})
        assert response.status_code in (302, 404, 405), url
        assert NAME not in response.content.decode()
    assert set(FormDraft.objects.values_list("plan_id", flat=True)) <= {world.plan.pk}


def test_an_odd_revision_sent_signed_out_comes_back_as_a_form_error(world):
    url = TARGETS["section:about-me"].url(world)
    client, _ = sent_after_the_session_ended(
        world, url, {"what_matters_most": "Tea", "revision": "abc"}
    )

    html = assert_inert(signed_in_again(client, url))

    assert "The page was changed or is out of date" in html
    assert "Tea" in html


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"renew": true}'),
        ("application/x-www-form-urlencoded", b"x=%ff" + b"&y=1" * 500),
        ("text/plain", b"\x00" * 1000),
    ],
    ids=["json", "odd-form", "binary"],
)
def test_stay_signed_in_answers_odd_bodies_plainly(lead_client, anonymous, content_type, body):
    url = reverse("plan_builder:stay_signed_in")

    assert lead_client.generic("POST", url, body, content_type=content_type).status_code == 200
    assert anonymous.generic("POST", url, body, content_type=content_type).status_code == 401
    assert lead_client.get(url, QUERY_STRING="x=" + "y" * 5000).status_code == 405
