"""The plan page's query count is fixed: 40 attachments and 10 goals cost no more than 4
and 2. Each attached type costs one query for the versions to show, however many items it
has (organisations one more, for the directory pages their addresses are under)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.plan_factories import TeamFactory, build_full_plan, practitioner

pytestmark = pytest.mark.django_db

# Pinned at today's counts: session, user, membership, plan, 6 plan tables, one query per
# attached type (resources also Wagtail's view restrictions, organisations their directory
# pages), team lead check, the audit insert, versions, site settings, session save.
QUERY_BUDGETS = {"plan_detail": 22, "my_plan": 18}
# A review version also reads the version it replaces (its attachments as given, without
# reading the content again), to show what changed.
REVIEW_VERSION_BUDGET = 29


def plan_page_queries(client, plan) -> int:
    url = reverse("plan_builder:plan_detail", args=[plan.pk])
    client.get(url)  # the first request fills the site chrome cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url_name", ["plan_detail", "my_plan"])
def test_plan_pages_cost_the_same_queries_with_40_attachments_as_with_4(
    site_tree, client, url_name
):
    team = TeamFactory()
    user = practitioner(team)
    small = build_full_plan(
        library=site_tree["library"], practitioner=user, team=team, goals=2, attachments=4
    )
    large = build_full_plan(
        library=site_tree["library"], practitioner=user, team=team, goals=10, attachments=40
    )
    client.force_login(user)

    counts = []
    for plan in (small, large):
        url = reverse(f"plan_builder:{url_name}", args=[plan.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1], counts
    assert counts[1] <= QUERY_BUDGETS[url_name], counts


def test_a_review_version_stays_within_the_budget_while_showing_what_changed(site_tree, client):
    from plan_builder import services
    from plan_builder.models import ReviewType
    from tests.plan_factories import GoalFactory

    team = TeamFactory()
    user = practitioner(team)
    plan = build_full_plan(
        library=site_tree["library"], practitioner=user, team=team, goals=10, attachments=40
    )
    new_version = services.plan_start_review(
        plan=plan, actor=user, review_type=ReviewType.PLANNED, review_due=plan.review_due
    )
    GoalFactory(plan=new_version, description="I want to go back to my choir.")
    client.force_login(user)

    count = plan_page_queries(client, new_version)

    response = client.get(reverse("plan_builder:plan_detail", args=[new_version.pk]))
    assert "I want to go back to my choir." in response.content.decode()
    assert "What changed since version 1" in response.content.decode()
    assert count <= REVIEW_VERSION_BUDGET, count
