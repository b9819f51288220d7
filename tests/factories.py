"""Test and benchmark data built from factories, never from a dump of primary keys."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page, Site

from pages.models import ContentPage, HomePage
from resources.choices import AreaType, ResourceType
from resources.models import (
    ResourceIndexPage,
    ResourcePage,
    SupportOrganisation,
    SupportOrganisationIndexPage,
    Topic,
)


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Dementia wellbeing"
    slug = "dementia-wellbeing"
    introduction = "Find resources and support for living well with dementia."


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"About planning {n}")
    summary = "What a care and support plan is and how it helps you."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>A plan records what matters to you.</p>")]
    )


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Resource library"
    slug = "resources"
    show_in_menus = True


class SupportOrganisationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SupportOrganisationIndexPage

    title = "Support organisations"
    slug = "support-organisations"
    show_in_menus = True


class ResourcePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Resource {n:05d}")
    summary = "A practical guide to thinking about what matters to you."
    resource_type = ResourceType.GUIDE
    for_families_and_carers = True
    external_url = factory.Sequence(lambda n: f"https://example.org/resource-{n}")
    publisher = "Example Publisher"
    last_reviewed = datetime.date(2026, 1, 12)
    next_review_due = datetime.date(2027, 1, 12)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            if create:
                obj.save_revision().publish()


class SupportOrganisationFactory(DjangoModelFactory):
    class Meta:
        model = SupportOrganisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Support Line {n}")
    slug = factory.Sequence(lambda n: f"support-line-{n}")
    summary = "Free, confidential advice for families living with dementia."
    phone = "0800 888 6678"
    phone_label = "Helpline"
    website = "https://www.example.org/"
    area_type = AreaType.NATIONAL
    area_name = "England"
    for_families_and_carers = True
    live = True
    locale = factory.LazyFunction(Locale.get_default)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            if create:
                obj.save()


def restore_wagtail_initial_data() -> None:
    """Put back the default locale, root page and default site that Wagtail's migrations
    make, when an earlier transactional test's flush has emptied the tables. (Django's
    serialized_rollback does not do it for live-server tests: with Playwright's event loop
    running in the thread, the connection the test gets does not carry the contents
    serialized when the test database was made, so nothing is restored.)"""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from core.locales import ensure_locales

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)
    ensure_locales()


def build_site_tree() -> dict:
    """A home page as the default site's root, with the library and directory under it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2, content_type__model="page").delete()  # Wagtail's welcome page
    return {
        "home": home,
        "library": ResourceIndexPageFactory(parent=home),
        "directory": SupportOrganisationIndexPageFactory(parent=home),
    }


def translate_into(item, language_code: str, words: dict[str, str]):
    """Translate a page or snippet into a language as an editor does, through
    wagtail-localize, and publish it; `words` gives the translation of English strings (any
    other string is kept as it is). Returns the translation: a page's alias of the English
    becomes a real translation."""
    from starter import translation as starter

    locale = Locale.objects.get(language_code=language_code)
    source, _changed = starter.source_for(item)
    catalogue = {
        ("translated", segment.string.data): words.get(segment.string.data, segment.string.data)
        for segment in starter.source_segments(source)
    }
    outcome = starter.translate(starter.Translatable(item, "translated"), locale, catalogue)
    assert outcome in (starter.TRANSLATED, starter.UPDATED), outcome
    return item.get_translation(locale)
