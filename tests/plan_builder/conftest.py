import pytest

from tests.plan_factories import TeamFactory, practitioner


@pytest.fixture
def team():
    return TeamFactory()


@pytest.fixture
def user(team):
    """A practitioner in `team` who is not its lead."""
    return practitioner(team)
