"""Forms for each part of the plan. Every form that changes a plan carries the plan's edit
revision, so a save made from a stale page is caught instead of overwriting newer work."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from plan_builder.conf import add_months, max_review_months, share_link_max_days
from plan_builder.models import (
    ABOUT_ME_FIELDS,
    CONTINGENCY_FIELDS,
    Action,
    Attachment,
    Contact,
    Goal,
    GoalRating,
    Person,
    Plan,
    ReferralStatus,
    ReviewType,
    Statement,
    SupportType,
    Team,
)
from plan_builder.validators import normalise_nhs_number


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PlanFormMixin:
    """Adds the hidden edit revision and the NHS.UK widths and date inputs."""

    def __init__(self, *args, revision: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"] = forms.IntegerField(
            widget=forms.HiddenInput, initial=revision, required=False
        )
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput()

    @property
    def content_fields(self) -> list[str]:
        return [name for name in self.fields if name != "revision"]


def validate_review_date(value: date) -> date:
    today = timezone.localdate()
    latest = add_months(today, max_review_months())
    if value < today:
        raise forms.ValidationError(_("The review date must be today or in the future."))
    if value > latest:
        raise forms.ValidationError(
            _("Set a review within %(months)s months, on or before %(date)s.")
            % {"months": max_review_months(), "date": date_format(latest, "j E Y")}
        )
    return value


def validate_not_in_future(value: date | None, message: str) -> date | None:
    if value and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


class PersonForm(PlanFormMixin, forms.ModelForm):
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
            "gp_practice",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}

    def clean_date_of_birth(self):
        born = self.cleaned_data.get("date_of_birth")
        if born and born < date(1900, 1, 1):
            raise forms.ValidationError(_("Enter a date of birth after 1 January 1900."))
        return validate_not_in_future(born, _("The date of birth must be in the past."))

    def clean_nhs_number(self):
        value = self.cleaned_data.get("nhs_number", "")
        return normalise_nhs_number(value) if value else ""


class NewPlanForm(PersonForm):
    """The person's details, their team and the first review date: enough to start."""

    team = forms.ModelChoiceField(queryset=Team.objects.none(), label=_("Team"), empty_label=None)
    review_due = forms.DateField(
        label=_("Review date"),
        help_text=_("When the plan will be looked at again; at most 12 months from today."),
        validators=[validate_review_date],
    )
    review_responsible = forms.CharField(
        label=_("Who will review the plan"), max_length=200, required=False
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["review_due"].widget = DateInput()
        if not self.is_bound:
            self.fields["review_due"].initial = add_months(
                timezone.localdate(), max_review_months()
            )


class AboutMeForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = [*ABOUT_ME_FIELDS, "about_me_written_with", "about_me_written_on"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in ABOUT_ME_FIELDS}

    def clean_about_me_written_on(self):
        return validate_not_in_future(
            self.cleaned_data.get("about_me_written_on"),
            _("The date it was written cannot be in the future."),
        )


class ContingencyForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = list(CONTINGENCY_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in CONTINGENCY_FIELDS}


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

    def clean_agreed_on(self):
        return validate_not_in_future(
            self.cleaned_data.get("agreed_on"), _("The date agreed cannot be in the future.")
        )

    def clean(self):
        cleaned = super().clean()
        agreed_fields = ["agreed_by", "agreed_by_name", "agreed_on"]
        given = [name for name in agreed_fields if cleaned.get(name)]
        if given and len(given) < len(agreed_fields):
            for name in agreed_fields:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("Fill in who agreed, their name and the date together."))
        return cleaned


class ReviewDateForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["review_due", "review_responsible"]

    def clean_review_due(self):
        return validate_review_date(self.cleaned_data["review_due"])


class StartReviewForm(forms.Form):
    review_type = forms.ChoiceField(
        label=_("Type of review"),
        choices=[choice for choice in ReviewType.choices if choice[0] != ReviewType.FIRST],
        widget=forms.RadioSelect,
    )
    review_due = forms.DateField(
        label=_("Next review date"), widget=DateInput, validators=[validate_review_date]
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


class StatementForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Statement
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class GoalForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["description", "area", "importance", "status", "target_date"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "importance": forms.NumberInput(attrs={"min": 1, "max": 10, "inputmode": "numeric"}),
            "status": forms.RadioSelect,
        }


class GoalRatingForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = GoalRating
        fields = ["rated_on", "attainment", "satisfaction", "note"]
        widgets = {
            "attainment": forms.NumberInput(attrs={"min": 1, "max": 10, "inputmode": "numeric"}),
            "satisfaction": forms.NumberInput(attrs={"min": 1, "max": 10, "inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In self.initial, not the field's initial: a new rating's empty rated_on is already in
        # self.initial (from the unsaved instance) and would hide the field's.
        if not self.is_bound and not self.instance.pk and not self.initial.get("rated_on"):
            self.initial["rated_on"] = timezone.localdate()

    def clean_rated_on(self):
        return validate_not_in_future(
            self.cleaned_data.get("rated_on"), _("A rating cannot be dated in the future.")
        )


class ActionForm(PlanFormMixin, forms.ModelForm):
    class Meta:
        model = Action
        fields = ["description", "who", "due_date", "timing", "status", "confidence"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "status": forms.RadioSelect,
            "confidence": forms.NumberInput(attrs={"min": 1, "max": 10, "inputmode": "numeric"}),
        }


class AttachmentForm(PlanFormMixin, forms.ModelForm):
    """Why something was given, for which goal, and for organisations how."""

    class Meta:
        model = Attachment
        fields = ["reason", "goal", "support_type", "referral_status"]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 3}),
            "support_type": forms.RadioSelect,
        }

    def __init__(self, *args, plan: Plan, is_service: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(plan=plan)
        self.fields["goal"].empty_label = _("Not for one goal in particular")
        if is_service:
            self.fields["support_type"].required = True
            self.fields["support_type"].choices = SupportType.choices
            self.fields["referral_status"].choices = [
                ("", _("Not referred")),
                *ReferralStatus.choices,
            ]
            if not self.is_bound and not self.instance.pk:
                self.fields["support_type"].initial = SupportType.SIGNPOSTED
        else:
            del self.fields["support_type"]
            del self.fields["referral_status"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("support_type") == SupportType.REFERRED and not cleaned.get(
            "referral_status"
        ):
            self.add_error("referral_status", _("Choose where the referral has got to."))
        if cleaned.get("support_type") == SupportType.SIGNPOSTED:
            cleaned["referral_status"] = ""
        return cleaned


class RemoveForm(PlanFormMixin, forms.Form):
    """Only the revision: removing something someone else just changed is a conflict too."""


class ShareLinkForm(forms.Form):
    label = forms.CharField(
        label=_("Who is this link for?"),
        max_length=100,
        help_text=_("For example: Peggy and her daughter Ann. Only you and your team see this."),
    )
    expires_on = forms.DateField(label=_("The link stops working after"), widget=DateInput)

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if value <= today:
            raise forms.ValidationError(_("Choose a date after today."))
        if value > today + timedelta(days=share_link_max_days()):
            raise forms.ValidationError(
                _("A link can work for at most %(days)s days.") % {"days": share_link_max_days()}
            )
        return value


class PersonDeleteForm(forms.Form):
    confirm_name = forms.CharField(
        label=_("Type the person's full name to confirm"), max_length=200
    )

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_confirm_name(self):
        value = self.cleaned_data["confirm_name"]
        if value.strip().casefold() != self.person.full_name.strip().casefold():
            raise forms.ValidationError(_("The name does not match. Nothing has been deleted."))
        return value


class SignInForm(AuthenticationForm):
    """Django's sign-in form with its username length enforced. AuthenticationForm sets the
    length only on the widget, so an over-long name reached authentication and django-axes'
    record of the failure, which PostgreSQL refused (a server error)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
