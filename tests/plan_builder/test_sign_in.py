"""Signing in to the plan builder: a real password form, a pause after repeated failures,
and sessions that end by themselves when a tablet is left alone."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import time_format

from tests.plan_factories import PlanFactory, TeamFactory, practitioner

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
SIGN_IN = "/plans/sign-in/"


@pytest.fixture
def user():
    return practitioner(TeamFactory(), username="sam")


def test_a_practitioner_signs_in_with_the_form_and_lands_on_their_plans(client, user):
    response = client.post(SIGN_IN, {"username": "sam", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("plan_builder:plan_list")
    assert client.get(response["Location"]).status_code == 200


def test_signing_in_returns_to_the_page_asked_for(client, user):
    plan = PlanFactory(person__team=user.plan_team_memberships.get().team)
    wanted = reverse("plan_builder:plan_detail", args=[plan.pk])

    response = client.post(
        f"{SIGN_IN}?next={wanted}", {"username": "sam", "password": PASSWORD, "next": wanted}
    )

    assert response["Location"] == wanted


def test_a_wrong_password_says_so_and_keeps_the_username(client, user):
    response = client.post(SIGN_IN, {"username": "sam", "password": "wrong"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "The username or password is not right" in html
    assert 'value="sam"' in html


def test_sign_in_is_paused_after_repeated_failures_even_with_the_right_password(client, user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(SIGN_IN, {"username": "sam", "password": "wrong"}).status_code == 200
    locked = client.post(SIGN_IN, {"username": "sam", "password": "wrong"})

    assert locked.status_code in (403, 429)
    assert "Sign-in is paused" in locked.content.decode()
    with_right_password = client.post(SIGN_IN, {"username": "sam", "password": PASSWORD})
    assert with_right_password.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def pause(client, page: str, username: str = "sam"):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(page, {"username": username, "password": "wrong"})
    return client.post(page, {"username": username, "password": "wrong"})


@pytest.mark.parametrize("page", [SIGN_IN, "/admin/login/"])
def test_the_pause_says_in_seconds_and_in_plain_words_when_to_try_again(client, user, page):
    cool_off = settings.AXES_COOLOFF_TIME
    before = timezone.now()

    paused = pause(client, page)

    assert paused.status_code == 429
    assert paused["Retry-After"] == str(int(cool_off.total_seconds()))
    text = " ".join(paused.content.decode().split())
    minutes = int(cool_off.total_seconds() // 60)
    # The end of the pause, as a clock shows it in the site's time zone ("2:45 p.m."); the
    # request may have crossed into the next minute.
    ends = [timezone.localtime(before + cool_off + datetime.timedelta(minutes=n)) for n in (0, 1)]
    said = [f"You can try again in {minutes} minutes, at {time_format(end, 'P')}." for end in ends]
    assert said[0] in text or said[1] in text, text
    assert "If you try before then, the pause starts again." in text


def test_the_pause_ends_when_the_page_said_it_would(client, user):
    paused = pause(client, SIGN_IN)
    wait = datetime.timedelta(seconds=int(paused["Retry-After"]))

    # A minute early: still paused (and that attempt starts the pause again).
    AccessAttempt.objects.update(attempt_time=timezone.now() - wait + datetime.timedelta(minutes=1))
    early = client.post(SIGN_IN, {"username": "sam", "password": PASSWORD})
    assert early.status_code == 429
    assert early["Retry-After"] == paused["Retry-After"]

    AccessAttempt.objects.update(attempt_time=timezone.now() - wait)
    on_time = client.post(SIGN_IN, {"username": "sam", "password": PASSWORD})
    assert on_time.status_code == 302
    assert client.get(on_time["Location"]).status_code == 200


def test_without_a_cool_off_the_pause_says_who_can_unlock_the_account(client, user, settings):
    settings.AXES_COOLOFF_TIME = None  # paused until someone unlocks it

    paused = pause(client, SIGN_IN)

    assert paused.status_code == 429
    assert "Retry-After" not in paused
    text = " ".join(paused.content.decode().split())
    assert "You can try again" not in text
    assert "Ask your team lead or system administrator to unlock your account." in text


def test_another_username_is_not_paused_by_someone_elses_failures(client, user):
    practitioner(TeamFactory(), username="jo")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(SIGN_IN, {"username": "sam", "password": "wrong"})

    response = client.post(SIGN_IN, {"username": "jo", "password": PASSWORD})

    assert response.status_code == 302


def test_a_session_ends_after_half_an_hour_without_a_request(client, user):
    assert settings.SESSION_COOKIE_AGE <= 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    client.post(SIGN_IN, {"username": "sam", "password": PASSWORD})
    assert client.get("/plans/").status_code == 200

    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )

    response = client.get("/plans/")
    assert response.status_code == 302
    assert response["Location"].startswith(SIGN_IN)


def test_each_request_extends_the_session(client, user):
    client.post(SIGN_IN, {"username": "sam", "password": PASSWORD})
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=1)
    )

    client.get("/plans/")

    expiry = Session.objects.get(session_key=key).expire_date
    assert expiry > timezone.now() + datetime.timedelta(
        minutes=settings.SESSION_COOKIE_AGE / 60 - 1
    )


def test_signing_out_is_a_post_and_ends_the_session(client, user):
    client.post(SIGN_IN, {"username": "sam", "password": PASSWORD})

    assert client.get(reverse("plan_builder:logout")).status_code == 405
    response = client.post(reverse("plan_builder:logout"))

    assert response.status_code == 302
    assert client.get("/plans/").status_code == 302
