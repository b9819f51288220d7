"""The Wagtail admin in a real browser: the editorial groups and workflow as migrations make
them, an editor and a moderator, signing in, and screenshots of failed admin journeys."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD

DESKTOP = {"width": 1280, "height": 900}
TOPIC = "Physical activity"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "bench-results" / "editor-journey"


def restore_editorial_setup() -> None:
    """What Wagtail's migrations and editorial.groups give the Editors and Moderators groups,
    put back after an earlier live-server test's flush has emptied the tables: admin access,
    starting translations, page permissions from the root (editors add and change; moderators
    also publish), and the "Moderators approval" workflow on every page and organisation. (The
    flush itself re-runs post_migrate, so the groups and editorial.groups' model permissions are
    there already.)"""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import (
        GroupApprovalTask,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )
    from wagtail_localize.models import Translation

    from editorial.groups import ensure_editorial_groups

    root = Page.get_first_root_node()
    editors = Group.objects.get(name="Editors")
    moderators = Group.objects.get(name="Moderators")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    page_permissions = {
        editors: ["add_page", "change_page", "lock_page"],
        moderators: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    # wagtail-localize's migration lets both groups start translations.
    submit_translation, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Translation),
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    for group, codenames in page_permissions.items():
        group.permissions.add(access_admin, submit_translation)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    task, _ = GroupApprovalTask.objects.get_or_create(name="Moderators approval")
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
    ensure_editorial_groups(sender=None)  # also gives organisations the workflow


@pytest.fixture
def editorial_site(library):
    """The `library` site, a topic no resource has yet, and an editor and a moderator."""
    from django.contrib.auth.models import Group

    from tests.factories import TopicFactory
    from tests.plan_factories import UserFactory

    restore_editorial_setup()
    TopicFactory(name=TOPIC, slug="physical-activity")
    editor = UserFactory(username="eddie.editor", first_name="Eddie", last_name="Editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = UserFactory(username="mo.moderator", first_name="Mo", last_name="Moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return {**library, "editor": editor, "moderator": moderator}


@pytest.fixture
def screenshot_on_failure(request):
    """Pages registered here are photographed into bench-results/ (git-ignored) if the test
    fails. (The call phase's failure is counted before fixtures are torn down.)"""
    pages: dict[str, Page] = {}
    failed_before = request.session.testsfailed
    yield pages
    if request.session.testsfailed == failed_before:
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, page in pages.items():
        # A screenshot that cannot be taken must never hide the real failure.
        with contextlib.suppress(Exception):
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def admin_sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/admin/")
