"""The topics field of the page and organisation editors, in a real browser: Enter adds the
typed topic and never saves the page (Wagtail's tag field used to let an Enter in its empty
box through to the form, which saved a draft), and only topics from the managed list can be
added."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.admin import DESKTOP, TOPIC, admin_sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def tag_field(page: Page):
    return page.locator("#id_topics").locator("xpath=..").locator("ul.tagit")


def posts_to(page: Page, url: str) -> list[str]:
    """Every POST the page sends to `url` from now on (a form submission is one)."""
    posts: list[str] = []
    page.on(
        "request",
        lambda request: (
            posts.append(request.url)
            if request.method == "POST" and request.url.startswith(url)
            else None
        ),
    )
    return posts


def test_enter_adds_the_typed_topic_and_never_saves(
    live_server, editorial_site, new_context, screenshot_on_failure
):
    from resources.models import ResourcePage, SupportOrganisation, Topic

    base_url = live_server.url
    resource = editorial_site["resource"]
    organisation = editorial_site["organisation"]
    page = new_context(viewport=DESKTOP).new_page()
    screenshot_on_failure["editor"] = page
    admin_sign_in(page, base_url, "eddie.editor")

    editors = {
        f"{base_url}/admin/pages/{resource.pk}/edit/": lambda: ResourcePage.objects.get(
            pk=resource.pk
        ).revisions.count(),
        f"{base_url}/admin/snippets/resources/supportorganisation/edit/{organisation.pk}/": (
            lambda: SupportOrganisation.objects.get(pk=organisation.pk).revisions.count()
        ),
    }
    for edit_url, revision_count in editors.items():
        revisions_before = revision_count()
        page.goto(edit_url)
        posts = posts_to(page, edit_url)
        tags = tag_field(page)
        box = tags.locator(".tagit-new input")
        chips = tags.locator(".tagit-choice .tagit-label")
        chips_before = chips.all_text_contents()

        # Typed in any letter case, Enter adds the topic as it is named in the list.
        box.fill(TOPIC.lower())
        box.press("Enter")
        expect(chips).to_have_text([*chips_before, f'"{TOPIC}"'])
        expect(box).to_have_value("")

        # Enter again in the now empty box, as people do to "confirm": nothing is submitted.
        box.press("Enter")
        # A topic that is not in the list is not added, and Enter does not submit either.
        box.fill("Gardening")
        box.press("Enter")
        # Implicit submission would have sent its request at once; give it a moment to show.
        page.wait_for_timeout(1_000)
        assert posts == [], edit_url
        expect(page).to_have_url(edit_url)
        expect(chips).to_have_text([*chips_before, f'"{TOPIC}"'])
        expect(page.locator(".messages")).not_to_contain_text(re.compile("updated|saved"))
        assert revision_count() == revisions_before, edit_url
    assert not Topic.objects.filter(name__iexact="Gardening").exists()
