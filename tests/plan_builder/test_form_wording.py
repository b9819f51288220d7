"""What every plan form says and offers: no blank pre-selected radio, "(optional)" only on
fields that are optional, error messages that name the field and say what to do (never
Django's "This field is required."), "Error:" first in the title of a page with a form error,
and 1-10 scores as a labelled row of radios."""

import re

import pytest
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.urls import reverse

from plan_builder import forms as plan_forms
from plan_builder.fields import DateField, ScaleField
from plan_builder.models import Team
from plan_builder.tests.reading import field_error
from tests.plan_factories import GoalFactory, date_post
from tests.security.payloads import plan_forms_in_use

pytestmark = pytest.mark.django_db


def every_form(plan) -> dict[str, forms.BaseForm]:
    """One of each form the plan builder shows, as its view makes it."""
    kwargs = {
        plan_forms.PersonForm: {"teams": Team.objects.all()},
        plan_forms.NewPlanForm: {"teams": Team.objects.all()},
        plan_forms.AttachmentForm: {"plan": plan, "is_service": True},
        plan_forms.PersonDeleteForm: {"person": plan.person},
    }
    made = {name: form(**kwargs.get(form, {})) for name, form in plan_forms_in_use().items()}
    made["sign-in"] = plan_forms.SignInForm()
    return made


DJANGO_DEFAULTS = {
    message
    for field_class in (
        forms.Field,
        forms.CharField,
        forms.ChoiceField,
        forms.TypedChoiceField,
        forms.ModelChoiceField,
        forms.EmailField,
        forms.IntegerField,
        forms.DateField,
        forms.MultiValueField,
    )
    for message in field_class.default_error_messages.values()
} | {
    "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    str(ProhibitNullCharactersValidator.message),
    "Enter a valid email address.",
    "Enter a date",
}


def test_no_field_of_any_plan_form_keeps_a_django_message(plan):
    checked = []
    for name, form in every_form(plan).items():
        for field_name, field in form.fields.items():
            if isinstance(field.widget, forms.HiddenInput):
                continue  # the revision: the error summary explains a stale page instead
            codes = ["null_characters_not_allowed", "max_length", "invalid", "invalid_choice"]
            if field.required or getattr(field, "when_needed", False):
                codes.append("required")
            if isinstance(field, forms.ChoiceField):
                codes.append("required")
            for code in codes:
                message = field.error_messages.get(code)
                if message is None:
                    continue
                assert str(message) not in {str(default) for default in DJANGO_DEFAULTS}, (
                    f"{name}.{field_name} says Django's {code!r} message: {message}"
                )
                checked.append(f"{name}.{field_name}.{code}")
    assert len(checked) > 100


def test_required_messages_say_what_to_do_for_this_field(plan):
    form = every_form(plan)
    assert form["new-plan"].fields["full_name"].error_messages["required"] == (
        "Enter the person's full name"
    )
    assert form["new-plan"].fields["review_due"].error_messages["required"] == (
        "Enter the date of the next review"
    )
    assert form["row:goals"].fields["importance"].error_messages["required"] == (
        "Choose how important the goal is, from 1 to 10"
    )
    assert form["sign-in"].fields["username"].error_messages["required"] == "Enter your username"
    assert form["row:strengths"].fields["text"].error_messages["max_length"] == (
        "The strength must be 500 characters or fewer"
    )


def test_sign_in_with_nothing_typed_says_what_to_enter_and_the_title_says_error(client):
    response = client.post("/plans/sign-in/", {"username": "", "password": ""})

    html = response.content.decode()
    assert field_error(html, "id_username") == "Enter your username"
    assert field_error(html, "id_password") == "Enter your password"
    assert re.search(r"<title>Error: Sign in to the plan builder", html)
    assert "This field is required" not in html


def test_a_wrong_password_puts_error_first_in_the_title(client, user):
    response = client.post("/plans/sign-in/", {"username": user.username, "password": "no"})

    html = response.content.decode()
    assert "The username or password is not right" in html
    assert "<title>Error: Sign in" in html
    assert "<title>Sign in" in client.get("/plans/sign-in/").content.decode()


def test_a_form_page_says_error_in_its_title_only_when_there_is_one(signed_in, plan):
    url = reverse("plan_builder:share", args=[plan.pk])
    assert "<title>Share the plan" in signed_in.get(url).content.decode()

    response = signed_in.post(url, {"label": "", **date_post("expires_on", "")})

    assert "<title>Error: Share the plan" in response.content.decode()


def radios(html: str, name: str) -> list[tuple[str, bool]]:
    found = re.findall(
        rf'<input class="[^"]*" id="[^"]*" name="{name}" type="radio" value="([^"]*)"( checked)?',
        html,
    )
    return [(value, bool(checked)) for value, checked in found]


@pytest.mark.parametrize(
    ("page", "name"),
    [("agreement", "agreed_by"), ("contacts", "kind"), ("actions", "confidence")],
)
def test_an_optional_or_unanswered_radio_group_starts_with_nothing_chosen(
    signed_in, plan, page, name
):
    goal = GoalFactory(plan=plan)
    url = {
        "agreement": reverse("plan_builder:section_edit", args=[plan.pk, "agreement"]),
        "contacts": reverse("plan_builder:row_add", args=[plan.pk, "contacts"]),
        "actions": reverse("plan_builder:goal_row_add", args=[plan.pk, goal.pk, "actions"]),
    }[page]

    offered = radios(signed_in.get(url).content.decode(), name)

    assert offered, "the radios are on the page"
    assert "" not in [value for value, _checked in offered]
    assert not any(checked for _value, checked in offered)
    assert "---------" not in signed_in.get(url).content.decode()


def test_no_radio_group_on_any_plan_form_offers_a_blank_choice(plan):
    for name, form in every_form(plan).items():
        for field_name, field in form.fields.items():
            if isinstance(field.widget, forms.RadioSelect):
                values = [str(value) for value, _label in field.widget.choices]
                assert "" not in values, f"{name}.{field_name}"


def optional_labels(html: str) -> set[str]:
    """The labels and legends the page marks "(optional)"."""
    return {
        re.sub(r"<[^>]+>", "", label).strip()
        for label in re.findall(
            r'<(?:label|legend) class="nhsuk-(?:label|fieldset__legend[^"]*)"[^>]*>([^<]*)'
            r'<span class="nhsuk-u-font-weight-normal">\(optional\)</span>',
            html,
        )
    }


def test_optional_is_said_only_of_fields_that_are_optional(signed_in, plan):
    agreement = signed_in.get(
        reverse("plan_builder:section_edit", args=[plan.pk, "agreement"])
    ).content.decode()
    new_plan = signed_in.get(reverse("plan_builder:plan_create")).content.decode()

    # Needed together once the plan is agreed, or with a particular answer: never "optional".
    assert optional_labels(agreement) == set()
    assert "(optional)" not in agreement
    assert optional_labels(new_plan) == {
        "Preferred name",
        "Date of birth",
        "NHS number",
        "Address",
        "Phone number",
        "Email address",
        "Preferred way to be contacted",
        "GP practice",
        "Who will review the plan",
    }


# 1-10 scores ------------------------------------------------------------------------------


def test_scores_are_a_row_of_ten_radios_with_words_tied_to_1_and_10(signed_in, plan):
    goal = GoalFactory(plan=plan, importance=6)
    html = signed_in.get(
        reverse("plan_builder:row_edit", args=[plan.pk, "goals", goal.pk])
    ).content.decode()

    assert 'type="number"' not in html
    assert radios(html, "importance") == [(str(n), n == 6) for n in range(1, 11)]
    assert re.search(r'<legend class="[^"]*">How important is the goal\?</legend>', html), (
        "the legend names the question"
    )
    assert re.search(
        r'for="id_importance_0">1<span class="nhsuk-u-visually-hidden"> \(Not important\)</span>',
        html,
    )
    assert re.search(
        r'for="id_importance_9">10<span class="nhsuk-u-visually-hidden"> \(Very important\)'
        r"</span>",
        html,
    )
    ends = re.findall(r'<span class="plan-scale__end[^"]*" aria-hidden="true">([^<]+)</span>', html)
    assert ends == ["Not important", "Very important"]


@pytest.mark.parametrize(
    ("form", "field", "low", "high"),
    [
        (plan_forms.GoalForm, "importance", "Not important", "Very important"),
        (plan_forms.GoalRatingForm, "attainment", "Not well at all", "Very well"),
        (plan_forms.GoalRatingForm, "satisfaction", "Not happy at all", "Very happy"),
        (plan_forms.ActionForm, "confidence", "Not confident", "Very confident"),
    ],
)
def test_each_score_is_a_scale_from_1_to_10(form, field, low, high):
    scale = form.base_fields[field]

    assert isinstance(scale, ScaleField)
    assert [value for value, _label in scale.choices] == list(range(1, 11))
    assert (str(scale.widget.low), str(scale.widget.high)) == (low, high)


def test_no_plan_form_asks_for_a_bare_number(plan):
    for name, form in every_form(plan).items():
        for field_name, field in form.fields.items():
            if isinstance(field.widget, forms.HiddenInput):
                continue
            assert not isinstance(field.widget, forms.NumberInput), f"{name}.{field_name}"
            assert not isinstance(field, forms.DateField), f"{name}.{field_name}"
            if isinstance(field, DateField):
                assert field.name, f"{name}.{field_name} has a name for its messages"
