"""What is kept after a session ends and for how long, what the sign-in page says about why,
and "Stay signed in"."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plan_builder.models import AuditAction, AuditEvent, FormDraft, Person
from plan_builder.views.session import SESSION_KEY
from tests.plan_builder.session_end.steps import (
    TYPED,
    about_me,
    end_the_session,
    send_after_the_end,
    sign_in,
)
from tests.plan_factories import practitioner

pytestmark = pytest.mark.django_db


# What is kept, and for how long -------------------------------------------------------------


def test_only_a_digest_of_the_token_is_stored_and_the_token_stays_on_the_server(browser, plan):
    send_after_the_end(browser, about_me(plan), {"what_matters_most": TYPED})

    (token,) = browser.session[SESSION_KEY]
    draft = FormDraft.objects.get()
    assert token not in " ".join(str(value) for value in FormDraft.objects.values().get().values())
    assert draft.token_digest != token and len(draft.token_digest) == 64
    for cookie in browser.cookies.values():
        assert token not in cookie.value
        assert "garden" not in cookie.value


def test_an_expired_draft_is_not_given_back(browser, plan):
    url = about_me(plan)
    send_after_the_end(browser, url, {"what_matters_most": TYPED})
    FormDraft.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    sign_in(browser, "sam", next_url=url)

    assert TYPED not in browser.get(url).content.decode()
    assert not FormDraft.objects.exists()


def test_drafts_are_kept_for_an_hour_unless_the_setting_says_otherwise(browser, plan, settings):
    send_after_the_end(browser, about_me(plan), {"what_matters_most": TYPED})
    settings.PLAN_BUILDER_FORM_DRAFT_MINUTES = 5
    sign_in(browser, "sam")
    contingency = reverse("plan_builder:section_edit", args=[plan.pk, "contingency"])
    send_after_the_end(browser, contingency, {"warning_signs": TYPED})

    hour, five_minutes = (
        draft.expires_at - draft.created_at for draft in FormDraft.objects.order_by("pk")
    )

    assert datetime.timedelta(minutes=59) < hour <= datetime.timedelta(minutes=60)
    assert datetime.timedelta(minutes=4) < five_minutes <= datetime.timedelta(minutes=5)


def test_an_abandoned_draft_leaves_nothing_behind_after_it_expires(browser, plan):
    """Nobody signs in again: the purge (run by cron, and whenever a form is kept or someone
    signs in) deletes it, and nothing of the typing is left in the database."""
    send_after_the_end(browser, about_me(plan), {"what_matters_most": TYPED})
    FormDraft.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    call_command("purge_expired_form_drafts", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert not FormDraft.objects.exists()
    for event in AuditEvent.objects.all():
        assert "garden" not in event.detail


def test_an_expired_draft_is_purged_when_anyone_signs_in_anywhere(browser, plan, team):
    send_after_the_end(browser, about_me(plan), {"what_matters_most": TYPED})
    FormDraft.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    practitioner(team, username="jo")

    sign_in(Client(enforce_csrf_checks=True), "jo")

    assert not FormDraft.objects.exists()


def test_an_expired_draft_is_purged_when_another_is_kept(browser, plan):
    send_after_the_end(browser, about_me(plan), {"what_matters_most": TYPED})
    FormDraft.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    sign_in(browser, "sam")
    send_after_the_end(browser, about_me(plan), {"what_matters_most": "Something else"})

    assert FormDraft.objects.count() == 1
    assert "Something else" in FormDraft.objects.get().data


def test_erasing_the_person_erases_their_drafts(browser, plan, team):
    send_after_the_end(browser, about_me(plan), {"what_matters_most": TYPED})
    lead = Client()
    lead.force_login(practitioner(team, is_lead=True, username="lead"))

    lead.post(
        reverse("plan_builder:person_delete", args=[plan.pk]), {"confirm_name": "Peggy Example"}
    )

    assert not Person.objects.exists()
    assert not FormDraft.objects.exists()


def test_keeping_and_giving_back_are_audited_without_what_was_typed(browser, plan):
    url = about_me(plan)
    send_after_the_end(browser, url, {"what_matters_most": TYPED})
    sign_in(browser, "sam", next_url=url)
    browser.get(url)

    kept = AuditEvent.objects.get(action=AuditAction.DRAFT_KEPT)
    given = AuditEvent.objects.get(action=AuditAction.DRAFT_RESTORED)
    assert (kept.plan_ref, kept.actor, kept.actor_name) == (plan.pk, None, "Signed out")
    assert (given.plan_ref, given.actor.username) == (plan.pk, "sam")
    for event in (kept, given):
        assert "garden" not in event.detail and "Peggy" not in event.detail
        assert url in event.detail


def test_every_response_on_the_way_is_private(browser, plan):
    url = about_me(plan)
    responses = [send_after_the_end(browser, url, {"what_matters_most": TYPED})]
    responses.append(browser.get(responses[0]["Location"]))
    responses.append(sign_in(browser, "sam", next_url=url))
    responses.append(browser.get(url))

    for response in responses:
        assert "no-store" in response["Cache-Control"], response.request["PATH_INFO"]


def test_a_form_far_too_big_to_have_been_typed_is_not_kept(browser, plan):
    send_after_the_end(browser, about_me(plan), {"what_matters_most": "x" * 200_000})

    assert not FormDraft.objects.exists()


# Signed out, and why -------------------------------------------------------------------------


def test_opening_a_page_after_the_session_ended_says_why(browser, plan):
    end_the_session(browser)

    response = browser.get(reverse("plan_builder:plan_detail", args=[plan.pk]))
    page = browser.get(response["Location"]).content.decode()

    assert "You were signed out because you had not used the plan builder for 30 minutes." in page
    assert "We have kept" not in page


def test_signing_out_on_purpose_says_nothing_about_timing(browser, plan):
    browser.post(
        reverse("plan_builder:logout"), {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value}
    )

    response = browser.get(reverse("plan_builder:plan_detail", args=[plan.pk]))
    page = browser.get(response["Location"]).content.decode()

    assert "You were signed out because" not in page


# Staying signed in ---------------------------------------------------------------------------


def test_every_signed_in_page_says_when_the_session_ends_and_when_to_warn(browser, plan, settings):
    settings.PLAN_BUILDER_SESSION_WARNING_SECONDS = 300

    html = browser.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()

    assert 'data-session-seconds="1800"' in html
    assert 'data-warning-seconds="300"' in html
    assert "You will be signed out in 5 minutes, to keep plans safe on a shared device." in html
    assert 'data-csrf-cookie="csrftoken"' in html


def test_the_warning_is_two_minutes_by_default_and_only_for_signed_in_pages(client, browser):
    html = browser.get(reverse("plan_builder:plan_list")).content.decode()
    assert 'data-warning-seconds="120"' in html
    assert "You will be signed out in 2 minutes" in html

    assert 'id="plan-session"' not in client.get(reverse("plan_builder:login")).content.decode()


def test_stay_signed_in_renews_the_session(browser):
    key = browser.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=1)
    )

    response = browser.post(
        reverse("plan_builder:stay_signed_in"),
        {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value},
    )

    assert response.status_code == 200
    assert response.json() == {"signed_in": True, "session_seconds": 1800}
    assert "no-store" in response["Cache-Control"]
    expiry = Session.objects.get(session_key=key).expire_date
    assert expiry > timezone.now() + datetime.timedelta(minutes=29)


def test_stay_signed_in_needs_the_csrf_token_and_a_post(browser):
    url = reverse("plan_builder:stay_signed_in")

    assert browser.post(url).status_code == 403
    assert browser.get(url).status_code == 405


def test_stay_signed_in_after_the_end_says_so(browser):
    end_the_session(browser)

    response = browser.post(
        reverse("plan_builder:stay_signed_in"),
        {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value},
    )

    assert response.status_code == 401
    assert response.json() == {"signed_in": False}
    assert "no-store" in response["Cache-Control"]
