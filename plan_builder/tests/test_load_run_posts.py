"""The load run (benchmarks/load/users.py) posts the goal and action forms as a browser
would; these must be what the forms take, or every practitioner write in the run is refused."""

import pytest
from django.urls import reverse

from benchmarks.load.posts import action_fields, goal_fields
from plan_builder.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


def test_the_load_runs_goal_is_added_and_then_changed(signed_in, plan):
    goal = goal_fields("LOAD-test-0000001")

    added = signed_in.post(
        reverse("plan_builder:row_add", args=[plan.pk, "goals"]),
        {**goal, "revision": plan.edit_revision},
    )

    assert added.status_code == 302, added.content.decode()[:2000]
    saved = plan.goals.get()
    assert saved.description.startswith("LOAD-test-0000001")
    plan.refresh_from_db()
    changed = signed_in.post(
        reverse("plan_builder:row_edit", args=[plan.pk, "goals", saved.pk]),
        {**goal, "area": "LOAD-test-0000002", "revision": plan.edit_revision},
    )
    assert changed.status_code == 302
    saved.refresh_from_db()
    assert saved.area == "LOAD-test-0000002"


def test_the_load_runs_action_is_added(signed_in, plan):
    goal = GoalFactory(plan=plan)

    response = signed_in.post(
        reverse("plan_builder:goal_row_add", args=[plan.pk, goal.pk, "actions"]),
        {**action_fields("LOAD-test-0000003"), "revision": plan.edit_revision},
    )

    assert response.status_code == 302
    assert goal.actions.get().description.startswith("LOAD-test-0000003")
