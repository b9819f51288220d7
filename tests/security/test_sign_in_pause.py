"""Sign-in is paused after repeated failures, on the plan builder's page and on the Wagtail
admin's, failures on one pause the other, and odd usernames are refused plainly."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from tests.plan_factories import UserFactory
from tests.security.hostile import (
    PASSWORD,
    assert_inert,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def assert_paused(response) -> None:
    assert response.status_code == 429
    body = response.content.decode()
    assert "Sign-in is paused" in body
    assert "Traceback" not in body and "Exception" not in body


def test_the_admin_sign_in_is_paused_after_repeated_failures(anonymous, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = anonymous.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200

    assert_paused(anonymous.post("/admin/login/", {"username": "editor", "password": "wrong"}))
    assert_paused(anonymous.post("/admin/login/", {"username": "editor", "password": PASSWORD}))
    assert "_auth_user_id" not in anonymous.session
    assert anonymous.get("/admin/").status_code == 302


def test_failures_on_one_sign_in_page_pause_the_other(anonymous, world):
    """Both pages share one login backend, so trying the other page does not reset the count."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        anonymous.post("/plans/sign-in/", {"username": "member", "password": "wrong"})

    assert_paused(anonymous.post("/admin/login/", {"username": "member", "password": PASSWORD}))
    assert "_auth_user_id" not in anonymous.session


@pytest.mark.parametrize(
    "username",
    ["x" * 10_000, "member\x00", "<script>alert(1)</script>", "' OR '1'='1"],
    ids=["huge", "nul", "markup", "sql"],
)
@pytest.mark.parametrize("page", ["/plans/sign-in/", "/admin/login/"])
def test_odd_usernames_on_the_sign_in_pages_are_refused_plainly(anonymous, world, page, username):
    response = anonymous.post(page, {"username": username, "password": PASSWORD})

    assert response.status_code == 200
    assert_inert(response)
    assert "_auth_user_id" not in anonymous.session
