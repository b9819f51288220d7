"""Fixtures for the plugin's own tests: they build what they need from the plugin's factories,
never the host site's page tree, so they run on a site without it."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from plan_builder.tests.factories import PlanFactory, TeamFactory, practitioner


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's language: a request's LocaleMiddleware leaves the
    language it chose active in the thread, which would carry into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


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
