"""What people need to know before they call: opening hours, what the call costs, the
languages spoken and whether interpreters or British Sign Language are offered. Shown on the
organisation's page and, briefly, in the directory and search results, when known; never as
an empty row when not. Facts are the same in every language; words are translated."""

import re

import pytest
from wagtail.models import Locale

from resources.choices import Availability, CallCost
from resources.models import SupportOrganisation
from starter import translation as starter
from starter.data.organisations import SUPPORT_ORGANISATIONS
from starter.loaders.organisations import ORGANISATION_FIELDS
from tests.factories import SupportOrganisationFactory

pytestmark = pytest.mark.django_db

HOURS = "Monday to Friday, 9am to 5pm.\nSaturday, 10am to 2pm."


@pytest.fixture
def organisation(site_tree):
    return SupportOrganisationFactory(
        name="Carers Helpline",
        slug="carers-helpline",
        phone="0800 888 6678",
        phone_label="Helpline",
        call_cost=CallCost.FREE,
        opening_hours=HOURS,
        languages="English, Urdu and Punjabi",
        interpreters=Availability.YES,
        british_sign_language=Availability.NO,
    )


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_organisation_page_says_when_to_call_what_it_costs_and_how(client, organisation):
    page = text_of(client.get("/en/support-organisations/carers-helpline/").content.decode())
    assert "Helpline: 0800 888 6678 Free to call, from landlines and mobiles" in page
    assert "Opening hours Monday to Friday, 9am to 5pm. Saturday, 10am to 2pm." in page
    assert "Languages English, Urdu and Punjabi" in page
    assert "Interpreters They can arrange an interpreter." in page
    assert "British Sign Language (BSL) They do not offer BSL." in page


def test_directory_and_search_results_give_the_cost_and_hours_briefly(client, organisation):
    for path in ("/en/support-organisations/", "/en/search/?q=Carers+Helpline"):
        page = text_of(client.get(path).content.decode())
        assert "Helpline: 0800 888 6678 (Free to call, from landlines and mobiles)" in page, path
        assert "Opening hours: Monday to Friday, 9am to 5pm. Saturday, 10am to 2pm." in page
        assert "They can arrange an interpreter." in page, path


def test_what_is_not_known_is_not_shown(client, site_tree):
    SupportOrganisationFactory(name="Quiet Line", slug="quiet-line", phone="0161 496 0000")
    for path in ("/en/support-organisations/quiet-line/", "/en/support-organisations/"):
        page = text_of(client.get(path).content.decode())
        assert "Phone: 0161 496 0000" in page or "Helpline: 0161 496 0000" in page, path
        for absent in ("Opening hours", "Free to call", "Interpreters", "interpreter", "BSL"):
            assert absent not in page, (path, absent)


def test_facts_are_kept_in_every_language_and_words_are_translated(client, organisation):
    starter.sync_locale_trees()
    outcome = starter.translate(
        starter.Translatable(organisation, "test"),
        Locale.objects.get(language_code="ur"),
        {
            ("test", english): urdu
            for english, urdu in {
                organisation.name: "کیررز ہیلپ لائن",
                organisation.summary: "خاندانوں کے لیے مفت مشورہ",
                organisation.phone_label: "ہیلپ لائن",
                organisation.area_name: "انگلینڈ",
                # wagtail-localize gives translators a text field's lines as <br/>.
                "Monday to Friday, 9am to 5pm.<br/>Saturday, 10am to 2pm.": "پیر سے جمعہ",
                organisation.languages: "انگریزی، اردو اور پنجابی",
            }.items()
        },
    )
    assert outcome == starter.TRANSLATED
    urdu = SupportOrganisation.objects.get(
        translation_key=organisation.translation_key, locale__language_code="ur"
    )
    assert (urdu.call_cost, urdu.interpreters, urdu.british_sign_language) == ("free", "yes", "no")
    assert (urdu.opening_hours, urdu.languages) == ("پیر سے جمعہ", "انگریزی، اردو اور پنجابی")

    organisation.call_cost = CallCost.LOCAL_RATE
    organisation.save_revision().publish()
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get(object_id=organisation.translation_key)
    source.update_from_db()
    source.create_or_update_translation(urdu.locale)
    urdu.refresh_from_db()
    assert urdu.call_cost == "local-rate"  # synchronised: the fact follows the English


def test_starter_organisations_with_free_numbers_say_so():
    costs = {item["slug"]: item.get("call_cost", "") for item in SUPPORT_ORGANISATIONS}
    for item in SUPPORT_ORGANISATIONS:
        if item["phone"].startswith(("0800", "0808")):
            assert costs[item["slug"]] == CallCost.FREE, item["slug"]
        elif item["phone"].startswith("03"):
            assert costs[item["slug"]] == CallCost.LOCAL_RATE, item["slug"]
    assert {"call_cost", "interpreters", "british_sign_language"} <= set(ORGANISATION_FIELDS)
