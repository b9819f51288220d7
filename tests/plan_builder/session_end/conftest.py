"""A practitioner, Sam, signed in through the form with CSRF checks on, and a plan in their
team."""

import pytest
from django.test import Client

from tests.plan_builder.session_end.steps import sign_in
from tests.plan_factories import PlanFactory, TeamFactory, practitioner


@pytest.fixture
def team():
    return TeamFactory(name="Salford memory service")


@pytest.fixture
def sam(team):
    return practitioner(team, username="sam")


@pytest.fixture
def plan(team):
    return PlanFactory(person__team=team, person__full_name="Peggy Example", what_matters_most="")


@pytest.fixture
def browser(sam) -> Client:
    """A signed-in browser with CSRF checks on, as in real use."""
    client = Client(enforce_csrf_checks=True)
    assert sign_in(client, "sam").status_code == 302
    return client
