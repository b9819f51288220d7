"""Every page in the person's language: locale-prefixed pages, the language switcher, lang and
dir, hreflang and the sitemap, English fallbacks with a label, topic names, search order,
versions of a resource in other languages, and the PO round trip editors rely on."""

import re

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.utils import translation
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from resources.models import ResourceLanguageVersion, TopicLabel
from starter import translation as starter
from tests.factories import (
    ContentPageFactory,
    ResourcePageFactory,
    SupportOrganisationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = {"en": "ltr", "cy": "ltr", "ur": "rtl", "pl": "ltr"}
URDU_TITLE = "وسائل کی لائبریری"
URDU_HOME = "ڈیمنشیا کے ساتھ اچھی زندگی"
URDU_TOPIC = "مقاصد طے کرنا"


def urdu(item, catalogue: dict) -> None:
    """Translate one object into Urdu the way the starter content is: through
    wagtail-localize, from (key, English) -> Urdu, published as the loader's are (on commit,
    which a test's transaction never reaches by itself)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        outcome = starter.translate(
            starter.Translatable(item, "test"),
            Locale.objects.get(language_code="ur"),
            {("test", english): text for english, text in catalogue.items()},
        )
    assert outcome in (starter.TRANSLATED, starter.UPDATED)


@pytest.fixture
def site(site_tree):
    topic = TopicFactory(name="Goal setting", slug="goal-setting")
    resource = ResourcePageFactory(
        parent=site_tree["library"], title="My Life, My Goals", topics=[topic]
    )
    organisation = SupportOrganisationFactory(name="Admiral Nurse Helpline", slug="admiral")
    organisation.topics.set([topic])
    organisation.save()
    starter.sync_locale_trees()
    home, library = site_tree["home"], site_tree["library"]
    urdu(home, {home.title: URDU_HOME, home.slug: home.slug, home.introduction: "تعارف"})
    urdu(library, {library.title: URDU_TITLE, library.slug: library.slug})
    urdu(TopicLabel.objects.get(topic=topic), {"Goal setting": URDU_TOPIC})
    return {**site_tree, "topic": topic, "resource": resource, "organisation": organisation}


def html_attributes(page: str) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)">', page)
    return match.group(1), match.group(2)


def switcher_links(page: str) -> dict[str, str]:
    nav = page.split('class="app-language-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict((code, url) for url, code in re.findall(r'href="([^"]+)" hreflang="([^"]+)"', nav))


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_serves_every_kind_of_page_with_lang_dir_and_a_working_switcher(
    client, site, code
):
    paths = [
        f"/{code}/",
        f"/{code}/resources/",
        f"/{code}/resources/{site['resource'].slug}/",
        f"/{code}/search/?q=goals",
        f"/{code}/support-organisations/",
        f"/{code}/support-organisations/admiral/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        assert html_attributes(page) == (code, LANGUAGES[code]), path

        links = switcher_links(page)
        assert set(links) == set(LANGUAGES) - {code}, path
        for other, url in links.items():
            assert url.startswith(f"/{other}/"), url
            assert url.removeprefix(f"/{other}/") == path.removeprefix(f"/{code}/"), url
            assert client.get(url).status_code == 200, url


def test_pages_name_their_translations_as_hreflang_alternates(client, site):
    page = client.get("/ur/resources/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', page))
    assert alternates == {
        "en": "http://testserver/en/resources/",
        "x-default": "http://testserver/en/resources/",
        "cy": "http://testserver/cy/resources/",
        "ur": "http://testserver/ur/resources/",
        "pl": "http://testserver/pl/resources/",
    }


def test_the_sitemap_lists_every_language_with_alternates(client, site):
    sitemap = client.get("/sitemap.xml").content.decode()
    for code in LANGUAGES:
        assert f"/{code}/resources/{site['resource'].slug}/</loc>" in sitemap
        assert f"/{code}/support-organisations/admiral/</loc>" in sitemap
    assert 'hreflang="ur" href="http://localhost/ur/resources/"' in sitemap


def test_a_translated_page_is_in_urdu_and_an_untranslated_one_falls_back_to_english(client, site):
    library = client.get("/ur/resources/").content.decode()
    assert URDU_TITLE in library
    assert "This page is only available" not in library

    resource = client.get(f"/ur/resources/{site['resource'].slug}/").content.decode()
    with translation.override("ur"):
        notice = translation.gettext(
            "This page is only available in %(language)s. We have not translated it yet."
        )
    assert "My Life, My Goals" in resource
    assert '<h1 lang="en" dir="ltr">My Life, My Goals</h1>' in resource
    assert notice.split("%(language)s")[0].strip() in resource


def test_untranslated_resources_and_organisations_are_listed_in_english_with_a_label(client, site):
    with translation.override("ur"):
        label = translation.gettext("Available in %(language)s only")
    label_start = label.split("%(language)s")[0].strip() or label.split("%(language)s")[1].strip()

    library = client.get("/ur/resources/").content.decode()
    assert "My Life, My Goals" in library
    assert label_start in library

    directory = client.get("/ur/support-organisations/").content.decode()
    assert "Admiral Nurse Helpline" in directory
    assert label_start in directory


def test_a_translated_organisation_replaces_its_english_version(client, site):
    organisation = site["organisation"]
    urdu(
        organisation,
        {
            organisation.name: "ایڈمرل نرس ہیلپ لائن",
            organisation.summary: "خاندانوں کے لیے مفت مشورہ۔",  # noqa: RUF001
            organisation.phone_label: "ہیلپ لائن",
            organisation.area_name: "انگلینڈ",
        },
    )
    directory = client.get("/ur/support-organisations/").content.decode()
    assert "ایڈمرل نرس ہیلپ لائن" in directory
    assert "Admiral Nurse Helpline" not in directory
    assert client.get("/ur/support-organisations/admiral/").status_code == 200


def test_topics_are_named_in_the_persons_language_and_filter_by_the_same_slug(client, site):
    page = client.get("/ur/resources/").content.decode()
    assert URDU_TOPIC in page
    filtered = client.get("/ur/resources/?topic=goal-setting").content.decode()
    assert re.search(rf"{URDU_TOPIC} <span class=\"app-count\">\(1\)</span>", filtered)
    assert "My Life, My Goals" in filtered
    english = client.get("/en/resources/?topic=goal-setting").content.decode()
    assert "Goal setting" in english
    assert URDU_TOPIC not in english


def test_search_puts_pages_in_the_persons_language_before_english_ones(client, site):
    content = ContentPageFactory(
        parent=site["home"], title="Planning with goals", summary="Goals library planning."
    )
    starter.sync_locale_trees()
    urdu(
        content,
        {
            content.title: "مقاصد کے ساتھ منصوبہ بندی library",
            content.slug: content.slug,
            content.summary: "مقاصد library",
            "A plan records what matters to you.": "منصوبہ library",
        },
    )
    page = client.get("/ur/search/?q=library").content.decode()
    urdu_position = page.find("مقاصد کے ساتھ منصوبہ بندی")
    english_position = page.find(">Resource library<")
    assert urdu_position != -1
    if english_position != -1:
        assert urdu_position < english_position


def test_a_resource_sends_people_to_the_version_in_their_language(client, site):
    resource = site["resource"]
    ResourceLanguageVersion.objects.create(
        page=resource, language="ur", external_url="https://example.org/urdu-workbook.pdf"
    )
    resource.save_revision().publish()

    in_urdu = client.get(f"/ur/resources/{resource.slug}/").content.decode()
    action_link = re.search(r'<a class="nhsuk-action-link" href="([^"]+)"', in_urdu)
    assert action_link.group(1) == "https://example.org/urdu-workbook.pdf"

    in_english = client.get(f"/en/resources/{resource.slug}/").content.decode()
    action_link = re.search(r'<a class="nhsuk-action-link" href="([^"]+)"', in_english)
    assert action_link.group(1) == resource.external_url
    assert 'href="https://example.org/urdu-workbook.pdf" hreflang="ur"' in in_english


def test_a_language_version_needs_a_link_or_a_document(site):
    version = ResourceLanguageVersion(page=site["resource"], language="ur")
    with pytest.raises(Exception, match="Add a link to this version"):
        version.full_clean()


def test_po_export_for_a_translator_and_import_back_round_trips(site):
    content = ContentPageFactory(parent=site["home"], title="Living well")
    starter.sync_locale_trees()
    source, _created = TranslationSource.get_or_create_from_instance(content)
    polish = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="pl")
    )

    exported = polib.pofile(str(polish.export_po()))
    assert {entry.msgid for entry in exported} >= {"Living well", content.summary}
    for entry in exported:
        entry.msgstr = {"Living well": "Dobre życie"}.get(entry.msgid, f"PL {entry.msgid}")
    polish.import_po(polib.pofile(str(exported)))
    polish.save_target(publish=True)

    translated = Page.objects.get(
        translation_key=content.translation_key, locale__language_code="pl"
    ).specific
    assert translated.title == "Dobre życie"
    assert translated.alias_of_id is None
    assert polib.pofile(str(polish.export_po())).percent_translated() == 100


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "en"])
def test_every_interface_string_is_translated(code):
    """A string without a translation shows in English to someone who chose their language:
    run makemessages and translate before merging."""

    for catalogue in (
        settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po",
        settings.BASE_DIR / "plan_builder" / "locale" / code / "LC_MESSAGES" / "django.po",
    ):
        po = polib.pofile(str(catalogue))
        assert po.untranslated_entries() == [], catalogue
        assert po.fuzzy_entries() == [], catalogue


def test_search_finds_organisations_in_english_until_they_are_translated(client, site):
    page = client.get("/ur/search/?q=Admiral").content.decode()
    assert "Admiral Nurse Helpline" in page
    assert 'href="/ur/support-organisations/admiral/"' in page

    organisation = site["organisation"]
    urdu(
        organisation,
        {
            organisation.name: "Admiral نرس ہیلپ لائن",
            organisation.summary: "خاندانوں کے لیے مفت مشورہ",
            organisation.phone_label: "ہیلپ لائن",
            organisation.area_name: "انگلینڈ",
        },
    )
    page = client.get("/ur/search/?q=Admiral").content.decode()
    assert "Admiral نرس ہیلپ لائن" in page
    assert "Admiral Nurse Helpline" not in page


def test_english_titles_in_a_translated_page_are_marked_as_english(client, site):
    """On the Urdu library (translated), its English-only resources and menu items carry
    lang="en"; Urdu text does not."""
    page = client.get("/ur/resources/").content.decode()
    assert f"<h1>{URDU_TITLE}</h1>" in page
    assert re.search(r'<a href="[^"]+" lang="en" dir="ltr">My Life, My Goals</a>', page)
    assert re.search(
        r'class="nhsuk-header__navigation-link" href="/ur/support-organisations/"'
        r' lang="en" dir="ltr">',
        page,
    )


# Editors ----------------------------------------------------------------------------------


def editor(client):
    user = get_user_model().objects.create_user(username="translator", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_an_editor_submits_a_page_for_translation_and_edits_it_in_the_translation_editor(
    client, site
):
    editor(client)
    resource = site["resource"]
    polish = Locale.objects.get(language_code="pl")

    response = client.post(f"/admin/localize/submit/page/{resource.pk}/", {"locales": [polish.pk]})
    assert response.status_code == 302

    translated = Page.objects.get(translation_key=resource.translation_key, locale=polish)
    assert translated.alias_of_id is None  # the English alias became a translation (a draft)
    editor_page = client.get(f"/admin/pages/{translated.pk}/edit/")
    assert editor_page.status_code == 200
    assert "My Life, My Goals" in editor_page.content.decode()


def test_an_editor_can_translate_organisations(client, site):
    """(Topic names are given in every language on the topic itself, by moderators: see
    tests/resources/test_topics.py.)"""
    editor(client)
    polish = Locale.objects.get(language_code="pl")
    organisation = site["organisation"]

    response = client.post(
        f"/admin/localize/submit/snippet/resources/supportorganisation/{organisation.pk}/",
        {"locales": [polish.pk]},
    )
    assert response.status_code == 302
    assert organisation.get_translation_or_none(polish) is not None


def start_polish_translation(client, page) -> Translation:
    """What an editor does first: "Translate this page" into Polish."""
    polish = Locale.objects.get(language_code="pl")
    client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [polish.pk]})
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=polish)


def test_a_translation_goes_through_the_same_moderation_as_the_english(client, site):
    """An editor cannot publish; they submit the translation, and nothing changes on the live
    site until a moderator approves it."""

    editor(client)
    resource = site["resource"]
    translation = start_polish_translation(client, resource)
    polish = translation.target_locale
    title = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        context=title.context,
        locale=polish,
        data="Moje życie, moje cele",
        translation_type="manual",
    )
    translated = Page.objects.get(translation_key=resource.translation_key, locale=polish)

    listing = client.get(f"/admin/pages/{translated.get_parent().pk}/").content.decode()
    submit_url = f"/admin/translations/{translation.pk}/submit/"
    assert submit_url in listing
    assert client.get(submit_url).status_code == 200
    response = client.post(submit_url)
    assert response.status_code == 302

    state = WorkflowState.objects.for_instance(translated).get(status="in_progress")
    assert state.workflow.name == "Moderators approval"
    live = client.get(f"/pl/resources/{resource.slug}/").content.decode()
    assert "Moje życie, moje cele" not in live

    moderator = get_user_model().objects.create_user(username="moderator", password="x" * 16)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "approve")
    live = client.get(f"/pl/resources/{resource.slug}/").content.decode()
    assert "<h1>Moje życie, moje cele</h1>" in live


def test_only_people_who_can_edit_it_may_submit_a_translation(client, site):

    editor(client)
    translation = start_polish_translation(client, site["resource"])
    nobody = get_user_model().objects.create_user(username="nobody", password="x" * 16)
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    response = client.post(f"/admin/translations/{translation.pk}/submit/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's refusal
    assert not translation.get_target_instance().workflow_in_progress


def test_the_not_found_page_is_in_the_persons_language(client, site):
    response = client.get("/ur/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert html_attributes(page) == ("ur", "rtl")
    with translation.override("ur"):
        assert translation.gettext("Page not found") in page
    assert switcher_links(page)["en"] == "/en/no-such-page/"


def test_syncing_after_the_english_changes_keeps_what_was_translated(client, site):
    """The English changes and a moderator syncs, publishing at once: the Urdu keeps every
    translated string, and only the changed one needs translating (shown in English until it
    is). (Editors cannot publish by syncing: tests/editorial/test_translation_moderation.py.)"""
    moderator = get_user_model().objects.create_user(username="moderator", password="x" * 16)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    content = ContentPageFactory(
        parent=site["home"],
        title="Living well",
        summary="Ideas for each day.",
        body=[("paragraph", "<p>Walk every morning.</p>")],
    )
    starter.sync_locale_trees()
    urdu(
        content,
        {
            "Living well": "اچھی زندگی",
            content.slug: content.slug,
            "Ideas for each day.": "ہر دن کے لیے خیالات",
            "Walk every morning.": "ہر صبح سیر کریں",
        },
    )
    content.summary = "Small ideas for each day."
    content.save_revision().publish()
    source = TranslationSource.objects.get(object_id=content.translation_key)

    response = client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    assert response.status_code == 302

    in_urdu = Page.objects.get(
        translation_key=content.translation_key, locale__language_code="ur"
    ).specific
    assert in_urdu.title == "اچھی زندگی"
    assert "ہر صبح سیر کریں" in str(in_urdu.body)
    assert in_urdu.summary == "Small ideas for each day."  # not translated yet: the English
    translation = Translation.objects.get(source=source, target_locale__language_code="ur")
    assert polib.pofile(str(translation.export_po())).percent_translated() < 100
