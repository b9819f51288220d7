"""The practitioner's list: their teams' current plans, soonest review first, with the reviews
that are due or overdue easy to find among thousands."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.models import ReviewType, Team
from plan_builder.tests.factories import PlanFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = reverse("plan_builder:plan_list")


def days(count: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=count)


def names(response) -> list[str]:
    return [plan.person.full_name for plan in response.context["page"].object_list]


def test_current_plans_of_my_teams_soonest_review_first(client, team, user):
    later = PlanFactory(person__team=team, person__full_name="Later Review", review_due=days(90))
    PlanFactory(person__team=team, person__full_name="Sooner Review", review_due=days(10))
    PlanFactory(person__full_name="Other Team")
    services.plan_start_review(
        plan=later, actor=user, review_type=ReviewType.PLANNED, review_due=days(200)
    )
    client.force_login(user)

    response = client.get(LIST)

    assert names(response) == ["Sooner Review", "Later Review"]  # one row per person


def test_mine_shows_the_plans_i_lead(client, team, user):
    PlanFactory(person__team=team, person__full_name="Led By Me", lead_practitioner=user)
    PlanFactory(person__team=team, person__full_name="Led By A Colleague")
    client.force_login(user)

    assert names(client.get(LIST, {"show": "mine"})) == ["Led By Me"]


def test_overdue_and_due_soon_reviews_are_counted_and_filtered(client, team, user):
    PlanFactory(person__team=team, person__full_name="Overdue", review_due=days(-3))
    PlanFactory(person__team=team, person__full_name="Due Soon", review_due=days(20))
    PlanFactory(person__team=team, person__full_name="Not Yet", review_due=days(200))
    client.force_login(user)

    everything = client.get(LIST)
    html = everything.content.decode()
    assert "1 review is overdue" in html
    assert "1 review is due in the next 4 weeks" in html
    assert names(client.get(LIST, {"review": "overdue"})) == ["Overdue"]
    assert names(client.get(LIST, {"review": "due"})) == ["Due Soon"]


def test_search_by_name_or_nhs_number(client, team, user):
    PlanFactory(person__team=team, person__full_name="Agnes Smith", person__nhs_number="4010232137")
    PlanFactory(
        person__team=team, person__full_name="Bertha Jones", person__nhs_number="9434765919"
    )
    client.force_login(user)

    assert names(client.get(LIST, {"q": "agnes"})) == ["Agnes Smith"]
    assert names(client.get(LIST, {"q": "943 476"})) == ["Bertha Jones"]
    assert names(client.get(LIST, {"q": "x" * 5000})) == []


def test_the_list_pages_through_many_plans_keeping_filters(client, team, user):
    for number in range(30):
        PlanFactory(
            person__team=team, person__full_name=f"Person {number:02d}", review_due=days(-1)
        )
    client.force_login(user)

    first = client.get(LIST, {"review": "overdue"})
    second = client.get(LIST, {"review": "overdue", "page": 2})

    assert len(names(first)) == 25 and len(names(second)) == 5
    assert "review=overdue&amp;page=2" in first.content.decode()
    assert client.get(LIST, {"page": "nonsense"}).status_code == 200
    assert client.get(LIST, {"show": "everyone", "review": "whenever"}).status_code == 200


def test_teams_and_members_are_managed_in_the_wagtail_admin(client):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    member = UserFactory(username="newstarter")
    client.force_login(admin)

    listing = client.get("/admin/snippets/plan_builder/team/")
    assert listing.status_code == 200
    response = client.post(
        "/admin/snippets/plan_builder/team/add/",
        {
            "name": "Wigan memory service",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-user": member.pk,
            "memberships-0-is_lead": "on",
            "memberships-0-ORDER": "1",
            "memberships-0-id": "",
            "memberships-0-DELETE": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    team = Team.objects.get(name="Wigan memory service")
    assert team.memberships.get().user == member
    client.force_login(member)
    assert client.get(LIST).status_code == 200
