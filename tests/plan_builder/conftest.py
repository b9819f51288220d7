import pytest

from tests.plan_factories import PlanFactory, TeamFactory, practitioner


@pytest.fixture
def team():
    return TeamFactory()


@pytest.fixture
def user(team):
    """A practitioner in `team` who is not its lead."""
    return practitioner(team)


@pytest.fixture
def plan(team):
    """A plan in `team` (tests that need more in it define their own)."""
    return PlanFactory(person__team=team, person__full_name="Peggy Example")


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client
