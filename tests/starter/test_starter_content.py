import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from pages.models import ContentPage, HomePage, SiteSettings
from resources.models import ResourcePage, SupportOrganisation, Topic
from starter.data import service_pages
from tests.core.markup import parse
from tests.shared_data import made_once_for_the_module


def load():
    call_command("load_starter_content", verbosity=0)


def load_and_commit(capture_on_commit_callbacks):
    """Load as `./dev serve` does: the transaction commits, so what wagtail-localize and
    Wagtail do on commit (publishing the translations) really happens."""
    with capture_on_commit_callbacks(execute=True):
        load()


@pytest.fixture(scope="module", autouse=True)
def starter_content(django_db_setup, django_db_blocker):
    """The starter content, loaded once for this module's tests (each test's changes are
    undone after it): loading takes seconds, and every test here starts from it."""
    from django.test import TestCase

    with made_once_for_the_module(
        django_db_blocker, lambda: load_and_commit(TestCase.captureOnCommitCallbacks)
    ):
        yield


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "page_ids": sorted(Page.objects.values_list("pk", flat=True)),
        "resources": ResourcePage.objects.count(),
        "organisations": SupportOrganisation.objects.count(),
        "topics": Topic.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "site settings": list(
            SiteSettings.objects.values(
                "organisation_name",
                "contact_phone",
                "contact_phone_hours",
                "contact_email",
                "footer_links",
            )
        ),
    }


@pytest.mark.django_db
def test_running_twice_creates_nothing_new():
    first = snapshot()
    load()

    assert snapshot() == first
    assert first["resources"] >= 12
    assert first["organisations"] >= 8
    assert first["topics"] >= 8


@pytest.mark.django_db
def test_every_resource_has_an_audience_a_link_and_topics():
    for resource in ResourcePage.objects.all():
        assert resource.audiences, resource.slug
        assert resource.external_url or resource.document_id, resource.slug
        assert resource.external_url.startswith("https://"), resource.slug
        assert resource.topics.exists(), resource.slug
        assert resource.next_review_due > resource.last_reviewed


@pytest.mark.django_db
def test_default_site_points_at_the_new_home_page():
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.slug == "home"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    assert home.personalised_care_page.slug == "what-is-personalised-care"
    assert home.featured_resource_items.count() == 3


@pytest.mark.django_db
def test_pages_are_live_with_revisions():
    pages = Page.objects.filter(depth__gt=1, locale__language_code="en")
    assert pages.count() >= 4 + 12 + 3
    for page in pages:
        assert page.live, page.url_path
        assert not page.has_unpublished_changes, page.url_path
        assert page.latest_revision_id is not None, page.url_path
    # Four explanatory pages, and the contact page, accessibility statement and privacy notice.
    assert ContentPage.objects.filter(locale__language_code="en").count() == 7
    # Every other language mirrors the tree: translations, or aliases that follow the English.
    for page in Page.objects.filter(depth__gt=1).exclude(locale__language_code="en"):
        assert page.live, page.url_path
        assert page.alias_of_id or page.latest_revision_id, page.url_path
    menu_slugs = set(pages.filter(show_in_menus=True).values_list("slug", flat=True))
    assert menu_slugs == {"resources", "support-organisations", "what-is-personalised-care"}


@pytest.mark.django_db
def test_organisations_with_a_way_to_reach_them_are_published_the_others_kept_as_drafts():
    drafts = set()
    for organisation in SupportOrganisation.objects.all():
        assert organisation.latest_revision_id is not None, organisation.slug
        assert organisation.audiences, organisation.slug
        if organisation.phone or organisation.website or organisation.email:
            assert organisation.live, organisation.slug
        else:
            assert not organisation.live, organisation.slug
            drafts.add(organisation.slug)
    # No phone, website or email known for certain yet: an editor adds one, then publishes.
    assert drafts == {"together-dementia-support"}


@pytest.mark.django_db
def test_changed_content_is_put_back_on_the_next_run():
    english = ResourcePage.objects.filter(locale__language_code="en")
    resource = english.get(slug="my-life-my-goals")
    starter_summary = resource.summary
    resource.summary = "Edited by hand."
    resource.save_revision().publish()

    load()

    resource.refresh_from_db()
    assert resource.summary == starter_summary
    assert english.filter(slug="my-life-my-goals").count() == 1
    in_urdu = ResourcePage.objects.get(slug="my-life-my-goals", locale__language_code="ur")
    assert in_urdu.summary == starter_summary


@pytest.mark.django_db
def test_pages_render(client):
    for page in Page.objects.filter(depth__gt=1).specific():
        response = client.get(page.url, HTTP_HOST="localhost")
        assert response.status_code == 200, page.url_path


@pytest.mark.django_db
def test_starter_pages_and_topics_are_translated_for_review(
    client, django_capture_on_commit_callbacks
):
    load_and_commit(django_capture_on_commit_callbacks)
    from wagtail.models import WorkflowState
    from wagtail_localize.models import StringTranslation

    from resources.models import TopicLabel
    from starter import translation as starter_translation

    english = Page.objects.filter(locale__language_code="en", depth__in=[2, 3])
    for code in ("cy", "ur", "pl"):
        translated = Page.objects.filter(
            locale__language_code=code, alias_of__isnull=True, depth__in=[2, 3]
        ).specific()
        assert {page.translation_key for page in translated} == {
            page.translation_key for page in english
        }, code
        for page in translated:
            source = Page.objects.get(
                translation_key=page.translation_key, locale__language_code="en"
            )
            assert page.title != source.title, page.url_path
            assert page.live
            state = WorkflowState.objects.for_instance(page).get(status="in_progress")
            assert state.workflow.name == starter_translation.REVIEW_WORKFLOW_NAME
            assert state.current_task_state.status == "in_progress"
            assert state.current_task_state.revision_id == page.live_revision_id
        assert (
            TopicLabel.objects.filter(locale__language_code=code).count() == Topic.objects.count()
        )
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert "This page is only available" not in response.content.decode()

    # Resources are not translated: in Urdu they are English aliases.
    assert (
        ResourcePage.objects.filter(locale__language_code="ur", alias_of__isnull=True).count() == 0
    )
    # Marked in the translation editor as unchecked drafts.
    drafts = StringTranslation.objects.filter(tool_name=starter_translation.TOOL_NAME)
    assert drafts.count() == StringTranslation.objects.count() > 0


@pytest.mark.django_db
def test_a_cancelled_starter_review_is_started_again_but_a_decision_is_kept(
    django_capture_on_commit_callbacks,
):
    from wagtail.models import WorkflowState

    welsh = Page.objects.filter(locale__language_code="cy", alias_of__isnull=True, depth=3)
    cancelled, approved = welsh.order_by("pk")[:2]
    WorkflowState.objects.for_instance(cancelled).get(status="in_progress").cancel()
    approval = WorkflowState.objects.for_instance(approved).get(status="in_progress")
    approval.current_task_state.approve(user=None)

    load_and_commit(django_capture_on_commit_callbacks)

    assert WorkflowState.objects.for_instance(cancelled).filter(status="in_progress").exists()
    assert not WorkflowState.objects.for_instance(approved).filter(status="in_progress").exists()


SERVICE_PAGES = ["contact-us", "accessibility-statement", "privacy"]


@pytest.mark.django_db
def test_the_starter_site_is_run_by_a_demonstration_organisation_with_contact_details():
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert "Demo" in site_settings.organisation_name
    assert site_settings.contact_phone_display == "0161 496 0000"  # Ofcom's drama range
    assert site_settings.contact_email.endswith("@example.org")
    assert site_settings.contact_phone_hours


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy", "ur", "pl"])
def test_the_footer_links_to_the_service_pages_in_the_readers_language(client, language):
    english_titles = {item["slug"]: item["title"] for item in service_pages.SERVICE_PAGES}

    document = parse(client.get(f"/{language}/", HTTP_HOST="localhost"))
    footer = document.find("footer")
    links = [
        (link.get("href"), link.text)
        for link in document.find_all("a", within=footer)
        if not link.get("href").startswith(("tel:", "mailto:"))
    ]

    assert [href for href, _text in links] == [f"/{language}/{slug}/" for slug in SERVICE_PAGES]
    for (href, text), slug in zip(links, SERVICE_PAGES, strict=True):
        page = parse(client.get(href, HTTP_HOST="localhost"))
        assert page.find("h1").text == text, href
        if language != "en":
            assert text != english_titles[slug], f"{slug} is not translated into {language}"
            assert "This page is only available" not in page.text
    assert "Demo Memory Service" in footer.text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ur"])
def test_the_service_pages_show_the_contact_details_from_the_site_settings(client, language):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_phone = "0800 888 6678"
    site_settings.organisation_name = "Example Memory Service"
    site_settings.save()

    for slug in SERVICE_PAGES:
        document = parse(client.get(f"/{language}/{slug}/", HTTP_HOST="localhost"))
        main = document.find("main")
        phones = document.find_all("a", within=main, href="tel:+44-800-888-6678")
        assert [phone.text for phone in phones] == ["0800 888 6678"], slug
        assert "Example Memory Service" in main.text, slug
    contact = parse(client.get(f"/{language}/contact-us/", HTTP_HOST="localhost"))
    urgent = {link.get("href") for link in contact.find_all("a", within=contact.find("main"))}
    assert {"tel:111", "tel:999", "https://111.nhs.uk/"} <= urgent


@pytest.mark.django_db
def test_site_settings_someone_has_set_are_kept():
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name = "Anytown Memory Service"
    site_settings.contact_email = ""  # they take calls only
    site_settings.footer_links = [
        ("link", {"text": "Our other website", "external_url": "https://example.org/"})
    ]
    site_settings.save()

    load()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert site_settings.organisation_name == "Anytown Memory Service"
    assert site_settings.contact_email == ""
    assert [link.value["text"] for link in site_settings.footer_links] == ["Our other website"]
