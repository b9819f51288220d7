"""An NHS number already recorded for someone in one of the practitioner's teams is refused,
with a link to that person's plan, on a new plan and on changing a person's details. A number
recorded only in another team is accepted and gives nothing away."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.models import Person, ReviewType, Team
from plan_builder.selectors import plan_with_nhs_number
from plan_builder.tests.factories import PersonFactory, PlanFactory, TeamFactory, date_post
from plan_builder.tests.reading import field_error

pytestmark = pytest.mark.django_db

NUMBER = "4010232137"  # shown as 401 023 2137


def new_plan(team, nhs_number: str) -> dict:
    return {
        "full_name": "Margaret Newcomer",
        "nhs_number": nhs_number,
        "preferred_language": "en",
        "team": team.pk,
        **date_post("review_due", timezone.localdate() + datetime.timedelta(days=90)),
    }


@pytest.fixture
def recorded(team):
    return PlanFactory(
        person=PersonFactory(team=team, full_name="Arthur Recorded", nhs_number=NUMBER)
    )


@pytest.mark.parametrize(
    "typed",
    [
        NUMBER,
        "401 023 2137",
        "401-023-2137",
        "\u06f4\u06f0\u06f1\u06f0\u06f2\u06f3\u06f2\u06f1\u06f3\u06f7",
    ],
)
def test_a_new_plan_with_a_number_already_in_the_team_is_refused_with_a_link(
    signed_in, team, recorded, typed
):
    response = signed_in.post(reverse("plan_builder:plan_create"), new_plan(team, typed))

    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(html, "id_nhs_number") == (
        "This NHS number is already recorded for Arthur Recorded."
    )
    plan_url = reverse("plan_builder:plan_detail", args=[recorded.pk])
    assert re.search(rf'<a href="{plan_url}">Go to their plan</a>', html)
    assert "<title>Error: " in html
    assert not Person.objects.filter(full_name="Margaret Newcomer").exists()


def test_the_link_goes_to_the_current_version_of_their_plan(signed_in, team, user, recorded):
    first_version = recorded.pk
    current = services.plan_start_review(
        plan=recorded,
        actor=user,
        review_type=ReviewType.PLANNED,
        review_due=timezone.localdate() + datetime.timedelta(days=100),
    )

    html = signed_in.post(
        reverse("plan_builder:plan_create"), new_plan(team, NUMBER)
    ).content.decode()

    assert reverse("plan_builder:plan_detail", args=[current.pk]) in html
    assert current.pk != first_version
    assert reverse("plan_builder:plan_detail", args=[first_version]) + '"' not in html


def test_a_number_recorded_only_in_another_team_is_accepted_and_reveals_nothing(signed_in, team):
    PlanFactory(
        person=PersonFactory(
            team=TeamFactory(name="Elsewhere"), full_name="Someone Elsewhere", nhs_number=NUMBER
        )
    )

    response = signed_in.post(reverse("plan_builder:plan_create"), new_plan(team, NUMBER))

    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert "Someone Elsewhere" not in page and "already recorded" not in page
    assert Person.objects.filter(nhs_number=NUMBER).count() == 2


def test_the_check_asks_the_same_one_question_whoever_holds_the_number(team):
    """Another team's number takes the same path as a number nobody holds: one query, no
    answer."""
    PersonFactory(team=TeamFactory(name="Elsewhere"), nhs_number=NUMBER)
    mine = Team.objects.filter(pk=team.pk)

    counts = []
    for number in (NUMBER, "9434765919"):
        with CaptureQueriesContext(connection) as queries:
            assert plan_with_nhs_number(teams=mine, nhs_number=number) is None
        counts.append(len(queries))

    assert counts == [1, 1]


def test_changing_someones_details_keeps_their_own_number(signed_in, recorded):
    response = signed_in.post(
        reverse("plan_builder:person_edit", args=[recorded.pk]),
        {
            "full_name": "Arthur Recorded",
            "nhs_number": "401 023 2137",
            "preferred_language": "en",
            "revision": recorded.edit_revision,
        },
    )

    assert response.status_code == 302


def test_changing_someones_number_to_a_teammates_is_refused(signed_in, team, recorded):
    other = PlanFactory(person=PersonFactory(team=team, full_name="Betty Other", nhs_number=""))

    response = signed_in.post(
        reverse("plan_builder:person_edit", args=[other.pk]),
        {
            "full_name": "Betty Other",
            "nhs_number": NUMBER,
            "preferred_language": "en",
            "revision": other.edit_revision,
        },
    )

    html = response.content.decode()
    assert "already recorded for Arthur Recorded" in field_error(html, "id_nhs_number")
    assert reverse("plan_builder:plan_detail", args=[recorded.pk]) in html
    assert Person.objects.get(pk=other.person_id).nhs_number == ""
