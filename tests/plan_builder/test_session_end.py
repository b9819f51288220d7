"""When a session ends: "Stay signed in" renews it, and a plan form sent after the end is kept
on the server, given back once (to someone who may read the plan) after signing in again,
and never saved until they press save. Browser behaviour is in
tests/browser/test_session_timeout.py."""

import datetime
import json
import re

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plan_builder.models import AuditAction, AuditEvent, FormDraft, Person, Plan
from plan_builder.views.session import SESSION_KEY
from tests.factories import ResourcePageFactory
from tests.plan_factories import GoalFactory, PlanFactory, TeamFactory, UserFactory, practitioner

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
TYPED = "Her garden, the choir on Sundays, and tea with her sister Jean on Thursdays."


@pytest.fixture
def team():
    return TeamFactory(name="Salford memory service")


@pytest.fixture
def sam(team):
    return practitioner(team, username="sam")


@pytest.fixture
def plan(team):
    return PlanFactory(person__team=team, person__full_name="Peggy Example", what_matters_most="")


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def sign_in(client: Client, username: str, next_url: str = "") -> object:
    """Sign in through the form, as a browser would (CSRF checks on)."""
    page = client.get(reverse("plan_builder:login"))
    data = {
        "username": username,
        "password": PASSWORD,
        "csrfmiddlewaretoken": csrf_token(page.content.decode()),
    }
    if next_url:
        data["next"] = next_url
    return client.post(reverse("plan_builder:login"), data)


def end_the_session(client: Client) -> None:
    """As if half an hour passed: the session is still in the browser's cookie, but over."""
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )


@pytest.fixture
def browser(sam) -> Client:
    """A signed-in browser with CSRF checks on, as in real use."""
    client = Client(enforce_csrf_checks=True)
    assert sign_in(client, "sam").status_code == 302
    return client


def open_form(client: Client, url: str) -> dict:
    """The hidden fields of the form at `url` as the page gave them."""
    html = client.get(url).content.decode()
    fields = {"csrfmiddlewaretoken": csrf_token(html)}
    revision = re.search(r'name="revision" value="(\d*)"', html)
    if revision:
        fields["revision"] = revision.group(1)
    return fields


def send_after_the_end(client: Client, url: str, values: dict) -> object:
    """Open the form, let the session end, then press save."""
    hidden = open_form(client, url)
    end_the_session(client)
    return client.post(url, {**hidden, **values})


def about_me(plan) -> str:
    return reverse("plan_builder:section_edit", args=[plan.pk, "about-me"])


# The whole way round ------------------------------------------------------------------------


def test_typing_sent_after_the_session_ended_comes_back_after_signing_in(browser, plan):
    url = about_me(plan)

    sent = send_after_the_end(browser, url, {"what_matters_most": TYPED})

    # Not refused by CSRF: the token's cookie outlives the session.
    assert sent.status_code == 302
    assert sent["Location"] == f"{reverse('plan_builder:login')}?next={url}"
    sign_in_page = browser.get(sent["Location"]).content.decode()
    assert "You were signed out because you had not used the plan builder for 30 minutes." in (
        sign_in_page
    )
    assert "We have kept what you typed. Sign in to carry on." in sign_in_page
    assert Plan.objects.get(pk=plan.pk).what_matters_most == "", "nothing saved yet"

    signed_in = sign_in(browser, "sam", next_url=url)
    assert signed_in["Location"] == url
    form = browser.get(url)
    html = form.content.decode()
    assert TYPED in html
    assert "What you typed before you were signed out is back in the form" in html
    assert "It has not been saved yet. Check it, then press “Save and return to the plan”." in html
    assert Plan.objects.get(pk=plan.pk).what_matters_most == "", "still nothing saved"

    saved = browser.post(url, {**open_form(browser, url), "what_matters_most": TYPED})
    assert saved.status_code == 302
    assert Plan.objects.get(pk=plan.pk).what_matters_most == TYPED


def test_the_typing_is_given_back_once(browser, plan):
    url = about_me(plan)
    send_after_the_end(browser, url, {"what_matters_most": TYPED})
    sign_in(browser, "sam", next_url=url)

    assert TYPED in browser.get(url).content.decode()
    again = browser.get(url).content.decode()

    assert TYPED not in again
    assert "is back in the form" not in again
    assert not FormDraft.objects.exists()


def test_a_change_saved_by_someone_else_meanwhile_is_still_a_conflict(browser, plan, team):
    url = about_me(plan)
    send_after_the_end(browser, url, {"what_matters_most": TYPED})
    colleague = Client()
    colleague.force_login(practitioner(team, username="jo"))
    colleague.post(
        url,
        {"what_matters_most": "Jo's words", "revision": Plan.objects.get(pk=plan.pk).edit_revision},
    )
    sign_in(browser, "sam", next_url=url)
    restored = browser.get(url).content.decode()

    # Saved as given back: with the revision of the page the typing was done on.
    data = {
        "csrfmiddlewaretoken": csrf_token(restored),
        "revision": re.search(r'name="revision" value="(\d+)"', restored).group(1),
        "what_matters_most": TYPED,
    }
    response = browser.post(url, data)

    assert response.status_code == 409
    assert "Someone else changed this plan" in response.content.decode()
    assert TYPED in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).what_matters_most == "Jo's words"


def test_the_form_is_kept_exactly_as_sent_whatever_its_fields(browser, plan):
    """Every key as posted, repeated values too: it works whatever shape the fields take."""
    url = about_me(plan)
    hidden = open_form(browser, url)
    end_the_session(browser)
    browser.post(
        url,
        {
            **hidden,
            "what_matters_most": TYPED,
            "about_me_written_on_0": "7",
            "about_me_written_on_1": "3",
            "about_me_written_on_2": "2026",
            "many": ["one", "two"],
        },
    )

    kept = json.loads(FormDraft.objects.get().data)

    assert kept["what_matters_most"] == [TYPED]
    assert kept["about_me_written_on_0"] == ["7"]
    assert kept["about_me_written_on_2"] == ["2026"]
    assert kept["many"] == ["one", "two"]
    assert kept["revision"] == [hidden["revision"]]
    assert "csrfmiddlewaretoken" not in kept


def forms_that_keep_typing(plan, goal, attachment, resource) -> dict[str, tuple[str, dict]]:
    pk = plan.pk
    return {
        "person": (reverse("plan_builder:person_edit", args=[pk]), {"full_name": TYPED[:100]}),
        "section": (
            reverse("plan_builder:section_edit", args=[pk, "contingency"]),
            {"warning_signs": TYPED},
        ),
        "new row": (reverse("plan_builder:row_add", args=[pk, "goals"]), {"description": TYPED}),
        "goal's row": (
            reverse("plan_builder:goal_row_add", args=[pk, goal.pk, "actions"]),
            {"description": TYPED, "who": "Ann"},
        ),
        "row changed": (
            reverse("plan_builder:row_edit", args=[pk, "goals", goal.pk]),
            {"description": TYPED},
        ),
        "attachment changed": (
            reverse("plan_builder:row_edit", args=[pk, "attachments", attachment.pk]),
            {"reason": TYPED},
        ),
        "attach": (
            reverse("plan_builder:attach", args=[pk, "resources.resourcepage", resource.pk]),
            {"reason": TYPED},
        ),
    }


@pytest.mark.parametrize(
    "form",
    ["person", "section", "new row", "goal's row", "row changed", "attachment changed", "attach"],
)
def test_every_plan_form_keeps_what_was_typed(browser, plan, sam, site_tree, form):
    from plan_builder import services

    goal = GoalFactory(plan=plan)
    resource = ResourcePageFactory(parent=site_tree["library"], title="My Life, My Goals")
    other = ResourcePageFactory(parent=site_tree["library"], title="Another resource")
    attachment = services.attachment_create(
        plan=plan, actor=sam, attachable_key="resources.resourcepage", object_id=str(other.pk)
    )
    url, values = forms_that_keep_typing(plan, goal, attachment, resource)[form]

    assert send_after_the_end(browser, url, values).status_code == 302
    sign_in(browser, "sam", next_url=url)
    page = browser.get(url)

    assert page.status_code == 200
    assert TYPED[:100] in page.content.decode()
    assert "is back in the form" in page.content.decode()


def test_a_new_plan_is_kept_and_given_back_in_its_team(browser, team):
    url = reverse("plan_builder:plan_create")
    values = {"full_name": "Harold Example", "team": team.pk, "review_responsible": TYPED[:200]}

    send_after_the_end(browser, url, values)
    sign_in(browser, "sam", next_url=url)
    html = browser.get(url).content.decode()

    assert "Harold Example" in html and TYPED[:200] in html
    assert not Person.objects.filter(full_name="Harold Example").exists(), "not saved yet"


def test_a_confirmation_is_not_kept(browser, plan, sam):
    goal = GoalFactory(plan=plan)
    url = reverse("plan_builder:row_delete", args=[plan.pk, "goals", goal.pk])

    response = send_after_the_end(browser, url, {})

    assert response.status_code == 302
    assert not FormDraft.objects.exists()
    assert "We have kept what you typed" not in browser.get(response["Location"]).content.decode()


def test_an_empty_form_is_not_kept(browser, plan):
    send_after_the_end(browser, about_me(plan), {"what_matters_most": "  "})

    assert not FormDraft.objects.exists()


# Who gets it back ---------------------------------------------------------------------------


def test_a_colleague_in_the_same_team_signing_in_on_the_tablet_gets_it(browser, plan, team):
    practitioner(team, username="jo")
    url = about_me(plan)
    send_after_the_end(browser, url, {"what_matters_most": TYPED})

    sign_in(browser, "jo", next_url=url)

    assert TYPED in browser.get(url).content.decode()
    restored = AuditEvent.objects.get(action=AuditAction.DRAFT_RESTORED)
    assert restored.actor_name == "jo"


def test_someone_from_another_team_gets_nothing_and_the_typing_is_deleted(browser, plan):
    practitioner(TeamFactory(name="Bolton memory service"), username="outsider")
    url = about_me(plan)
    send_after_the_end(browser, url, {"what_matters_most": TYPED})

    sign_in(browser, "outsider", next_url=url)

    assert not FormDraft.objects.exists(), "deleted as soon as they signed in"
    assert browser.get(url).status_code == 404
    assert TYPED not in browser.get(reverse("plan_builder:plan_create")).content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.DRAFT_DISCARDED).count() == 1


def test_a_new_plan_is_not_given_to_someone_outside_the_team_chosen(browser, team):
    practitioner(TeamFactory(name="Bolton memory service"), username="outsider")
    url = reverse("plan_builder:plan_create")
    send_after_the_end(browser, url, {"full_name": "Harold Example", "team": team.pk})

    sign_in(browser, "outsider", next_url=url)

    assert "Harold Example" not in browser.get(url).content.decode()
    assert not FormDraft.objects.exists()


def test_a_new_plan_with_no_team_chosen_is_not_kept(browser):
    url = reverse("plan_builder:plan_create")

    send_after_the_end(browser, url, {"full_name": "Harold Example"})

    assert not FormDraft.objects.exists()


def test_someone_in_no_team_gets_nothing(browser, plan):
    UserFactory(username="editor")
    url = about_me(plan)
    send_after_the_end(browser, url, {"what_matters_most": TYPED})

    sign_in(browser, "editor", next_url=url)

    assert not FormDraft.objects.exists()


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
