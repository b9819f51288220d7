"""An editor's resource reaching the public, in a real browser (Debian's Chromium through
Playwright): an editor (the "Editors" group, not a superuser) signs in to the Wagtail admin,
writes a resource in the library with a topic and submits it to the "Moderators approval"
workflow; a moderator, in another browser, approves it from their dashboard; and a member of
the public, signed out in a third, finds it in the library by its topic and by searching.

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.admin import DESKTOP, TOPIC, admin_sign_in

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Chair-based exercises at home"
SUMMARY = "Gentle exercises you can do sitting down, with a carer or on your own."


def test_an_editors_resource_is_moderated_then_found_by_the_public(
    live_server, editorial_site, new_context, screenshot_on_failure
):
    from resources.models import ResourcePage

    base_url = live_server.url
    library = editorial_site["library"]

    # The editor writes the resource in the library and submits it for moderation.
    editor = new_context(viewport=DESKTOP).new_page()
    screenshot_on_failure["editor"] = editor
    admin_sign_in(editor, base_url, "eddie.editor")
    editor.goto(f"{base_url}/admin/pages/add/resources/resourcepage/{library.pk}/")
    expect(editor.get_by_role("heading", name=re.compile(r"New: ?resource", re.I))).to_be_visible()
    editor.get_by_role("textbox", name=re.compile(r"^Title")).fill(TITLE)
    editor.get_by_label(re.compile(r"^Summary")).fill(SUMMARY)
    editor.get_by_label(re.compile(r"^Type")).select_option(label="Video")
    editor.get_by_label("Families and carers").check()
    editor.get_by_label("People living with dementia").check()
    # Topics use Wagtail's tag widget (jQuery tag-it): type into its box, Enter makes the tag.
    tags = editor.locator("#id_topics").locator("xpath=..").locator("ul.tagit")
    tags.locator(".tagit-new input").fill(TOPIC)
    tags.locator(".tagit-new input").press("Enter")
    expect(tags.locator(".tagit-choice .tagit-label")).to_have_text([f'"{TOPIC}"'])
    editor.locator("#id_external_url").fill("https://example.org/chairs")

    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Moderators approval").click()
    expect(editor.get_by_role("status")).to_contain_text(
        f"Page '{TITLE}' created and submitted for moderation."
    )
    resource = ResourcePage.objects.get(title=TITLE, alias_of=None)  # not its copies in cy, ur, pl
    assert not resource.live
    assert resource.current_workflow_state.status == "in_progress"
    assert list(resource.get_latest_revision_as_object().topics.names()) == [TOPIC]

    # Not published yet: the public cannot see it.
    public = new_context().new_page()
    screenshot_on_failure["public"] = public
    response = public.goto(f"{base_url}{library.url}{resource.slug}/")
    assert response is not None and response.status == 404

    # The moderator finds it on their dashboard and approves it, which publishes it.
    moderator = new_context(viewport=DESKTOP).new_page()
    screenshot_on_failure["moderator"] = moderator
    admin_sign_in(moderator, base_url, "mo.moderator")
    awaiting = (
        moderator.locator("section, div.w-panel")
        .filter(has=moderator.get_by_role("heading", name=re.compile(r"Awaiting your review")))
        .last
    )
    row = awaiting.locator("tr").filter(has_text=TITLE)
    expect(row).to_be_visible()
    row.get_by_role("button", name=re.compile(r"Actions|Approve")).first.click()
    moderator.get_by_role("button", name="Approve", exact=True).click()
    # The dashboard comes back with nothing left awaiting review.
    expect(moderator.get_by_role("heading", name="Site summary")).to_be_visible()
    expect(moderator.locator("tr").filter(has_text=TITLE)).to_have_count(0)
    resource.refresh_from_db()
    assert resource.live

    # The public finds it in the library under its topic, and by searching.
    public.goto(f"{base_url}/")
    public.get_by_role("link", name="Browse all resources").click()
    public.get_by_role("checkbox", name=re.compile(rf"^{TOPIC}")).check()
    public.get_by_role("button", name="Apply filters").click()
    expect(public).to_have_url(re.compile(r"[?&]topic=physical-activity(&|$)"))
    results = public.locator(".app-results")
    expect(results.get_by_role("link")).to_have_text([TITLE])

    for query in ("chair exercises", TOPIC.lower()):
        public.get_by_role("searchbox", name="Search this website").fill(query)
        public.locator("#search").get_by_role("button", name="Search").click()
        expect(public.get_by_role("main").get_by_role("link", name=TITLE)).to_be_visible()
    public.get_by_role("main").get_by_role("link", name=TITLE).click()
    expect(public.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(public.get_by_role("main")).to_contain_text(SUMMARY)
