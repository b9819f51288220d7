"""The forms of the plan's lists: contacts, strengths and needs, goals, ratings, actions, what
was given, and removing a row."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plan_builder.fields import DateField, ScaleField, read_date
from plan_builder.forms.base import (
    PlanFormMixin,
    Wording,
    months_from_today,
    plan_formfield,
    validate_not_in_future,
)
from plan_builder.models import (
    Action,
    Attachment,
    Contact,
    Goal,
    GoalRating,
    Plan,
    ReferralStatus,
    Statement,
    StatementKind,
    SupportType,
)


class ContactForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "kind",
            "name",
            "relationship_or_role",
            "organisation",
            "phone",
            "email",
            "is_carer",
            "is_next_of_kin",
            "is_emergency_contact",
            "is_key_worker",
        ]
        widgets = {"kind": forms.RadioSelect}

    wording = {
        "kind": Wording(required=_("Choose the type of contact")),
        "name": Wording(required=_("Enter the contact's name")),
    }


class StatementForm(PlanFormMixin, forms.ModelForm):
    """A strength or a need: its messages say which."""

    class Meta:
        model = Statement
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def get_wording(self) -> dict[str, Wording]:
        if self.instance.kind == StatementKind.NEED:
            return {
                "text": Wording(
                    name=_("The need or concern"),
                    required=_("Enter the need or concern, in the person's words"),
                )
            }
        return {
            "text": Wording(
                name=_("The strength"), required=_("Enter the strength, in the person's words")
            )
        }


class GoalForm(PlanFormMixin, forms.ModelForm):
    """A goal. A "hoped for by" date in the past is questioned when it is typed (not when an
    old goal's saved date has simply passed), and kept once the box says so."""

    importance = ScaleField(
        label=_("How important is the goal?"),
        low=_("Not important"),
        high=_("Very important"),
    )
    keep_past_target_date = forms.BooleanField(
        label=_("Is the date in the past right?"),
        help_text=_("Yes, keep this date"),
        required=False,
    )

    class Meta:
        model = Goal
        fields = ["description", "area", "importance", "status", "target_date"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "status": forms.RadioSelect,
        }
        formfield_callback = plan_formfield

    not_saved = ("keep_past_target_date",)
    wording = {
        "description": Wording(
            name=_("The goal"), required=_("Enter the goal, in the person's words")
        ),
        "importance": Wording(required=_("Choose how important the goal is, from 1 to 10")),
        "status": Wording(required=_("Choose the goal's status")),
        "target_date": Wording(name=_("The date you hope to do this by")),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(DateField, self.fields["target_date"]).example = months_from_today(3)
        if not self.is_bound or self.target_date_typed_in_the_past() is None:
            del self.fields["keep_past_target_date"]

    def target_date_typed_in_the_past(self) -> date | None:
        """The date typed, when it is before today and is not the goal's saved date."""
        field = self.fields["target_date"]
        typed, _problem = read_date(
            field.widget.value_from_datadict(self.data, self.files, self.add_prefix("target_date"))
        )
        saved = self.instance.target_date if self.instance.pk else None
        if typed is not None and typed < timezone.localdate() and typed != saved:
            return typed
        return None

    def clean(self) -> dict[str, Any]:
        # A model form's clean() gives back cleaned_data; the stubs allow None for any form.
        cleaned = cast("dict[str, Any]", super().clean())
        if (
            "keep_past_target_date" in self.fields
            and "target_date" not in self.errors
            and not cleaned.get("keep_past_target_date")
        ):
            self.add_error(
                "target_date",
                _(
                    "The date you hope to do this by is in the past. Enter a date in the "
                    "future, or tick the box to keep this one"
                ),
            )
        return cleaned


class GoalRatingForm(PlanFormMixin, forms.ModelForm):
    attainment = ScaleField(
        label=_("How well is it going?"), low=_("Not well at all"), high=_("Very well")
    )
    satisfaction = ScaleField(
        label=_("How happy are they with it?"),
        low=_("Not happy at all"),
        high=_("Very happy"),
        required=False,
    )

    class Meta:
        model = GoalRating
        fields = ["rated_on", "attainment", "satisfaction", "note"]
        formfield_callback = plan_formfield

    wording = {
        "rated_on": Wording(
            name=_("The date of the rating"), required=_("Enter the date of the rating")
        ),
        "attainment": Wording(required=_("Choose how well it is going, from 1 to 10")),
        "satisfaction": Wording(required=_("Choose how happy they are with it, from 1 to 10")),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(DateField, self.fields["rated_on"]).example = months_from_today(-1)
        # In self.initial, not the field's initial: a new rating's empty rated_on is already in
        # self.initial (from the unsaved instance) and would hide the field's.
        if not self.is_bound and not self.instance.pk and not self.initial.get("rated_on"):
            self.initial["rated_on"] = timezone.localdate()

    def clean_rated_on(self) -> date | None:
        return validate_not_in_future(
            self.cleaned_data.get("rated_on"),
            _("The date of the rating must be today or in the past"),
        )


class ActionForm(PlanFormMixin, forms.ModelForm):
    confidence = ScaleField(
        label=_("How confident does the person feel?"),
        low=_("Not confident"),
        high=_("Very confident"),
        required=False,
    )

    class Meta:
        model = Action
        fields = ["description", "who", "due_date", "timing", "status", "confidence"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "status": forms.RadioSelect,
        }
        formfield_callback = plan_formfield

    wording = {
        "description": Wording(name=_("The action"), required=_("Enter what will happen")),
        "who": Wording(name=_("The name of who will do it"), required=_("Enter who will do it")),
        "due_date": Wording(name=_("The date it will be done by")),
        "timing": Wording(name=_("How often")),
        "status": Wording(required=_("Choose the action's status")),
        "confidence": Wording(required=_("Choose how confident the person feels, from 1 to 10")),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(DateField, self.fields["due_date"]).example = months_from_today(3)


class AttachmentForm(PlanFormMixin, forms.ModelForm):
    """Why something was given, for which goal, and for organisations how."""

    class Meta:
        model = Attachment
        fields = ["reason", "goal", "support_type", "referral_status"]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 3}),
            "support_type": forms.RadioSelect,
        }
        help_texts = {"referral_status": _("Needed if you referred them.")}

    wording = {
        "reason": Wording(name=_("The reason it was given")),
        "goal": Wording(required=_("Choose a goal from the list")),
        "support_type": Wording(required=_("Choose whether you signposted or referred them")),
        "referral_status": Wording(
            required=_("Choose where the referral has got to."), when_needed=True
        ),
    }

    def __init__(self, *args: Any, plan: Plan, is_service: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        goal = cast(forms.ModelChoiceField, self.fields["goal"])
        goal.queryset = Goal.objects.filter(plan=plan)
        goal.empty_label = _("Not for one goal in particular")
        if is_service:
            self.fields["support_type"].required = True
            cast(forms.ChoiceField, self.fields["support_type"]).choices = SupportType.choices
            cast(forms.ChoiceField, self.fields["referral_status"]).choices = [
                ("", _("Not referred")),
                *ReferralStatus.choices,
            ]
            if not self.is_bound and not self.instance.pk:
                self.fields["support_type"].initial = SupportType.SIGNPOSTED
        else:
            del self.fields["support_type"]
            del self.fields["referral_status"]

    def clean(self) -> dict[str, Any]:
        # A model form's clean() gives back cleaned_data; the stubs allow None for any form.
        cleaned = cast("dict[str, Any]", super().clean())
        if cleaned.get("support_type") == SupportType.REFERRED and not cleaned.get(
            "referral_status"
        ):
            self.add_required_error("referral_status")
        if cleaned.get("support_type") == SupportType.SIGNPOSTED:
            cleaned["referral_status"] = ""
        return cleaned


class RemoveForm(PlanFormMixin, forms.Form):
    """Only the revision: removing something someone else just changed is a conflict too."""
