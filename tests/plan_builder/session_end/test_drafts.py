"""When a session ends: "Stay signed in" renews it, and a plan form sent after the end is kept
on the server, given back once (to someone who may read the plan) after signing in again,
and never saved until they press save. Browser behaviour is in
tests/browser/test_session_timeout.py."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from plan_builder.models import AuditAction, AuditEvent, FormDraft, Person, Plan
from tests.factories import ResourcePageFactory
from tests.plan_builder.session_end.steps import (
    TYPED,
    about_me,
    csrf_token,
    end_the_session,
    open_form,
    send_after_the_end,
    sign_in,
)
from tests.plan_factories import GoalFactory, TeamFactory, UserFactory, practitioner

pytestmark = pytest.mark.django_db


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
