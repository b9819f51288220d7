"""The person's details, and starting a plan for someone new."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plan_builder.conf import add_months, max_review_months
from plan_builder.fields import DateField
from plan_builder.forms.base import (
    REVIEW_WORDING,
    PlanFormMixin,
    Wording,
    months_from_today,
    plan_formfield,
    validate_not_in_future,
    validate_review_date,
)
from plan_builder.languages import ANOTHER_LANGUAGE, language_choices
from plan_builder.models import (
    Person,
    Team,
)
from plan_builder.selectors import plan_with_nhs_number
from plan_builder.validators import normalise_nhs_number


class PersonForm(PlanFormMixin, forms.ModelForm):
    """The person's details. `teams` are the practitioner's: an NHS number already recorded
    for someone else in them is refused, with a link to that person's plan."""

    preferred_language = forms.ChoiceField(label=_("Preferred language"))

    class Meta:
        model = Person
        fields = [
            "full_name",
            "preferred_name",
            "date_of_birth",
            "nhs_number",
            "address",
            "phone",
            "email",
            "preferred_contact_method",
            "preferred_language",
            "preferred_language_other",
            "gp_practice",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        labels = {"preferred_language_other": _("Another language")}
        help_texts = {
            "nhs_number": _("10 digits, for example 943 476 5919."),
            "preferred_language_other": _("Only if you chose “Another language”: which one."),
        }
        formfield_callback = plan_formfield

    wording = {
        "full_name": Wording(required=_("Enter the person's full name")),
        "date_of_birth": Wording(required=_("Enter their date of birth")),
        "preferred_contact_method": Wording(required=_("Choose how they prefer to be contacted")),
        "preferred_language": Wording(required=_("Choose the language they prefer")),
        "preferred_language_other": Wording(
            name=_("Another language"),
            required=_("Enter the language they prefer"),
            when_needed=True,
        ),
    }

    def __init__(self, *args: Any, teams: models.QuerySet[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.teams = teams
        stored = self.instance.preferred_language if self.instance.pk else ""
        cast(forms.ChoiceField, self.fields["preferred_language"]).choices = language_choices(
            keep=stored
        )

    def clean_date_of_birth(self) -> date | None:
        born = self.cleaned_data.get("date_of_birth")
        if born and born < date(1900, 1, 1):
            raise forms.ValidationError(_("Enter a date of birth after 1 January 1900."))
        return validate_not_in_future(born, _("Enter a date of birth in the past"))

    def clean_nhs_number(self) -> str:
        value = self.cleaned_data.get("nhs_number", "")
        number = normalise_nhs_number(value) if value else ""
        recorded = plan_with_nhs_number(
            teams=self.teams, nhs_number=number, other_than=self.instance
        )
        if recorded is not None:
            self.error_links["nhs_number"] = (
                reverse("plan_builder:plan_detail", args=[recorded.pk]),
                gettext("Go to their plan"),
            )
            raise forms.ValidationError(
                gettext("This NHS number is already recorded for %(name)s.")
                % {"name": recorded.person.full_name},
                code="recorded",
            )
        return number

    def clean(self) -> dict[str, Any]:
        # A model form's clean() gives back cleaned_data; the stubs allow None for any form.
        cleaned = cast("dict[str, Any]", super().clean())
        language = cleaned.get("preferred_language")
        other = cleaned.get("preferred_language_other", "")
        if language == ANOTHER_LANGUAGE and not other:
            self.add_required_error("preferred_language_other")
        elif language and language != ANOTHER_LANGUAGE and other:
            self.add_error(
                "preferred_language_other",
                _("Choose “Another language” in the list to keep this, or clear the box"),
            )
        return cleaned


class NewPlanForm(PersonForm):
    """The person's details, their team and the first review date: enough to start."""

    team = forms.ModelChoiceField(queryset=Team.objects.none(), label=_("Team"), empty_label=None)
    review_due = DateField(
        label=_("Review date"),
        help_text=_("When the plan will be looked at again; at most 12 months from today."),
        validators=[validate_review_date],
        example=months_from_today(6),
    )
    review_responsible = forms.CharField(
        label=_("Who will review the plan"), max_length=200, required=False
    )

    wording = {
        **PersonForm.wording,
        **REVIEW_WORDING,
        "team": Wording(required=_("Choose the team the plan belongs to")),
    }

    def __init__(self, *args: Any, teams: models.QuerySet[Team], **kwargs: Any) -> None:
        super().__init__(*args, teams=teams, **kwargs)
        cast(forms.ModelChoiceField, self.fields["team"]).queryset = teams
        if not self.is_bound:
            self.fields["review_due"].initial = add_months(
                timezone.localdate(), max_review_months()
            )
