"""Editors' accounts and permissions: the local accounts for trying the site, and the
editorial groups and workflow every environment gets."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from wagtail.models import WorkflowContentType

from resources.models import SupportOrganisation
from tests.editorial.accounts import member_of

# Local accounts ---------------------------------------------------------------------------

ACCOUNT_LINE = re.compile(r"^\s*(\w+)\s+\(([^)]*)\): (.*)$", re.MULTILINE)


def create_dev_accounts() -> dict[str, str]:
    from io import StringIO

    out = StringIO()
    call_command("create_dev_accounts", stdout=out)
    return {username: outcome for username, _role, outcome in ACCOUNT_LINE.findall(out.getvalue())}


@pytest.mark.django_db
def test_dev_accounts_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("create_dev_accounts")

    assert not get_user_model().objects.filter(username__in=["admin", "editor", "moderator"])


@pytest.mark.django_db
def test_dev_accounts_get_one_login_per_role_with_printed_passwords(settings, client):
    settings.DEBUG = True

    outcomes = create_dev_accounts()

    assert set(outcomes) == {"admin", "editor", "moderator", "practitioner"}
    users = {user.username: user for user in get_user_model().objects.all()}
    passwords = {}
    for username, outcome in outcomes.items():
        assert outcome.startswith("password "), outcome
        passwords[username] = outcome.removeprefix("password ")
        assert len(passwords[username]) >= 12
        assert users[username].check_password(passwords[username])
    assert len(set(passwords.values())) == 4
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert not users["editor"].is_superuser
    assert [group.name for group in users["editor"].groups.all()] == ["Editors"]
    assert [group.name for group in users["moderator"].groups.all()] == ["Moderators"]

    assert not users["practitioner"].is_staff
    assert users["practitioner"].plan_team_memberships.get().is_lead

    assert client.login(
        request=RequestFactory().get("/"), username="editor", password=passwords["editor"]
    )
    assert client.get("/admin/").status_code == 200
    client.logout()
    assert client.login(
        request=RequestFactory().get("/"),
        username="practitioner",
        password=passwords["practitioner"],
    )
    assert client.get("/plans/").status_code == 200


@pytest.mark.django_db
def test_running_dev_accounts_twice_keeps_the_passwords(settings):
    settings.DEBUG = True
    first = create_dev_accounts()

    second = create_dev_accounts()

    assert set(second) == {"admin", "editor", "moderator", "practitioner"}
    for username, outcome in second.items():
        assert "exists" in outcome
        password = first[username].removeprefix("password ")
        assert password not in outcome
        assert get_user_model().objects.get(username=username).check_password(password)
    assert get_user_model().objects.count() == 4


# Editorial groups -------------------------------------------------------------------------


@pytest.mark.django_db
def test_editors_can_write_organisations_but_not_publish_them():
    editor = member_of("Editors")

    assert editor.has_perm("resources.add_supportorganisation")
    assert editor.has_perm("resources.change_supportorganisation")
    assert not editor.has_perm("resources.publish_supportorganisation")
    assert not editor.has_perm("resources.delete_supportorganisation")
    assert not editor.has_perm("website.change_sitesettings")
    # Translators: start translations (wagtail-localize's migration). Topics are chosen from
    # the managed list, not created or named (tests/resources/test_topics.py).
    assert editor.has_perm("wagtail_localize.submit_translation")
    assert editor.has_perm("resources.view_topic")
    assert not editor.has_perm("resources.add_topic")
    assert not editor.has_perm("resources.change_topiclabel")


@pytest.mark.django_db
def test_moderators_can_publish_organisations_and_edit_site_settings():
    moderator = member_of("Moderators")

    assert moderator.has_perm("resources.add_supportorganisation")
    assert moderator.has_perm("resources.publish_supportorganisation")
    assert moderator.has_perm("resources.delete_supportorganisation")
    assert moderator.has_perm("website.change_sitesettings")


@pytest.mark.django_db
def test_organisation_changes_go_through_moderator_approval():
    content_type = ContentType.objects.get_for_model(SupportOrganisation)

    assignment = WorkflowContentType.objects.get(content_type=content_type)

    assert assignment.workflow.name == "Moderators approval"
    assert assignment.workflow.active
    assert SupportOrganisation().get_workflow() == assignment.workflow
