"""The support-organisation directory: listing, filters, detail pages, sitemap, the rules
editors meet, and who may publish in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from resources.choices import AreaType
from resources.models import SupportOrganisation
from tests.factories import SupportOrganisationFactory, TopicFactory
from tests.resources.reading import cold_queries, read_listing, settle_site

pytestmark = pytest.mark.django_db

# Measured on SQLite with the test settings, with an empty content cache; the same with 5 or
# 25 organisations. 20 before languages: + this page in each language.
COLD_DIRECTORY_QUERIES = 21

SNIPPET_ADMIN = "/admin/snippets/resources/supportorganisation/"


def for_only(audience_field: str) -> dict:
    fields = {
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": False,
    }
    fields[audience_field] = True
    return fields


def other_locale() -> Locale:
    return Locale.objects.get_or_create(language_code="cy")[0]


def visit_directory(client, site_tree, query=""):
    return read_listing(client.get(site_tree["directory"].url + (f"?{query}" if query else "")))


def page_text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def validation_errors(organisation) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()
    return raised.value.message_dict


@pytest.fixture
def directory(site_tree):
    """Four organisations spread across topics, audiences and areas."""
    money = TopicFactory(name="Money", slug="money")
    respite = TopicFactory(name="Respite", slug="respite")
    SupportOrganisationFactory(
        name="Carers Trust",
        slug="carers-trust",
        topics=[respite],
        area_type=AreaType.NATIONAL,
        **for_only("for_families_and_carers"),
    )
    SupportOrganisationFactory(
        name="Age Advice Salford",
        slug="age-advice-salford",
        topics=[money],
        area_type=AreaType.LOCAL_AUTHORITY,
        area_name="Salford",
        for_people_with_dementia=True,
        for_families_and_carers=True,
    )
    SupportOrganisationFactory(
        name="Dementia Friends North West",
        slug="dementia-friends-north-west",
        topics=[money, respite],
        area_type=AreaType.REGION,
        area_name="North West",
        **for_only("for_people_with_dementia"),
    )
    SupportOrganisationFactory(
        name="Practice Network",
        slug="practice-network",
        area_type=AreaType.NATIONAL,
        **for_only("for_practitioners"),
    )
    return site_tree


# --- The directory ------------------------------------------------------------------------


def test_directory_lists_live_organisations_alphabetically(client, directory):
    page = visit_directory(client, directory)

    assert page.titles == [
        "Age Advice Salford",
        "Carers Trust",
        "Dementia Friends North West",
        "Practice Network",
    ]
    assert page.heading == "4 organisations"


def test_directory_leaves_out_drafts_and_other_languages(client, site_tree):
    SupportOrganisationFactory(name="Alzheimer Helpline", slug="helpline")
    SupportOrganisationFactory(name="Draft Helpline", slug="draft", live=False)
    SupportOrganisationFactory(name="Llinell Gymorth", slug="helpline", locale=other_locale())

    page = visit_directory(client, site_tree)

    assert page.titles == ["Alzheimer Helpline"]
    assert page.heading == "1 organisation"


def test_each_listed_organisation_links_to_its_page_with_its_phone(client, site_tree):
    organisation = SupportOrganisationFactory(name="Alzheimer Helpline", slug="helpline")

    response = client.get(site_tree["directory"].url)

    assert read_listing(response).results == [
        ("Alzheimer Helpline", "/en/support-organisations/helpline/")
    ]
    assert organisation.get_url() == "/en/support-organisations/helpline/"
    assert 'Helpline: <a href="tel:+44-800-888-6678" dir="ltr">0800 888 6678</a>' in page_text(
        response
    )


def test_filtering_by_topic(client, directory):
    page = visit_directory(client, directory, "topic=money")

    assert page.titles == ["Age Advice Salford", "Dementia Friends North West"]
    assert page.checked() == {("topic", "money")}


def test_filtering_by_audience(client, directory):
    page = visit_directory(client, directory, "audience=families-and-carers")

    assert page.titles == ["Age Advice Salford", "Carers Trust"]


def test_filtering_by_area(client, directory):
    page = visit_directory(client, directory, "area=national")

    assert page.titles == ["Carers Trust", "Practice Network"]
    assert page.checked() == {("area", "national")}


def test_filters_combine_and_across_groups_or_within(client, directory):
    page = visit_directory(
        client, directory, "area=region&area=local-authority&audience=families-and-carers"
    )

    assert page.titles == ["Age Advice Salford"]


def test_directory_counts_follow_the_other_filters(client, directory):
    unfiltered = visit_directory(client, directory)
    for_people = visit_directory(client, directory, "audience=people-with-dementia")

    assert unfiltered.counts("topic") == {"money": 2, "respite": 2}
    assert unfiltered.counts("area") == {"national": 2, "region": 1, "local-authority": 1}
    assert for_people.counts("topic") == {"money": 2, "respite": 1}
    assert for_people.counts("area") == {"region": 1, "local-authority": 1}
    assert for_people.counts("audience") == unfiltered.counts("audience")


def test_unknown_directory_filters_are_ignored(client, directory):
    response = client.get(directory["directory"].url + "?area=%3Cscript%3E&topic=nope&page=x")

    assert read_listing(response).heading == "4 organisations"
    assert "<script>" not in page_text(response)


def test_an_unpublished_organisation_leaves_the_directory_at_once(client, directory):
    settle_site(client, directory)
    assert "Carers Trust" in visit_directory(client, directory).titles

    SupportOrganisation.objects.get(slug="carers-trust").unpublish()

    assert "Carers Trust" not in visit_directory(client, directory).titles
    assert visit_directory(client, directory).counts("topic") == {"money": 2, "respite": 1}


def test_a_published_organisation_joins_the_directory_at_once(client, directory):
    settle_site(client, directory)
    draft = SupportOrganisationFactory(name="Befriending Service", slug="befriending", live=False)
    assert "Befriending Service" not in visit_directory(client, directory).titles

    draft.save_revision().publish()

    assert "Befriending Service" in visit_directory(client, directory).titles
    assert client.get("/en/support-organisations/befriending/").status_code == 200


# --- An organisation's page ---------------------------------------------------------------


def test_organisation_page_shows_how_to_contact_them(client, site_tree):
    respite = TopicFactory(name="Respite", slug="respite")
    organisation = SupportOrganisationFactory(
        name="Carers Helpline",
        slug="carers-helpline",
        summary="Free advice for anyone caring for someone with dementia.",
        phone="0800 888 6678",
        phone_label="Helpline",
        website="https://www.carers-helpline.example/",
        area_type=AreaType.REGION,
        area_name="North West",
        for_people_with_dementia=True,
        for_families_and_carers=True,
        topics=[respite],
    )

    html = page_text(client.get(organisation.get_url()))

    assert "<h1>Carers Helpline</h1>" in html
    assert "Free advice for anyone caring for someone with dementia." in html
    assert '<a href="tel:+44-800-888-6678" dir="ltr">0800 888 6678</a>' in html
    assert (
        '<a href="https://www.carers-helpline.example/">Go to the Carers Helpline website</a>'
        in html
    )
    assert "Region: North West" in html
    assert (
        '<a href="/en/support-organisations/?audience=people-with-dementia">'
        "People living with dementia</a>"
    ) in html
    assert (
        '<a href="/en/support-organisations/?audience=families-and-carers">Families and carers</a>'
        in html
    )
    assert '<a href="/en/support-organisations/?topic=respite">Respite</a>' in html


def test_an_overseas_number_is_shown_in_international_format(client, site_tree):
    organisation = SupportOrganisationFactory(slug="overseas", phone="+1 202 555 0143")

    html = page_text(client.get(organisation.get_url()))

    assert '<a href="tel:+1-202-555-0143" dir="ltr">+1 202-555-0143</a>' in html


def test_a_draft_organisation_page_is_not_found(client, site_tree):
    SupportOrganisationFactory(name="Draft Helpline", slug="draft-helpline", live=False)

    response = client.get("/en/support-organisations/draft-helpline/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Draft Helpline" not in response.content.decode()


def test_an_organisation_in_another_language_is_not_served_here(client, site_tree):
    SupportOrganisationFactory(name="Llinell Gymorth", slug="llinell", locale=other_locale())

    assert client.get("/en/support-organisations/llinell/").status_code == 404


def test_an_unknown_organisation_address_is_not_found(client, site_tree):
    response = client.get("/en/support-organisations/no-such-organisation/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


# --- Rules when saving an organisation ----------------------------------------------------


@pytest.mark.parametrize("phone", ["12345", "not a number"])
def test_a_phone_number_that_cannot_be_dialled_is_rejected(site_tree, phone):
    organisation = SupportOrganisationFactory.build(phone=phone)

    errors = validation_errors(organisation)

    assert list(errors) == ["phone"]
    assert "phone number" in errors["phone"][0]


def test_a_too_short_number_is_named_in_the_error(site_tree):
    errors = validation_errors(SupportOrganisationFactory.build(phone="12345"))

    assert errors["phone"] == ["12345 is not a valid phone number. Check the number of digits."]


@pytest.mark.parametrize("phone", ["0800 888 6678", "+44 20 7946 0000", ""])
def test_a_real_phone_number_or_none_is_accepted(site_tree, phone):
    SupportOrganisationFactory.build(phone=phone).full_clean()


def test_two_organisations_cannot_share_an_address(site_tree):
    SupportOrganisationFactory(slug="carers-uk")

    errors = validation_errors(SupportOrganisationFactory.build(slug="carers-uk"))

    assert errors["slug"] == ["Another organisation already uses this address."]


def test_the_same_address_is_allowed_in_another_language(site_tree):
    SupportOrganisationFactory(slug="carers-uk")

    SupportOrganisationFactory.build(slug="carers-uk", locale=other_locale()).full_clean()


def test_an_organisation_can_be_saved_again_with_its_own_address(site_tree):
    SupportOrganisationFactory(slug="carers-uk").full_clean()


def test_an_organisation_must_say_who_it_helps(site_tree):
    organisation = SupportOrganisationFactory.build(for_families_and_carers=False)

    errors = validation_errors(organisation)

    assert any("at least one group" in message for message in errors["for_people_with_dementia"])


# --- Sitemap ------------------------------------------------------------------------------


def test_sitemap_lists_every_live_organisation_and_no_drafts(client, site_tree):
    for number in range(3):
        SupportOrganisationFactory(slug=f"helpline-{number}")
    SupportOrganisationFactory(slug="draft-helpline", live=False)
    SupportOrganisationFactory(slug="llinell", locale=other_locale())

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    directory_url = site_tree["directory"].get_full_url()  # the site's own host name
    assert directory_url.endswith("/en/support-organisations/")
    assert f"<loc>{directory_url}</loc>" in xml
    for number in range(3):
        assert f"<loc>{directory_url}helpline-{number}/</loc>" in xml
    assert "draft-helpline" not in xml
    assert "llinell" not in xml


# --- Query budget -------------------------------------------------------------------------


def cold_directory_queries(client, site_tree) -> int:
    return cold_queries(client, site_tree, site_tree["directory"].url)


def add_organisations(count, start=0):
    topics = [TopicFactory(name=f"Need {number}", slug=f"need-{number}") for number in range(3)]
    for number in range(start, start + count):
        SupportOrganisationFactory(
            name=f"Organisation {number:03d}",
            area_type=list(AreaType)[number % len(AreaType)],
            topics=[topics[number % 3]],
        )


def test_directory_queries_do_not_grow_with_the_number_of_organisations(client, site_tree):
    add_organisations(5)
    small = cold_directory_queries(client, site_tree)
    add_organisations(20, start=5)
    large = cold_directory_queries(client, site_tree)

    assert visit_directory(client, site_tree).heading == "25 organisations Page 1 of 2"
    assert small == large
    assert large == COLD_DIRECTORY_QUERIES


def test_directory_stays_within_its_query_ceiling(client, site_tree, django_assert_max_num_queries):
    add_organisations(25)
    settle_site(client, site_tree)
    cache.clear()

    with django_assert_max_num_queries(COLD_DIRECTORY_QUERIES):
        assert client.get(site_tree["directory"].url + "?area=national").status_code == 200


# --- The admin ----------------------------------------------------------------------------


def user_in(django_user_model, group_name: str):
    user = django_user_model.objects.create_user(
        username=group_name.lower(), email=f"{group_name.lower()}@example.org", password="pw"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_superuser_sees_organisations_in_the_admin(client, site_tree, django_user_model):
    # Drafts are listed too: the admin is where editors find them.
    SupportOrganisationFactory(name="Carers Trust")
    SupportOrganisationFactory(name="Age Advice Salford", live=False)
    client.force_login(
        django_user_model.objects.create_superuser(
            username="admin", email="admin@example.org", password="pw"
        )
    )

    response = client.get(SNIPPET_ADMIN)

    html = page_text(response)
    assert "Carers Trust" in html
    assert "Age Advice Salford" in html


def test_an_editor_can_start_an_organisation_but_not_publish_it(
    client, site_tree, django_user_model
):
    client.force_login(user_in(django_user_model, "Editors"))

    html = page_text(client.get(SNIPPET_ADMIN + "add/"))

    assert 'name="name"' in html
    assert 'name="action-publish"' not in html


def test_an_editor_cannot_publish_changes_to_an_organisation(client, site_tree, django_user_model):
    organisation = SupportOrganisationFactory(name="Carers Trust")
    client.force_login(user_in(django_user_model, "Editors"))

    html = page_text(client.get(f"{SNIPPET_ADMIN}edit/{organisation.pk}/"))

    assert "Carers Trust" in html
    assert 'name="action-publish"' not in html


def test_a_moderator_can_publish_an_organisation(client, site_tree, django_user_model):
    organisation = SupportOrganisationFactory(name="Carers Trust")
    client.force_login(user_in(django_user_model, "Moderators"))

    html = page_text(client.get(f"{SNIPPET_ADMIN}edit/{organisation.pk}/"))

    assert 'name="action-publish"' in html


def test_visitors_who_are_not_signed_in_cannot_open_the_admin_listing(client, site_tree):
    response = client.get(SNIPPET_ADMIN)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
