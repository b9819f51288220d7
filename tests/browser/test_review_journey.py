"""An editor keeps their content true, in a real browser: signed in, their dashboard shows
what of theirs is overdue; the Reports menu leads to what is due for review and to the links
that the daily check found broken (with the edit view saying the same); they fix the link,
mark the resource as reviewed, and the public page says it was reviewed today."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.admin import DESKTOP, admin_sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_sees_what_is_overdue_and_broken_and_fixes_it(
    live_server, editorial_site, new_context, screenshot_on_failure
):
    from core.link_health.models import CheckedLink, LinkState, LinkUse
    from tests.factories import ResourcePageFactory

    today = timezone.localdate()
    resource = ResourcePageFactory(
        parent=editorial_site["library"],
        title="Memory workbook",
        owner=editorial_site["editor"],
        external_url="https://old.example.org/workbook",
        last_reviewed=today - datetime.timedelta(days=400),
        next_review_due=today - datetime.timedelta(days=35),
    )
    # What the daily check recorded (its own tests run it against loopback servers).
    link = CheckedLink.objects.create(
        url="https://old.example.org/workbook",
        state=LinkState.BROKEN,
        status_code=404,
        error="The site answered 404 Not Found",
    )
    LinkUse.objects.create(
        link=link,
        content_type_id=resource.content_type_id,
        object_id=str(resource.pk),
        field="external_url",
    )

    editor = new_context(viewport=DESKTOP).new_page()
    screenshot_on_failure["editor"] = editor
    admin_sign_in(editor, live_server.url, "eddie.editor")

    panel = editor.get_by_role("region", name="Your content due for review")
    expect(panel).to_contain_text("Overdue: 1")
    expect(panel.get_by_role("link", name="Memory workbook")).to_be_visible()

    editor.get_by_role("button", name="Reports").click()
    editor.get_by_role("link", name="Links to fix").click()
    row = editor.get_by_role("row", name="https://old.example.org")
    expect(row).to_contain_text("Broken")
    expect(row).to_contain_text("The site answered 404 Not Found")
    row.get_by_role("link", name="Memory workbook").click()

    expect(
        editor.get_by_role("status").filter(has_text="The daily check found a problem")
    ).to_contain_text("The daily check found a problem with 1 link here.")
    editor.locator("#id_external_url").fill("https://new.example.org/workbook")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Moderators approval").click()
    expect(editor.locator(".messages")).to_contain_text("submitted for moderation")

    editor.get_by_role("button", name="Reports").click()
    editor.get_by_role("link", name="Due for review").click()
    row = editor.get_by_role("row", name=re.compile("Memory workbook"))
    expect(row).to_contain_text("Overdue")
    row.get_by_role("button", name=re.compile("Mark as reviewed")).click()
    expect(editor.locator(".messages")).to_contain_text("marked as reviewed today")
    expect(editor.get_by_role("row", name=re.compile("Memory workbook"))).to_have_count(0)

    resource.refresh_from_db()
    assert resource.last_reviewed == today
    public = new_context(viewport=DESKTOP).new_page()
    public.goto(f"{live_server.url}{resource.url}")
    expect(public.locator(".app-review-date")).to_contain_text(
        f"Page last reviewed: {today.day} {today.strftime('%B %Y')}"
    )
