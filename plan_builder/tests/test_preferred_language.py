"""The person's preferred language: the main languages of England with Welsh and British Sign
Language, each named in its own language too, and "another language" in the person's words.
A code stored before the list changed is never lost; every place that reads the language
(the person's copy, FHIR, the plan page, the JSON export) still does."""

import importlib
import json

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from plan_builder.fhir import plan_bundle
from plan_builder.forms import PersonForm
from plan_builder.languages import ANOTHER_LANGUAGE, language_choices
from plan_builder.models import Person, Team
from plan_builder.selectors import copy_language
from plan_builder.tests.factories import PersonFactory, PlanFactory
from plan_builder.tests.reading import field_error

pytestmark = pytest.mark.django_db

ISOLATED = "\u2068{}\u2069"


def offered() -> list[tuple[str, str]]:
    form = PersonForm(teams=Team.objects.none())
    return [(str(code), str(label)) for code, label in form.fields["preferred_language"].choices]


def test_english_comes_first_then_the_rest_by_name_then_another_language():
    choices = offered()
    labels = [label for _code, label in choices]

    assert choices[0] == ("en", "English")
    assert choices[-1] == (ANOTHER_LANGUAGE, "Another language")
    assert labels[1:-1] == sorted(labels[1:-1], key=str.casefold)
    codes = {code for code, _label in choices}
    census = {"pl", "ro", "pa", "ur", "pt", "es", "ar", "bn", "gu", "it", "fr", "yue", "cmn"}
    assert census | {"ta", "tr", "lt", "so", "fa", "cy", "bfi"} <= codes
    assert "eo" not in codes and "en-gb" not in codes, "not every language Django knows"


def test_each_language_is_named_in_its_own_language_too():
    labels = dict(offered())

    assert labels["ur"] == f"Urdu ({ISOLATED.format('اردو')})"
    assert labels["pl"] == f"Polish ({ISOLATED.format('polski')})"
    assert labels["bfi"] == "British Sign Language (BSL)"
    assert labels["cy"] == f"Welsh ({ISOLATED.format('Cymraeg')})"
    with translation.override("cy"):
        welsh = dict(offered())
    # In Welsh, Welsh is named once, in Welsh.
    assert welsh["cy"] == "Cymraeg"


def test_a_site_can_give_its_own_list(settings):
    settings.PLAN_BUILDER_LANGUAGES = [("en", "English"), ("gd", "Scottish Gaelic", "Gàidhlig")]

    assert offered() == [
        ("en", "English"),
        ("gd", f"Scottish Gaelic ({ISOLATED.format('Gàidhlig')})"),
        (ANOTHER_LANGUAGE, "Another language"),
    ]


PERSON = {"full_name": "Nasreen Akhtar"}


def save_person(client, plan, **values):
    return client.post(
        reverse("plan_builder:person_edit", args=[plan.pk]),
        {**PERSON, **values, "revision": plan.edit_revision},
    )


def test_another_language_is_kept_in_the_persons_words(signed_in, plan):
    response = save_person(
        signed_in, plan, preferred_language=ANOTHER_LANGUAGE, preferred_language_other="Krio"
    )

    assert response.status_code == 302
    person = Person.objects.get(pk=plan.person_id)
    assert (person.preferred_language, person.preferred_language_other) == ("other", "Krio")
    page = signed_in.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()
    assert "Krio" in page


def test_another_language_needs_its_name_and_a_name_needs_another_language(signed_in, plan):
    empty = save_person(signed_in, plan, preferred_language=ANOTHER_LANGUAGE)
    assert field_error(empty.content.decode(), "id_preferred_language_other") == (
        "Enter the language they prefer"
    )

    mismatch = save_person(
        signed_in, plan, preferred_language="en", preferred_language_other="Krio"
    )
    html = mismatch.content.decode()
    assert "Choose “Another language” in the list" in field_error(
        html, "id_preferred_language_other"
    )
    assert 'value="Krio"' in html
    assert Person.objects.get(pk=plan.person_id).preferred_language_other == ""


def test_a_code_no_longer_listed_is_offered_again_and_kept_when_saving(signed_in, team):
    plan = PlanFactory(person=PersonFactory(team=team, preferred_language="eo"))
    url = reverse("plan_builder:person_edit", args=[plan.pk])

    form = signed_in.get(url).content.decode()
    assert '<option value="eo" selected>Esperanto</option>' in form
    response = save_person(signed_in, plan, preferred_language="eo", gp_practice="Moved GP")

    assert response.status_code == 302
    assert Person.objects.get(pk=plan.person_id).preferred_language == "eo"
    page = signed_in.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()
    assert "Esperanto" in page


def test_the_plan_page_names_the_language_in_both(signed_in, team):
    plan = PlanFactory(person=PersonFactory(team=team, preferred_language="ur"))

    page = signed_in.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()

    assert f"Urdu ({ISOLATED.format('اردو')})" in page


@pytest.mark.parametrize(
    ("code", "other", "expected"),
    [
        ("bfi", "", {"coding": [{"system": "urn:ietf:bcp:47", "code": "bfi"}]}),
        ("ur", "", {"coding": [{"system": "urn:ietf:bcp:47", "code": "ur", "display": "Urdu"}]}),
        (ANOTHER_LANGUAGE, "Krio", {"text": "Krio"}),
    ],
)
def test_fhir_carries_the_language_as_bcp_47_or_in_words(team, code, other, expected):
    plan = PlanFactory(
        person=PersonFactory(team=team, preferred_language=code, preferred_language_other=other)
    )

    bundle = plan_bundle(plan, base_url="https://plans.example/")
    (patient,) = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    ]
    language = patient["communication"][0]["language"]

    if "coding" in expected:
        coding = language["coding"][0]
        assert {key: coding[key] for key in expected["coding"][0]} == expected["coding"][0]
        assert "\u2068" not in coding["display"], "the display is the plain name"
    else:
        assert language == expected


def test_the_copy_is_in_english_for_bsl_and_another_language(team):
    for code in ("bfi", ANOTHER_LANGUAGE, "yue"):
        assert copy_language(PersonFactory(team=team, preferred_language=code)) == "en"
    assert copy_language(PersonFactory(team=team, preferred_language="cy")) == "cy"


def test_the_json_export_holds_both(client, team):
    from plan_builder.tests.factories import practitioner

    plan = PlanFactory(
        person=PersonFactory(
            team=team, preferred_language=ANOTHER_LANGUAGE, preferred_language_other="Krio"
        )
    )
    client.force_login(practitioner(team, is_lead=True))

    response = client.get(reverse("plan_builder:person_export", args=[plan.pk, "json"]))

    person = json.loads(response.content)["person"]
    assert (person["preferred_language"], person["preferred_language_other"]) == ("other", "Krio")


def test_the_migration_maps_django_codes_to_the_listed_language_and_keeps_the_rest(team):
    migration = importlib.import_module(
        "plan_builder.migrations.0004_preferred_languages_for_england"
    )
    stored = {"en-gb": "en", "pt-br": "pt", "es-mx": "es", "ur": "ur", "eo": "eo", "bfi": "bfi"}
    people = {code: PersonFactory(team=team, preferred_language=code) for code in stored}

    migration.map_earlier_codes(apps, None)

    for code, person in people.items():
        person.refresh_from_db()
        assert person.preferred_language == stored[code], code


def test_language_choices_keep_only_a_stored_code_not_listed():
    assert [code for code, _ in language_choices(keep="ur")].count("ur") == 1
    assert language_choices(keep="eo")[-2][0] == "eo"
    assert [code for code, _ in language_choices(keep="other")].count("other") == 1
