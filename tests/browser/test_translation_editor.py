"""wagtail-localize's translation editor in a real browser, as an editor and as a moderator.

An editor (who cannot publish) translates a resource and an organisation: the translation
starts as a draft that the admin never calls live, the editor's main button is "Submit
translation for moderation", and "Convert to alias page" is not offered. A moderator keeps
"Publish" as the main button and can convert a translation back to an alias, after a
confirmation that says what is lost."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.admin import DESKTOP, admin_sign_in

pytestmark = pytest.mark.django_db(transaction=True)

WELSH_TITLE = "Fy Mywyd, Fy Nodau"


@pytest.fixture
def translating(editorial_site):
    """The editorial site with every language's tree mirrored from the English."""
    from starter import translation as starter_translation

    starter_translation.sync_locale_trees()
    return editorial_site


def translate(page: Page, base_url: str, path: str) -> None:
    """What an editor does first: "Translate" into Welsh."""
    page.goto(base_url + path)
    page.get_by_label("Welsh").check()
    page.get_by_role("button", name=re.compile("Submit")).click()
    expect(page.locator(".js-translation-editor footer")).to_be_visible()


def action_bar(page: Page):
    return page.locator(".js-translation-editor footer .actions .w-dropdown-button").first


def more_actions(page: Page) -> list[str]:
    bar = action_bar(page)
    bar.get_by_role("button", name="More actions").click()
    menu = bar.locator('[data-w-dropdown-target="content"]')
    expect(menu).to_be_visible()
    labels = [" ".join(text.split()) for text in menu.locator("a, button").all_inner_texts()]
    bar.get_by_role("button", name="More actions").click()
    return labels


def translate_title(page_or_organisation, text: str) -> None:
    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation, TranslationSource

    source = TranslationSource.objects.get(object_id=page_or_organisation.translation_key)
    segment = source.stringsegment_set.select_related("string", "context").first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=Locale.objects.get(language_code="cy"),
        data=text,
        translation_type="manual",
    )


def test_an_editor_submits_a_draft_translation_for_moderation(
    live_server, translating, new_context, screenshot_on_failure
):
    from wagtail.models import Page as WagtailPage

    base_url = live_server.url
    resource = translating["resource"]
    organisation = translating["organisation"]
    page = new_context(viewport=DESKTOP).new_page()
    screenshot_on_failure["editor"] = page
    admin_sign_in(page, base_url, "eddie.editor")

    # Translating makes a draft; nothing calls it live, and visitors still get the English.
    translate(page, base_url, f"/admin/localize/submit/page/{resource.pk}/")
    welsh = WagtailPage.objects.get(
        translation_key=resource.translation_key, locale__language_code="cy"
    )
    assert not welsh.revisions.filter(pk=welsh.live_revision_id).exists()  # not published
    status = page.locator("[data-translation-status]")
    expect(status).to_have_text(
        "Not published in Welsh yet: people reading in Welsh see the English page, marked as "
        "English."
    )
    expect(page.locator(".page-status-tag").first).to_have_text("Live in English")
    expect(page.get_by_text(re.compile(r"^\s*Live\s*$"))).to_have_count(0)

    # The main button is the editor's own action; Publish and Convert to alias are not there.
    main = action_bar(page).locator("> :first-child")
    expect(main).to_have_text("Submit translation for moderation")
    assert "Convert to alias page" not in more_actions(page)
    expect(page.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)

    public = new_context().new_page()
    public.goto(f"{base_url}/cy/resources/{resource.slug}/")
    expect(public.get_by_role("heading", level=1)).to_have_attribute("lang", "en")

    translate_title(resource, WELSH_TITLE)
    main.click()
    expect(page.locator(".messages")).to_contain_text(
        "'My Life, My Goals' in Welsh was submitted for moderation."
    )
    expect(status).to_contain_text("Waiting for approval in 'Moderators approval'.")
    expect(page.locator(".js-translation-editor footer")).to_be_visible()
    public.reload()
    expect(public.get_by_role("heading", level=1)).to_have_text("My Life, My Goals")

    # The page listing does not call it live either.
    page.goto(f"{base_url}/admin/pages/{welsh.get_parent().pk}/")
    expect(page.get_by_role("row").filter(has_text=WELSH_TITLE)).to_contain_text(
        re.compile("live in English \\+ draft", re.I)
    )

    # Converting to an alias is not the editor's to do, even by its address.
    page.goto(f"{base_url}/admin/localize/page/{welsh.pk}/convert_to_alias/")
    expect(page.locator(".messages")).to_contain_text("Sorry, you do not have permission")

    # An organisation: a draft in Welsh, with the same main action.
    translate(
        page,
        base_url,
        f"/admin/localize/submit/snippet/resources/supportorganisation/{organisation.pk}/",
    )
    expect(page.locator("[data-translation-status]")).to_have_text("Not published in Welsh yet.")
    expect(action_bar(page).locator("> :first-child")).to_have_text(
        "Submit translation for moderation"
    )
    assert "Stop Synced translation" in more_actions(page)
    organisation.refresh_from_db()
    assert not organisation.get_translation(welsh.locale).live


def test_a_moderator_publishes_or_converts_back_to_an_alias_after_a_clear_warning(
    live_server, translating, new_context, screenshot_on_failure
):
    from wagtail.models import Locale, WorkflowState
    from wagtail.models import Page as WagtailPage
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import translate_object

    from editorial.translation_moderation import submit_translation_for_moderation

    base_url = live_server.url
    resource = translating["resource"]
    welsh_locale = Locale.objects.get(language_code="cy")
    translate_object(resource, [welsh_locale], user=translating["editor"])
    translate_title(resource, WELSH_TITLE)
    translation = Translation.objects.get(
        source__object_id=resource.translation_key, target_locale=welsh_locale
    )
    submit_translation_for_moderation(translation=translation, user=translating["editor"])
    welsh = WagtailPage.objects.get(translation_key=resource.translation_key, locale=welsh_locale)

    page = new_context(viewport=DESKTOP).new_page()
    screenshot_on_failure["moderator"] = page
    admin_sign_in(page, base_url, "mo.moderator")
    page.goto(f"{base_url}/admin/pages/{welsh.pk}/edit/")
    expect(action_bar(page).locator("> :first-child")).to_have_text("Publish in Welsh")
    expect(page.locator("[data-translation-status]")).to_contain_text(
        "Waiting for approval in 'Moderators approval'."
    )
    assert "Convert to alias page" in more_actions(page)

    action_bar(page).get_by_role("button", name="More actions").click()
    action_bar(page).get_by_role("link", name="Convert to alias page").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Replace the translation with the original?"
    )
    main = page.locator("main")
    expect(main).to_contain_text(
        "the Welsh title and text are replaced by the English, at once, on the live site"
    )
    expect(main).to_contain_text("translation waiting for moderation is withdrawn")
    expect(main).to_contain_text("the strings already translated are kept")
    confirm = page.get_by_role("button", name="Yes, replace it with the original")
    expect(confirm).to_have_class(re.compile(r"\bbutton-secondary\b.*\bwarning\b"))
    keep = page.get_by_role("link", name="No, keep the translation")
    expect(keep).to_have_attribute("href", re.compile(rf"/admin/pages/{welsh.pk}/edit/$"))

    confirm.click()
    expect(page.locator(".messages")).to_contain_text("has been converted into an alias")
    welsh.refresh_from_db()
    assert welsh.alias_of_id == resource.pk
    assert not WorkflowState.objects.for_instance(welsh).filter(status="in_progress").exists()
