"""The forms over the plan's own fields: about me, the contingency plan, agreement and consent,
the review date, and starting a review."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from plan_builder.fields import DateField
from plan_builder.forms.base import (
    REVIEW_WORDING,
    NHSFormMixin,
    PlanFormMixin,
    Wording,
    months_from_today,
    plan_formfield,
    validate_not_in_future,
    validate_review_date,
)
from plan_builder.models import (
    ABOUT_ME_FIELDS,
    CONTINGENCY_FIELDS,
    Plan,
    ReviewType,
)


class AboutMeForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = [*ABOUT_ME_FIELDS, "about_me_written_with", "about_me_written_on"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in ABOUT_ME_FIELDS}
        formfield_callback = plan_formfield

    wording = {
        "please_do": Wording(name=_("“Please do”")),
        "please_do_not": Wording(name=_("“Please don't”")),
        "also_worth_knowing": Wording(name=_("“Also worth knowing about me”")),
        "about_me_written_with": Wording(name=_("The names of who helped")),
        "about_me_written_on": Wording(name=_("The date it was written")),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(DateField, self.fields["about_me_written_on"]).example = months_from_today(-1)

    def clean_about_me_written_on(self) -> date | None:
        return validate_not_in_future(
            self.cleaned_data.get("about_me_written_on"),
            _("The date it was written must be today or in the past"),
        )


class ContingencyForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = list(CONTINGENCY_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in CONTINGENCY_FIELDS}

    wording = {
        "contingency_actions": Wording(name=_("“What should happen”")),
        "contingency_contacts": Wording(name=_("“Who to contact”")),
    }


AGREED_FIELDS = ("agreed_by", "agreed_by_name", "agreed_on")


class AgreementForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "agreed_by",
            "agreed_by_name",
            "agreed_on",
            "consent_to_share",
            "consent_scope",
            "best_interests_note",
        ]
        widgets = {
            "agreed_by": forms.RadioSelect,
            "consent_to_share": forms.RadioSelect,
            "consent_scope": forms.Textarea(attrs={"rows": 3}),
            "best_interests_note": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "agreed_by": _(
                "Leave this part empty until the plan is agreed. Then fill in who agreed it, "
                "their name and the date."
            ),
            "consent_scope": _("Needed if they agreed to share the plan."),
        }
        formfield_callback = plan_formfield

    wording = {
        "agreed_by": Wording(required=_("Choose who agreed the plan"), when_needed=True),
        "agreed_by_name": Wording(
            name=_("The name of who agreed"),
            required=_("Enter the name of who agreed the plan"),
            when_needed=True,
        ),
        "agreed_on": Wording(
            name=_("The date agreed"),
            required=_("Enter the date the plan was agreed"),
            when_needed=True,
        ),
        "consent_to_share": Wording(required=_("Choose whether they agreed to share the plan")),
        # Plan.clean says when these two are needed, in these words.
        "consent_scope": Wording(
            name=_("“Who the plan may be shared with”"),
            required=_("Say who the person agreed the plan can be shared with."),
            when_needed=True,
        ),
        "best_interests_note": Wording(
            required=_("Say why the plan was agreed in the person's best interests."),
            when_needed=True,
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(DateField, self.fields["agreed_on"]).example = months_from_today(-1)

    def clean_agreed_on(self) -> date | None:
        return validate_not_in_future(
            self.cleaned_data.get("agreed_on"),
            _("The date agreed must be today or in the past"),
        )

    def clean(self) -> dict[str, Any]:
        # A model form's clean() gives back cleaned_data; the stubs allow None for any form.
        cleaned = cast("dict[str, Any]", super().clean())
        given = [name for name in AGREED_FIELDS if cleaned.get(name)]
        if given and len(given) < len(AGREED_FIELDS):
            for name in AGREED_FIELDS:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_required_error(name)
        return cleaned


class ReviewDateForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["review_due", "review_responsible"]
        formfield_callback = plan_formfield

    wording = REVIEW_WORDING

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(DateField, self.fields["review_due"]).example = months_from_today(6)

    def clean_review_due(self) -> date:
        return validate_review_date(self.cleaned_data["review_due"])


class StartReviewForm(NHSFormMixin, forms.Form):
    review_type = forms.ChoiceField(
        label=_("Type of review"),
        choices=[choice for choice in ReviewType.choices if choice[0] != ReviewType.FIRST],
        widget=forms.RadioSelect,
    )
    review_due = DateField(
        label=_("Next review date"),
        validators=[validate_review_date],
        example=months_from_today(6),
    )

    wording = {
        "review_type": Wording(required=_("Choose the type of review")),
        "review_due": Wording(
            name=_("Next review date"), required=_("Enter the date of the next review")
        ),
    }
