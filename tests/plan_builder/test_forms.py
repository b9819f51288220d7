"""Forms through the real views: bad input gets a message beside the field and loses nothing
the person typed; two people saving the same plan never overwrite each other silently."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.conf import add_months
from plan_builder.models import Attachment, Goal, Person, Plan, ShareLink
from plan_builder.tests.reading import field_error
from tests.factories import ResourcePageFactory
from tests.plan_factories import GoalFactory, PlanFactory, TeamFactory, date_post, practitioner

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def user(team):
    return practitioner(team, is_lead=True, first_name="Sam", last_name="Adviser")


def new_plan_data(own_team, **changes) -> dict:
    data = {
        "full_name": "Margaret Example",
        "preferred_name": "Peggy",
        "nhs_number": "943 476 5919",
        "gp_practice": "Example Medical Centre",
        "preferred_language": "en",
        "team": own_team.pk,
        **date_post("review_due", TODAY() + datetime.timedelta(days=180)),
        "review_responsible": "Sam, dementia adviser",
    }
    for name, value in changes.items():
        if isinstance(value, datetime.date):
            data.update(date_post(name, value))
        else:
            data[name] = value
    return data


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nhs_number", "943 476 5918", "not a valid NHS number"),
        ("nhs_number", "94347A5919", "10 digits"),
        (
            "date_of_birth",
            TODAY() + datetime.timedelta(days=1),
            "Enter a date of birth in the past",
        ),
        ("review_due", TODAY() - datetime.timedelta(days=1), "today or in the future"),
        ("review_due", add_months(TODAY(), 12) + datetime.timedelta(days=1), "12 months"),
        ("phone", "not a number", "phone number"),
        ("full_name", "x" * 201, "Full name must be 200 characters or fewer"),
        ("full_name", "", "Enter the person's full name"),
    ],
)
def test_a_new_plan_with_bad_input_says_why_and_keeps_the_rest(
    signed_in, team, field, value, message
):
    response = signed_in.post(
        reverse("plan_builder:plan_create"), new_plan_data(team, **{field: value})
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert message in field_error(html, f"id_{field}")
    assert "Error: Start a new plan" in html
    assert 'value="Margaret Example"' in html or field == "full_name"
    assert 'value="Example Medical Centre"' in html
    assert "There is a problem" in html
    assert not Person.objects.exists()


def test_a_valid_nhs_number_with_spaces_is_stored_as_ten_digits(signed_in, team):
    response = signed_in.post(reverse("plan_builder:plan_create"), new_plan_data(team))

    assert response.status_code == 302
    person = Person.objects.get()
    assert person.nhs_number == "9434765919"
    assert person.plans.get().review_due == TODAY() + datetime.timedelta(days=180)


def test_a_team_the_practitioner_is_not_in_cannot_be_chosen(signed_in, team):
    elsewhere = TeamFactory(name="Somewhere else")

    response = signed_in.post(
        reverse("plan_builder:plan_create"), new_plan_data(team, team=elsewhere.pk)
    )

    assert field_error(response.content.decode(), "id_team") == (
        "Choose the team the plan belongs to"
    )
    assert not Person.objects.exists()


def goal_data(plan, **changes) -> dict:
    data = {
        "description": "I want to sing in the choir again.",
        "area": "Hobbies",
        "importance": "8",
        "status": "active",
        "revision": str(plan.edit_revision),
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("importance", "11", "Choose how important the goal is, from 1 to 10"),
        ("importance", "0", "Choose how important the goal is, from 1 to 10"),
        ("importance", "", "Choose how important the goal is, from 1 to 10"),
        ("description", "x" * 501, "The goal must be 500 characters or fewer"),
        ("description", "", "Enter the goal, in the person's words"),
        ("status", "finished", "Choose the goal's status"),
    ],
)
def test_a_goal_with_bad_input_says_why_and_keeps_the_rest(signed_in, plan, field, value, message):
    response = signed_in.post(
        reverse("plan_builder:row_add", args=[plan.pk, "goals"]), goal_data(plan, **{field: value})
    )

    html = response.content.decode()
    assert message in field_error(html, f"id_{field}")
    if field != "area":
        assert 'value="Hobbies"' in html
    assert not Goal.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"attainment": "11"}, "attainment", "Choose how well it is going, from 1 to 10"),
        ({"attainment": "0"}, "attainment", "Choose how well it is going, from 1 to 10"),
        ({"satisfaction": "12"}, "satisfaction", "Choose how happy they are with it, from 1 to 10"),
        (
            date_post("rated_on", TODAY() + datetime.timedelta(days=3)),
            "rated_on",
            "The date of the rating must be today or in the past",
        ),
    ],
)
def test_ratings_out_of_range_are_refused(signed_in, plan, data, field, message):
    goal = GoalFactory(plan=plan)
    form = {**date_post("rated_on", TODAY()), "attainment": "5", "note": "Better than last month"}
    form.update(data)

    response = signed_in.post(
        reverse("plan_builder:goal_row_add", args=[plan.pk, goal.pk, "ratings"]), form
    )

    html = response.content.decode()
    assert message in field_error(html, f"id_{field}")
    assert "Better than last month" in html
    assert not goal.ratings.exists()


def test_an_action_with_confidence_out_of_range_is_refused(signed_in, plan):
    goal = GoalFactory(plan=plan)

    response = signed_in.post(
        reverse("plan_builder:goal_row_add", args=[plan.pk, goal.pk, "actions"]),
        {
            "description": "Ring the choir leader",
            "who": "Ann",
            "status": "planned",
            "confidence": "0",
        },
    )

    assert field_error(response.content.decode(), "id_confidence") == (
        "Choose how confident the person feels, from 1 to 10"
    )
    assert "Ring the choir leader" in response.content.decode()
    assert not goal.actions.exists()


def test_over_long_about_me_text_is_refused_and_kept(signed_in, plan):
    long_text = "I like to be asked. " * 101  # 2,020 characters

    response = signed_in.post(
        reverse("plan_builder:section_edit", args=[plan.pk, "about-me"]),
        {
            "what_matters_most": long_text,
            "please_do": "Speak slowly",
            "revision": plan.edit_revision,
        },
    )

    html = response.content.decode()
    assert field_error(html, "id_what_matters_most") == (
        "What matters most to me must be 2000 characters or fewer"
    )
    assert "Speak slowly" in html
    plan.refresh_from_db()
    assert plan.please_do == ""


def test_best_interests_agreement_needs_a_reason(signed_in, plan):
    response = signed_in.post(
        reverse("plan_builder:section_edit", args=[plan.pk, "agreement"]),
        {
            "agreed_by": "best-interests",
            "agreed_by_name": "Ann Example",
            **date_post("agreed_on", TODAY()),
            "consent_to_share": "not-asked",
            "revision": plan.edit_revision,
        },
    )

    assert "best interests" in field_error(response.content.decode(), "id_best_interests_note")
    assert 'value="Ann Example"' in response.content.decode()


def test_attaching_something_unpublished_or_unregistered_is_refused(signed_in, plan, site_tree):
    resource = ResourcePageFactory(parent=site_tree["library"])
    resource.unpublish()

    for url in [
        reverse("plan_builder:attach", args=[plan.pk, "resources.resourcepage", resource.pk]),
        reverse("plan_builder:attach", args=[plan.pk, "auth.user", 1]),
        reverse("plan_builder:attach", args=[plan.pk, "resources.resourcepage", "not-a-number"]),
    ]:
        response = signed_in.post(url, {"reason": "Helps", "revision": plan.edit_revision})
        assert response.status_code == 302, url
        assert response["Location"] == reverse("plan_builder:attach_search", args=[plan.pk])
        page = signed_in.get(response["Location"])
        assert "cannot be added" in page.content.decode()
    assert not Attachment.objects.exists()


def test_a_goal_from_another_plan_cannot_be_chosen_for_an_attachment(signed_in, plan, site_tree):
    resource = ResourcePageFactory(parent=site_tree["library"])
    other_goal = GoalFactory(plan=PlanFactory(person__team=plan.person.team))

    response = signed_in.post(
        reverse("plan_builder:attach", args=[plan.pk, "resources.resourcepage", resource.pk]),
        {"reason": "To read together", "goal": other_goal.pk, "revision": plan.edit_revision},
    )

    assert field_error(response.content.decode(), "id_goal") == "Choose a goal from the list"
    assert "To read together" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_row_of_another_plan_is_not_found(signed_in, plan):
    other_goal = GoalFactory(plan=PlanFactory(person__team=plan.person.team))

    for url in [
        reverse("plan_builder:row_edit", args=[plan.pk, "goals", other_goal.pk]),
        reverse("plan_builder:goal_row_add", args=[plan.pk, other_goal.pk, "actions"]),
        reverse("plan_builder:row_edit", args=[plan.pk, "needs", 999999]),
        reverse("plan_builder:row_add", args=[plan.pk, "passwords"]),
        reverse("plan_builder:section_edit", args=[plan.pk, "secrets"]),
    ]:
        assert signed_in.get(url).status_code == 404, url


@pytest.mark.parametrize(
    ("expires_on", "message"),
    [
        (TODAY(), "after today"),
        (TODAY() + datetime.timedelta(days=401), "at most 400 days"),
    ],
)
def test_share_links_need_a_sensible_expiry(signed_in, plan, expires_on, message):
    response = signed_in.post(
        reverse("plan_builder:share", args=[plan.pk]),
        {"label": "Peggy and Ann", **date_post("expires_on", expires_on)},
    )

    assert message in field_error(response.content.decode(), "id_expires_on")
    assert 'value="Peggy and Ann"' in response.content.decode()
    assert not ShareLink.objects.exists()


def test_erasure_needs_the_persons_name(signed_in, plan):
    response = signed_in.post(
        reverse("plan_builder:person_delete", args=[plan.pk]), {"confirm_name": "Someone Else"}
    )

    assert "does not match" in field_error(response.content.decode(), "id_confirm_name")
    assert Person.objects.filter(pk=plan.person.pk).exists()

    response = signed_in.post(
        reverse("plan_builder:person_delete", args=[plan.pk]), {"confirm_name": "peggy example"}
    )

    assert response.status_code == 302
    assert not Person.objects.filter(pk=plan.person.pk).exists()


# Two people, one plan --------------------------------------------------------------------


def test_the_second_save_is_stopped_and_keeps_what_was_typed(client, team, plan, user):
    colleague = practitioner(team, first_name="Jo", last_name="Nurse")
    url = reverse("plan_builder:section_edit", args=[plan.pk, "about-me"])
    client.force_login(user)
    opened_revision = plan.edit_revision  # both open the form at this revision

    client.force_login(colleague)
    first = client.post(url, {"what_matters_most": "My garden", "revision": opened_revision})
    assert first.status_code == 302

    client.force_login(user)
    second = client.post(
        url, {"what_matters_most": "My grandchildren", "revision": opened_revision}
    )

    assert second.status_code == 409
    html = second.content.decode()
    assert "Jo Nurse saved a change to this plan" in html
    assert "My garden" in html  # what is saved now
    assert "My grandchildren" in html  # what they typed, still in the form
    plan.refresh_from_db()
    assert plan.what_matters_most == "My garden"

    revision_now = re.search(r'name="revision" value="(\d+)"', html).group(1)
    third = client.post(url, {"what_matters_most": "My grandchildren", "revision": revision_now})
    assert third.status_code == 302
    plan.refresh_from_db()
    assert plan.what_matters_most == "My grandchildren"


def test_a_stale_goal_edit_is_stopped_too(client, team, plan, user):
    goal = GoalFactory(plan=plan, description="Walk to the shops")
    colleague = practitioner(team)
    url = reverse("plan_builder:row_edit", args=[plan.pk, "goals", goal.pk])
    opened_revision = plan.edit_revision

    client.force_login(colleague)
    assert (
        client.post(
            url, goal_data(plan, description="Walk to the park", revision=opened_revision)
        ).status_code
        == 302
    )
    client.force_login(user)
    response = client.post(
        url, goal_data(plan, description="Walk to the library", revision=opened_revision)
    )

    assert response.status_code == 409
    assert "Walk to the library" in response.content.decode()
    goal.refresh_from_db()
    assert goal.description == "Walk to the park"


def test_the_service_refuses_a_stale_revision(plan, user):
    stale = plan.edit_revision
    services.plan_update(
        plan=plan, actor=user, expected_revision=stale, values={"wellness": "Good"}, section="x"
    )

    with pytest.raises(services.PlanEditConflict):
        services.plan_update(
            plan=Plan.objects.get(pk=plan.pk),
            actor=user,
            expected_revision=stale,
            values={"wellness": "Bad"},
            section="x",
        )
    assert Plan.objects.get(pk=plan.pk).wellness == "Good"


def test_a_tampered_revision_is_explained_not_saved(signed_in, plan):
    response = signed_in.post(
        reverse("plan_builder:section_edit", args=[plan.pk, "about-me"]),
        {"what_matters_most": "My garden", "revision": "not-a-number"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Reload it and try again" in html
    assert "My garden" in html
    plan.refresh_from_db()
    assert plan.what_matters_most != "My garden"
