"""Topics are a managed list: editors choose from it, moderators create and rename topics
with their name in every language, and a name shown in English on a page in another
language is marked as English."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale

from editorial.groups import ensure_editorial_groups
from resources.models import ResourcePage, SupportOrganisation, Topic, TopicLabel
from starter import translation as starter
from tests.factories import ResourcePageFactory, SupportOrganisationFactory, TopicFactory
from tests.plan_factories import PlanFactory, TeamFactory, practitioner

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsnippets_resources_topic:add")


def member_of(group_name: str, username: str):
    user = get_user_model().objects.create_user(username=username, password="x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def moderator(client):
    user = member_of("Moderators", "mo")
    client.force_login(user)
    return user


def topic_form_data(**names) -> dict:
    return {"name": "", "name_cy": "", "name_ur": "", "name_pl": "", **names}


def form_errors(response) -> dict[str, list[str]]:
    form = response.context["form"]
    return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


# Permissions ------------------------------------------------------------------------------


def test_editors_see_the_topics_but_cannot_create_or_rename_them(client, site_tree):
    topic = TopicFactory(name="Goal setting")
    client.force_login(member_of("Editors", "eddie"))

    listing = client.get(reverse("wagtailsnippets_resources_topic:list"))
    assert listing.status_code == 200
    assert "Goal setting" in listing.content.decode()
    assert ADD_URL not in listing.content.decode()

    edit_url = reverse("wagtailsnippets_resources_topic:edit", args=[topic.pk])
    for url in (ADD_URL, edit_url):
        assert client.get(url).status_code == 302  # Wagtail's "permission denied"
    client.post(ADD_URL, topic_form_data(name="Gardening"))
    client.post(edit_url, topic_form_data(name="Renamed"))
    assert list(Topic.objects.values_list("name", flat=True)) == ["Goal setting"]


def test_moderators_create_and_rename_topics(client, site_tree, moderator):
    listing = client.get(reverse("wagtailsnippets_resources_topic:list")).content.decode()
    assert ADD_URL in listing
    assert client.get(ADD_URL).status_code == 200


def test_a_permission_taken_off_the_lists_is_taken_from_the_group_on_migrate(db):
    editors = Group.objects.get(name="Editors")
    add_topic = Permission.objects.get(content_type__app_label="resources", codename="add_topic")
    access_admin = Permission.objects.get(codename="access_admin")
    editors.permissions.add(add_topic)

    ensure_editorial_groups(sender=None)

    assert not editors.permissions.filter(pk=add_topic.pk).exists()
    assert editors.permissions.filter(pk=access_admin.pk).exists()  # Wagtail's own: kept


def test_the_topic_field_offers_only_existing_topics_and_drops_invented_ones(site_tree):
    TopicFactory(name="Goal setting")
    for edit_handler in (
        ResourcePage.get_edit_handler(),
        SupportOrganisation.snippet_viewset.get_edit_handler(),
    ):
        form_class = edit_handler.get_form_class()
        field = form_class.base_fields["topics"]
        assert field.clean("Goal setting, Gardening") == ["Goal setting"]
        context = field.widget.get_context("topics", None, {})
        assert '"autocompleteOnly": true' in context["widget"]["attrs"]["data-w-tag-options-value"]
        assert "Moderators add new topics" in context["widget"]["help_text"]
    assert not Topic.objects.filter(name="Gardening").exists()


# The topic form ---------------------------------------------------------------------------


def labels_of(topic: Topic) -> dict[str, str]:
    return dict(topic.labels.values_list("locale__language_code", "name"))


def test_the_form_asks_for_the_name_in_every_language(client, site_tree, moderator):
    page = client.get(ADD_URL).content.decode()
    for language in ("English", "Welsh", "Urdu", "Polish"):
        assert f"Name in {language}" in page

    response = client.post(
        ADD_URL,
        topic_form_data(
            name="Staying active", name_cy="Cadw'n heini", name_ur="متحرک رہنا", name_pl=""
        ),
    )
    assert response.status_code == 302
    topic = Topic.objects.get(name="Staying active")
    assert topic.slug == "staying-active"
    assert labels_of(topic) == {"en": "Staying active", "cy": "Cadw'n heini", "ur": "متحرک رہنا"}
    english = TopicLabel.objects.get(topic=topic, locale__language_code="en")
    welsh = TopicLabel.objects.get(topic=topic, locale__language_code="cy")
    assert welsh.get_translation(english.locale) == english  # one translatable label


def test_renaming_keeps_the_address_and_the_labels_in_step(client, site_tree, moderator):
    topic = TopicFactory(name="Staying active", slug="staying-active")
    TopicLabel.objects.create(
        topic=topic,
        locale=Locale.objects.get(language_code="cy"),
        name="Cadw'n heini",
        translation_key=TopicLabel.objects.get(topic=topic).translation_key,
    )
    edit_url = reverse("wagtailsnippets_resources_topic:edit", args=[topic.pk])
    assert 'value="Cadw&#x27;n heini"' in client.get(edit_url).content.decode()

    response = client.post(
        edit_url, topic_form_data(name="Keeping active", name_cy="", name_pl="Aktywność")
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert (topic.name, topic.slug) == ("Keeping active", "staying-active")
    assert labels_of(topic) == {"en": "Keeping active", "pl": "Aktywność"}


def test_the_form_explains_what_is_wrong(client, site_tree, moderator):
    goals = TopicFactory(name="Goal setting")
    TopicLabel.objects.create(
        topic=goals,
        locale=Locale.objects.get(language_code="cy"),
        name="Gosod nodau",
        translation_key=TopicLabel.objects.get(topic=goals).translation_key,
    )

    response = client.post(ADD_URL, topic_form_data(name_cy="Rhywbeth"))
    assert form_errors(response)["name"] == ["This field is required."]

    response = client.post(ADD_URL, topic_form_data(name="goal  SETTING", name_cy="gosod nodau"))
    errors = form_errors(response)
    assert errors["name"] == ["There is already a topic called 'goal SETTING'."]
    assert errors["name_cy"] == ["'Goal setting' is already called 'gosod nodau' in Welsh."]
    assert "Rhywbeth" not in TopicLabel.objects.values_list("name", flat=True)
    assert Topic.objects.count() == 1


def test_the_topic_list_shows_each_languages_name(client, site_tree, moderator):
    topic = TopicFactory(name="Goal setting")
    TopicLabel.objects.create(
        topic=topic,
        locale=Locale.objects.get(language_code="ur"),
        name="مقاصد طے کرنا",
        translation_key=TopicLabel.objects.get(topic=topic).translation_key,
    )
    page = client.get(reverse("wagtailsnippets_resources_topic:list")).content.decode()
    assert "مقاصد طے کرنا" in page
    assert page.count("Not translated: shown in English") == 2  # Welsh and Polish


# English names on pages in other languages --------------------------------------------------


@pytest.fixture
def english_only_topic(site_tree):
    """A resource and an organisation with two topics: one named in Welsh and Urdu, one only
    in English."""
    named = TopicFactory(name="Goal setting", slug="goal-setting")
    english_only = TopicFactory(name="Peer support", slug="peer-support")
    english_label = TopicLabel.objects.get(topic=named)
    for code, name in (("cy", "Gosod nodau"), ("ur", "مقاصد طے کرنا")):
        TopicLabel.objects.create(
            topic=named,
            locale=Locale.objects.get(language_code=code),
            name=name,
            translation_key=english_label.translation_key,
        )
    resource = ResourcePageFactory(
        parent=site_tree["library"], title="My Life, My Goals", topics=[named, english_only]
    )
    organisation = SupportOrganisationFactory(name="Admiral Nurse Helpline", slug="admiral")
    organisation.topics.set([named, english_only])
    organisation.save()
    starter.sync_locale_trees()
    return resource


def marked(page: str, name: str) -> bool:
    """Whether `name` is in an element marked as English (lang and dir)."""
    return bool(re.search(rf'lang="en" dir="ltr">{re.escape(name)}<', page))


@pytest.mark.parametrize(("code", "translated"), [("cy", "Gosod nodau"), ("ur", "مقاصد طے کرنا")])
def test_an_english_topic_name_is_marked_as_english_on_every_page(
    client, english_only_topic, code, translated
):
    resource = english_only_topic
    paths = [
        f"/{code}/",  # the home page's topic list
        f"/{code}/resources/",  # the library's filters
        f"/{code}/resources/{resource.slug}/",
        f"/{code}/support-organisations/",  # the directory's filters
        f"/{code}/support-organisations/admiral/",
    ]
    for path in paths:
        page = client.get(path).content.decode()
        assert marked(page, "Peer support"), path
        assert translated in page, path
        assert not marked(page, translated), path


def test_in_english_nothing_is_marked(client, english_only_topic):
    for path in ("/en/", "/en/resources/", "/en/support-organisations/admiral/"):
        page = client.get(path).content.decode()
        assert "Peer support" in page
        assert not marked(page, "Peer support")


def test_the_attach_search_filter_names_topics_in_the_practitioners_language(
    client, english_only_topic
):
    team = TeamFactory()
    plan = PlanFactory(person__team=team)
    client.force_login(practitioner(team))
    page = client.get(
        reverse("plan_builder:attach_search", args=[plan.pk]),
        {"type": "resources.resourcepage"},
        headers={"accept-language": "ur"},
    ).content.decode()
    assert '<html lang="ur" dir="rtl">' in page
    assert "مقاصد طے کرنا" in page
    assert marked(page, "Peer support")
    assert not marked(page, "مقاصد طے کرنا")
