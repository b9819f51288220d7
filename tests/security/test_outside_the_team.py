"""Nobody outside the team gets a person's name or NHS number from any plan address, export or
shared link: signed out, as an editor in no team, or as a practitioner of another team; and a
stopped or expired link is closed to the team too. Addresses are read from
plan_builder/urls.py, so one added later is tried without being listed here."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.models import ShareLink
from plan_builder.sections import ROW_KINDS
from plan_builder.sections import SECTION_FORMS as SECTIONS
from tests.plan_factories import TeamFactory, UserFactory, practitioner
from tests.security.conftest import NAME, NHS_NUMBER
from tests.security.hostile import (
    plan_builder_patterns,
    shared,
    unchanged,
)

pytestmark = pytest.mark.django_db

WEEK = datetime.timedelta(days=7)


PUBLIC_NAMES = {"login", "logout", "shared_plan", "shared_plan_pdf"}
# stay_signed_in names no plan: test_access.py::test_stay_signed_in_renews_only_... tries it.
TEAMLESS_NAMES = {"plan_list", "plan_create", "stay_signed_in"}


def access_world(world) -> dict:
    """The shape tests/plan_builder/test_access.py's matrix reads."""
    return {
        "plan": world.plan,
        "goal": world.goal,
        "rows": world.rows,
        "resource": world.resource,
        "share_link": world.share_link,
    }


def test_the_access_matrix_tries_every_plan_address(world):
    """tests/plan_builder/test_access.py tries each URL as another team, an editor and someone
    signed out. This fails when a URL is added to plan_builder/urls.py without being there."""
    from tests.plan_builder.test_access import plan_urls

    reached = {resolve(url).url_name for url in plan_urls(access_world(world))}
    every = {pattern.name for pattern in plan_builder_patterns()}
    assert every - PUBLIC_NAMES - TEAMLESS_NAMES - reached == set()
    # Every row kind and section has its own URL in the matrix.
    reached_paths = plan_urls(access_world(world))
    for kind in ROW_KINDS:
        assert any(f"/{kind}/" in url for url in reached_paths), kind
    for section in SECTIONS:
        assert any(f"/edit/{section}/" in url for url in reached_paths), section


@pytest.fixture
def dead_tokens(world) -> dict[str, str]:
    """A link that was stopped and one that ran out, both for this person."""
    stopped, stopped_token = services.share_link_create(
        plan=world.plan, actor=world.lead, label="Stopped", expires_at=timezone.now() + WEEK
    )
    services.share_link_revoke(plan=world.plan, actor=world.lead, share_link=stopped)
    expired, expired_token = services.share_link_create(
        plan=world.plan, actor=world.lead, label="Expired", expires_at=timezone.now() + WEEK
    )
    ShareLink.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - WEEK)
    return {"stopped": stopped_token, "expired": expired_token}


def no_plan_data(response) -> bool:
    body = response.content.decode(errors="replace")
    return not any(secret in body for secret in (NAME, "Quarterman", NHS_NUMBER, "401 023 2137"))


def people(world) -> dict[str, Client]:
    outsider = practitioner(TeamFactory(name="Bolton memory service"), username="outsider")
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    clients = {"another-team": outsider, "editor-in-no-team": editor, "signed-out": None}
    made = {}
    for role, user in clients.items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        made[role] = client
    return made


EXPECTED = {"another-team": {404}, "editor-in-no-team": {403}, "signed-out": {302}}


def test_nobody_outside_the_team_gets_a_name_or_nhs_number_from_any_address(world, dead_tokens):
    from tests.plan_builder.test_access import plan_urls

    urls = plan_urls(access_world(world))
    dead = [url for token in dead_tokens.values() for url in shared(token)]
    before = (
        unchanged(world),
        ShareLink.objects.filter(revoked_at__isnull=True).count(),
        world.plan.attachments.count(),
    )
    for role, client in people(world).items():
        for url in [*urls, reverse("plan_builder:plan_create")]:
            for method in (client.get, client.post):
                response = method(url)
                expected = EXPECTED[role]
                if role == "another-team" and url == reverse("plan_builder:plan_create"):
                    expected = {200}  # a practitioner may start a plan in their own team
                assert response.status_code in expected, (role, method.__name__, url)
                assert no_plan_data(response), (role, url)
        for url in dead:
            response = client.get(url)
            assert response.status_code == 404, (role, url)
            assert no_plan_data(response), (role, url)
    after = (
        unchanged(world),
        ShareLink.objects.filter(revoked_at__isnull=True).count(),
        world.plan.attachments.count(),
    )
    assert after == before, "nothing was changed, stopped or added"


def test_a_stopped_or_expired_link_is_closed_to_the_team_too(lead_client, world, dead_tokens):
    for url in [url for token in dead_tokens.values() for url in shared(token)]:
        response = lead_client.get(url)
        assert response.status_code == 404, url
        assert no_plan_data(response), url
