"""Dates as the NHS.UK date input: day, month and year boxes on every plan form, the NHS.UK
messages when they are wrong, only the wrong boxes highlighted, and what was typed kept. And a
goal's "hoped for by" date in the past is questioned, not silently saved."""

import datetime
import re

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from plan_builder.fields import DateField, read_date
from plan_builder.models import Goal, Person
from plan_builder.tests.reading import field_error
from tests.plan_factories import GoalFactory, date_post
from tests.security.payloads import plan_forms_in_use

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def boxes(html: str, name: str) -> dict[str, dict[str, str]]:
    """Each box of a date as the page has it: its value and whether it is marked in error."""
    found = {}
    for part in ("day", "month", "year"):
        tag = re.search(rf'<input [^>]*name="{name}-{part}"[^>]*>', html).group(0)
        value = re.search(r'value="([^"]*)"', tag)
        found[part] = {
            "value": value.group(1) if value else "",
            "error": "nhsuk-input--error" in tag,
            "numeric": 'inputmode="numeric"' in tag,
            "text": 'type="text"' in tag,
        }
    return found


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["15", "3", "1984"], (datetime.date(1984, 3, 15), None, ())),
        ([" 05 ", "03", "1984"], (datetime.date(1984, 3, 5), None, ())),
        # Urdu (extended Arabic-Indic), Arabic-Indic and full-width digits.
        (
            ["\u06f1\u06f5", "\u0663", "\uff11\uff19\uff18\uff14"],
            (datetime.date(1984, 3, 15), None, ()),
        ),
        (["", "", ""], (None, "empty", ("day", "month", "year"))),
        (["15", "", "1984"], (None, "incomplete", ("month",))),
        (["", "", "1984"], (None, "incomplete", ("day", "month"))),
        (["31", "2", "2025"], (None, "not_real", ("day",))),
        (["15", "abc", "1984"], (None, "not_real", ("month",))),
        (["32", "13", "1984"], (None, "not_real", ("day", "month"))),
        (["15", "3", "84"], (None, "year_digits", ("year",))),
        (["15", "3", "0000"], (None, "not_real", ("year",))),
        (["9" * 5000, "3", "1984"], (None, "not_real", ("day",))),
        (["15", "3", "9" * 5000], (None, "year_digits", ("year",))),
    ],
)
def test_the_three_boxes_are_read_as_a_date_or_say_what_is_wrong(typed, expected):
    found, problem = read_date(typed)

    assert (found, problem and problem.code, problem.parts if problem else ()) == expected


def test_every_date_on_every_plan_form_is_three_boxes():
    """Not the browser's own date picker: its look and order follow the browser's language,
    and it cannot show back what was typed wrongly."""
    dates = []
    for name, form_class in plan_forms_in_use().items():
        for field_name, field in form_class.base_fields.items():
            if isinstance(field, forms.DateField | DateField):
                assert isinstance(field, DateField), f"{name}.{field_name}"
                dates.append(f"{name}.{field_name}")
    assert len(dates) >= 9, dates


def test_a_date_is_a_fieldset_of_three_labelled_numeric_boxes_with_a_hint(signed_in, plan):
    html = signed_in.get(reverse("plan_builder:person_edit", args=[plan.pk])).content.decode()

    assert 'type="date"' not in html
    assert re.search(
        r'<fieldset class="nhsuk-fieldset" aria-describedby="id_date_of_birth-hint">'
        r'\s*<legend class="[^"]*">Date of birth',
        html,
    )
    assert '<div class="nhsuk-hint" id="id_date_of_birth-hint">For example, 15 3 1984</div>' in (
        html
    )
    born = boxes(html, "date_of_birth")
    assert {part: box["value"] for part, box in born.items()} == {
        "day": "17",
        "month": "5",
        "year": "1944",
    }
    assert all(box["numeric"] and box["text"] for box in born.values())
    for part, label in [("day", "Day"), ("month", "Month"), ("year", "Year")]:
        assert re.search(
            rf'<label class="[^"]*" for="id_date_of_birth-{part}">{label}</label>', html
        )


PERSON = {"full_name": "Peggy Example", "preferred_language": "en"}


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "highlighted"),
    [
        ("31", "2", "2025", "Date of birth must be a real date", {"day"}),
        ("15", "abc", "1944", "Date of birth must be a real date", {"month"}),
        ("15", "", "1944", "Date of birth must include a month", {"month"}),
        ("", "", "1944", "Date of birth must include a day and month", {"day", "month"}),
        ("15", "3", "44", "Date of birth must include the year as 4 numbers", {"year"}),
        ("1", "1", "2900", "Enter a date of birth in the past", {"day", "month", "year"}),
    ],
)
def test_a_wrong_date_says_what_to_do_highlights_the_wrong_box_and_keeps_the_typing(
    signed_in, plan, day, month, year, message, highlighted
):
    typed = {"date_of_birth-day": day, "date_of_birth-month": month, "date_of_birth-year": year}

    response = signed_in.post(
        reverse("plan_builder:person_edit", args=[plan.pk]),
        {**PERSON, **typed, "revision": plan.edit_revision},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(html, "id_date_of_birth") == message
    shown = boxes(html, "date_of_birth")
    assert {part for part, box in shown.items() if box["error"]} == highlighted
    assert [shown[part]["value"] for part in ("day", "month", "year")] == [day, month, year]
    first_wrong = next(part for part in ("day", "month", "year") if part in highlighted)
    assert f'<a href="#id_date_of_birth-{first_wrong}">{message}</a>' in html
    assert Person.objects.get(pk=plan.person_id).date_of_birth == datetime.date(1944, 5, 17)


def test_a_date_typed_on_an_urdu_keyboard_is_saved(signed_in, plan):
    response = signed_in.post(
        reverse("plan_builder:person_edit", args=[plan.pk]),
        {
            **PERSON,
            "date_of_birth-day": "\u06f2",
            "date_of_birth-month": "\u06f3",
            "date_of_birth-year": "\u06f1\u06f9\u06f4\u06f4",
            "revision": plan.edit_revision,
        },
    )

    assert response.status_code == 302
    assert Person.objects.get(pk=plan.person_id).date_of_birth == datetime.date(1944, 3, 2)


def test_an_optional_date_left_empty_is_saved_empty(signed_in, plan):
    response = signed_in.post(
        reverse("plan_builder:person_edit", args=[plan.pk]),
        {**PERSON, **date_post("date_of_birth", ""), "revision": plan.edit_revision},
    )

    assert response.status_code == 302
    assert Person.objects.get(pk=plan.person_id).date_of_birth is None


# A goal's "hoped for by" date in the past ------------------------------------------------


def goal_data(plan, **changes) -> dict:
    return {
        "description": "Sing in the choir at Christmas.",
        "importance": "7",
        "status": "active",
        "revision": str(plan.edit_revision),
        **changes,
    }


def test_a_new_goal_hoped_for_by_a_past_date_is_questioned_and_kept_only_when_ticked(
    signed_in, plan
):
    url = reverse("plan_builder:row_add", args=[plan.pk, "goals"])
    last_week = TODAY() - datetime.timedelta(days=7)

    asked = signed_in.post(url, goal_data(plan, **date_post("target_date", last_week)))

    html = asked.content.decode()
    assert asked.status_code == 200
    assert field_error(html, "id_target_date").startswith(
        "The date you hope to do this by is in the past."
    )
    assert 'name="keep_past_target_date"' in html
    assert "Yes, keep this date" in html
    assert not Goal.objects.exists()

    kept = signed_in.post(
        url,
        goal_data(plan, **date_post("target_date", last_week), keep_past_target_date="on"),
    )

    assert kept.status_code == 302
    assert Goal.objects.get().target_date == last_week


def test_a_future_date_needs_no_question_and_the_box_is_not_shown(signed_in, plan):
    url = reverse("plan_builder:row_add", args=[plan.pk, "goals"])

    assert 'name="keep_past_target_date"' not in signed_in.get(url).content.decode()
    response = signed_in.post(
        url, goal_data(plan, **date_post("target_date", TODAY() + datetime.timedelta(days=30)))
    )

    assert response.status_code == 302


def test_a_goal_whose_saved_date_has_passed_is_changed_without_being_asked(signed_in, plan):
    passed = TODAY() - datetime.timedelta(days=40)
    goal = GoalFactory(plan=plan, description="Walk to the shops", target_date=passed)
    url = reverse("plan_builder:row_edit", args=[plan.pk, "goals", goal.pk])

    response = signed_in.post(
        url,
        goal_data(
            plan, description="Walk to the shops and back", **date_post("target_date", passed)
        ),
    )

    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.description, goal.target_date) == ("Walk to the shops and back", passed)


def test_changing_a_goal_to_another_past_date_is_questioned(signed_in, plan):
    goal = GoalFactory(plan=plan, target_date=TODAY() - datetime.timedelta(days=40))
    url = reverse("plan_builder:row_edit", args=[plan.pk, "goals", goal.pk])

    response = signed_in.post(
        url, goal_data(plan, **date_post("target_date", TODAY() - datetime.timedelta(days=10)))
    )

    assert response.status_code == 200
    assert "is in the past" in field_error(response.content.decode(), "id_target_date")
    goal.refresh_from_db()
    assert goal.target_date == TODAY() - datetime.timedelta(days=40)
