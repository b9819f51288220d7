"""A translation is never published, or shown as published, before it is: "Translate" makes a
draft, visitors keep getting the English (marked as English) until it is approved, the admin
says so, and only those who may publish can turn a translation back into an alias."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from editorial.translation_moderation import (
    submit_translation_for_moderation,
    translation_status,
)
from starter import translation as starter
from tests.editorial.accounts import member_of
from tests.factories import ResourcePageFactory, SupportOrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(site_tree):
    resource = ResourcePageFactory(parent=site_tree["library"], title="My Life, My Goals")
    organisation = SupportOrganisationFactory(name="Admiral Nurse Helpline", slug="admiral")
    starter.sync_locale_trees()
    return {**site_tree, "resource": resource, "organisation": organisation}


def polish() -> Locale:
    return Locale.objects.get(language_code="pl")


def translate_into_polish(client, path: str) -> Translation:
    """What an editor does first: "Translate" into Polish."""
    client.force_login(member_of("Editors"))
    assert client.post(path, {"locales": [polish().pk]}).status_code == 302
    return Translation.objects.get(target_locale=polish())


def translate_title(translation: Translation, text: str) -> None:
    segment = translation.source.stringsegment_set.select_related("string", "context").first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=translation.target_locale,
        data=text,
        translation_type="manual",
    )


def test_an_editors_translation_of_a_live_page_is_a_draft_shown_in_english(client, site):
    resource = site["resource"]
    translation = translate_into_polish(client, f"/admin/localize/submit/page/{resource.pk}/")
    translated = translation.get_target_instance()
    assert translated.alias_of_id is None
    assert not translated.revisions.filter(pk=translated.live_revision_id).exists()

    page = client.get(f"/pl/resources/{resource.slug}/").content.decode()
    assert '<h1 lang="en" dir="ltr">My Life, My Goals</h1>' in page
    assert "app-language-notice" in page
    library = client.get("/pl/resources/").content.decode()
    assert re.search(r'lang="en" dir="ltr">My Life, My Goals</a>', library)
    assert "nhsuk-tag--grey" in library  # "Available in English only"
    search = client.get("/pl/search/?q=goals").content.decode()
    assert re.search(r'lang="en" dir="ltr">My Life, My Goals</a>', search)

    # Once a moderator approves it, it is a Polish page.
    translate_title(translation, "Moje życie, moje cele")
    submit_translation_for_moderation(translation=translation, user=member_of("Moderators"))
    state = WorkflowState.objects.for_instance(translated).get(status="in_progress")
    state.current_task_state.task.specific.on_action(
        state.current_task_state, get_user_model().objects.get(username="moderators"), "approve"
    )
    page = client.get(f"/pl/resources/{resource.slug}/").content.decode()
    assert "<h1>Moje życie, moje cele</h1>" in page
    assert "app-language-notice" not in page


def test_an_editors_translation_of_an_organisation_is_a_draft(client, site):
    organisation = site["organisation"]
    translation = translate_into_polish(
        client, f"/admin/localize/submit/snippet/resources/supportorganisation/{organisation.pk}/"
    )
    assert not translation.get_target_instance().live
    directory = client.get("/pl/support-organisations/").content.decode()
    assert re.search(r'lang="en" dir="ltr">Admiral Nurse Helpline</a>', directory)


def test_the_admin_says_where_a_translation_stands(
    client, site, django_capture_on_commit_callbacks
):
    resource = site["resource"]
    translation = translate_into_polish(client, f"/admin/localize/submit/page/{resource.pk}/")
    translated = translation.get_target_instance()
    assert translation_status(translated, "Polish") == (
        "Not published in Polish yet: people reading in Polish see the English page, marked as "
        "English."
    )
    submit_translation_for_moderation(translation=translation, user=member_of("Moderators"))
    translated.refresh_from_db()
    assert translation_status(translated, "Polish").endswith(
        "Waiting for approval in 'Moderators approval'."
    )
    listing = client.get(f"/admin/pages/{translated.get_parent().pk}/").content.decode()
    assert "live in English + draft" in listing
    header = client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    assert re.search(r"</svg>\s*Live in English\s*</a>", header)

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)  # a moderator's "Publish in Polish"
    translated.refresh_from_db()
    assert translation_status(translated, "Polish").startswith("Published in Polish.")
    listing = client.get(f"/admin/pages/{translated.get_parent().pk}/").content.decode()
    assert "live in English" not in listing


def test_the_translation_editor_gives_editors_the_submit_action_and_moderators_publish(
    client, site
):
    resource = site["resource"]
    translation = translate_into_polish(client, f"/admin/localize/submit/page/{resource.pk}/")
    translated = translation.get_target_instance()
    submit_url = reverse("submit_translation_for_moderation", args=[translation.pk])

    editor_page = client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    assert f'formaction="{submit_url}"' in editor_page
    assert "&quot;convertToAliasUrl&quot;: null" in editor_page
    assert "&quot;canPublish&quot;: false" in editor_page

    client.force_login(member_of("Moderators"))
    moderator_page = client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    assert "formaction=" not in moderator_page
    convert_url = reverse("wagtail_localize:convert_to_alias", args=[translated.pk])
    assert f"&quot;convertToAliasUrl&quot;: &quot;{convert_url}&quot;" in moderator_page


def test_only_those_who_may_publish_convert_a_translation_back_to_an_alias(client, site):
    resource = site["resource"]
    translation = translate_into_polish(client, f"/admin/localize/submit/page/{resource.pk}/")
    translated = translation.get_target_instance()
    submit_translation_for_moderation(translation=translation, user=member_of("Moderators"))
    convert_url = reverse("wagtail_localize:convert_to_alias", args=[translated.pk])

    client.force_login(get_user_model().objects.get(username="editors"))
    for response in (client.get(convert_url), client.post(convert_url)):
        assert (response.status_code, response["Location"]) == (302, "/admin/")  # refused
    translated.refresh_from_db()
    assert translated.alias_of_id is None

    client.force_login(get_user_model().objects.get(username="moderators"))
    page = client.get(convert_url).content.decode()
    assert "the strings already translated are kept" in page
    assert client.post(convert_url).status_code == 302
    translated.refresh_from_db()
    assert translated.alias_of_id == resource.pk
    assert not WorkflowState.objects.for_instance(translated).filter(status="in_progress").exists()


def test_the_page_editors_convert_to_alias_item_is_only_for_those_who_may_publish(client, site):
    """After "Stop Synced translation" the translation is edited in the page editor, whose
    action menu offers "Convert to alias page"."""
    resource = site["resource"]
    translation = translate_into_polish(client, f"/admin/localize/submit/page/{resource.pk}/")
    translation.enabled = False
    translation.save()
    translated = Page.objects.get(translation_key=resource.translation_key, locale=polish())
    edit_url = f"/admin/pages/{translated.pk}/edit/"

    assert 'name="localize-convert-to-alias"' not in client.get(edit_url).content.decode()
    client.force_login(member_of("Moderators"))
    assert 'name="localize-convert-to-alias"' in client.get(edit_url).content.decode()


def test_only_those_who_may_publish_can_publish_by_syncing(client, site):
    """ "Sync translated pages" with "Publish immediately" would publish every translation."""
    resource = site["resource"]
    translation = translate_into_polish(client, f"/admin/localize/submit/page/{resource.pk}/")
    translate_title(translation, "Moje życie, moje cele")
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])

    page = client.get(sync_url).content.decode()
    assert "Only moderators can publish translations." in page
    assert 'name="publish_translations"' not in page
    assert client.post(sync_url, {"publish_translations": "on"}).status_code == 302
    translated = translation.get_target_instance()
    assert not translated.revisions.filter(pk=translated.live_revision_id).exists()
    assert "Moje" not in client.get(f"/pl/resources/{resource.slug}/").content.decode()

    client.force_login(member_of("Moderators"))
    page = client.get(sync_url).content.decode()
    assert "Only moderators" not in page
    assert 'name="publish_translations"' in page
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(sync_url, {"publish_translations": "on"})
    assert (
        "<h1>Moje życie, moje cele</h1>"
        in client.get(f"/pl/resources/{resource.slug}/").content.decode()
    )
