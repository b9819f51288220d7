"""Forms for each part of the plan. Every form that changes a plan carries the plan's edit
revision, so a save made from a stale page is caught instead of overwriting newer work.

Every form speaks as NHS.UK error messages do: each message names the field and says what to
do ("Enter the person's full name", "Date of birth must include a month"). Dates are three
boxes and 1-10 scores are a row of radios (plan_builder.fields); radios never offer a blank
choice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plan_builder.conf import add_months, max_review_months, share_link_max_days
from plan_builder.fields import DateField, ScaleField, read_date
from plan_builder.languages import ANOTHER_LANGUAGE, language_choices
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
    StatementKind,
    SupportType,
    Team,
)
from plan_builder.selectors import plan_with_nhs_number
from plan_builder.validators import normalise_nhs_number


@dataclass(frozen=True)
class Wording:
    """How error messages speak of one field.

    `name` starts a sentence about the field ("Date of birth must be a real date"); the label
    is used when it is empty. `required` says what to do when the field is left empty, and,
    for a list or radios, when what was sent is not one of the choices. `when_needed` marks a
    field needed only with certain other answers: it is not labelled "(optional)"."""

    name: str = ""
    required: str = ""
    when_needed: bool = False


def months_from_today(months: int) -> Callable[[], date]:
    """A date hint's example: a date like the one people are asked for."""
    return lambda: add_months(timezone.localdate(), months)


def plan_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """Model fields as the plan forms show them: a date is three boxes."""
    if type(db_field) is models.DateField:
        return db_field.formfield(form_class=DateField, **kwargs)
    return db_field.formfield(**kwargs)


def speak_of(field: forms.Field, wording: Wording) -> None:
    """Give a field NHS.UK error messages in place of Django's ("This field is required.",
    "Ensure this value has at most 200 characters")."""
    name = str(wording.name or field.label)
    # Messages that Django formats with a validator's params: a % in the name stays a %.
    escaped = name.replace("%", "%%")
    messages = {
        "null_characters_not_allowed": gettext(
            "%(name)s has a hidden character that cannot be saved. Type it again rather than "
            "pasting it"
        )
        % {"name": escaped},
    }
    if wording.required:
        messages["required"] = wording.required
        messages["invalid_choice"] = wording.required
    if isinstance(field, forms.CharField) and field.max_length:
        messages["max_length"] = gettext("%(name)s must be %(count)s characters or fewer") % {
            "name": escaped,
            "count": field.max_length,
        }
    if isinstance(field, forms.EmailField):
        messages["invalid"] = gettext(
            "Enter an email address in the correct format, like name@example.com"
        )
    field.error_messages.update(messages)
    if isinstance(field, DateField):
        field.name = name
    field.when_needed = wording.when_needed


def offer_no_blank_choice(field: forms.ChoiceField) -> None:
    """An optional radio group starts with nothing chosen (NHS.UK radios), never with a
    pre-selected blank "---------" radio that model choices would add."""
    if isinstance(field, forms.ModelChoiceField):
        field.empty_label = None
    else:
        field.choices = [
            (value, label) for value, label in field.choices if value not in ("", None)
        ]


class NHSFormMixin:
    """Error messages from the form's `wording` (field name -> Wording), no blank radios, and
    `error_links`: a link to show beside a field's error ("Go to their plan")."""

    wording: ClassVar[dict[str, Wording]] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_links: dict[str, tuple[str, str]] = {}
        wording = self.get_wording()
        for name, field in self.fields.items():
            speak_of(field, wording.get(name, Wording()))
            if isinstance(field.widget, forms.RadioSelect):
                offer_no_blank_choice(field)

    def get_wording(self) -> dict[str, Wording]:
        return self.wording

    def add_required_error(self, name: str) -> None:
        """The field's own "what to do" message, for a field needed only with other answers."""
        self.add_error(name, str(self.get_wording()[name].required))


class PlanFormMixin(NHSFormMixin):
    """Adds the hidden edit revision to a form that changes a plan."""

    not_saved: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args, revision: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"] = forms.IntegerField(
            widget=forms.HiddenInput, initial=revision, required=False
        )

    @property
    def content_fields(self) -> list[str]:
        return [name for name in self.fields if name != "revision" and name not in self.not_saved]


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


REVIEW_WORDING = {
    "review_due": Wording(name=_("Review date"), required=_("Enter the date of the next review")),
    "review_responsible": Wording(name=_("The reviewer's name")),
}


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

    def __init__(self, *args, teams: models.QuerySet[Team], **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = teams
        stored = self.instance.preferred_language if self.instance.pk else ""
        self.fields["preferred_language"].choices = language_choices(keep=stored)

    def clean_date_of_birth(self):
        born = self.cleaned_data.get("date_of_birth")
        if born and born < date(1900, 1, 1):
            raise forms.ValidationError(_("Enter a date of birth after 1 January 1900."))
        return validate_not_in_future(born, _("Enter a date of birth in the past"))

    def clean_nhs_number(self):
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

    def clean(self):
        cleaned = super().clean()
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

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, teams=teams, **kwargs)
        self.fields["team"].queryset = teams
        if not self.is_bound:
            self.fields["review_due"].initial = add_months(
                timezone.localdate(), max_review_months()
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["about_me_written_on"].example = months_from_today(-1)

    def clean_about_me_written_on(self):
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreed_on"].example = months_from_today(-1)

    def clean_agreed_on(self):
        return validate_not_in_future(
            self.cleaned_data.get("agreed_on"),
            _("The date agreed must be today or in the past"),
        )

    def clean(self):
        cleaned = super().clean()
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review_due"].example = months_from_today(6)

    def clean_review_due(self):
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

    def get_wording(self):
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_date"].example = months_from_today(3)
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

    def clean(self):
        cleaned = super().clean()
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rated_on"].example = months_from_today(-1)
        # In self.initial, not the field's initial: a new rating's empty rated_on is already in
        # self.initial (from the unsaved instance) and would hide the field's.
        if not self.is_bound and not self.instance.pk and not self.initial.get("rated_on"):
            self.initial["rated_on"] = timezone.localdate()

    def clean_rated_on(self):
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_date"].example = months_from_today(3)


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
            self.add_required_error("referral_status")
        if cleaned.get("support_type") == SupportType.SIGNPOSTED:
            cleaned["referral_status"] = ""
        return cleaned


class RemoveForm(PlanFormMixin, forms.Form):
    """Only the revision: removing something someone else just changed is a conflict too."""


class ShareLinkForm(NHSFormMixin, forms.Form):
    label = forms.CharField(
        label=_("Who is this link for?"),
        max_length=100,
        help_text=_("For example: Peggy and her daughter Ann. Only you and your team see this."),
    )
    expires_on = DateField(
        label=_("The link stops working after"),
        example=lambda: timezone.localdate() + timedelta(days=28),
    )

    wording = {
        "label": Wording(
            name=_("“Who is this link for?”"), required=_("Enter who the link is for")
        ),
        "expires_on": Wording(
            name=_("The date the link stops working"),
            required=_("Enter the date the link stops working"),
        ),
    }

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        latest = today + timedelta(days=share_link_max_days())
        if value <= today:
            raise forms.ValidationError(_("Choose a date after today."))
        if value > latest:
            raise forms.ValidationError(
                _("A link can work for at most %(days)s days: enter a date on or before %(date)s")
                % {"days": share_link_max_days(), "date": date_format(latest, "j E Y")}
            )
        return value


class PersonDeleteForm(NHSFormMixin, forms.Form):
    confirm_name = forms.CharField(
        label=_("Type the person's full name to confirm"), max_length=200
    )

    wording = {
        "confirm_name": Wording(
            name=_("The name you typed"), required=_("Type the person's full name to confirm")
        )
    }

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_confirm_name(self):
        value = self.cleaned_data["confirm_name"]
        if value.strip().casefold() != self.person.full_name.strip().casefold():
            raise forms.ValidationError(_("The name does not match. Nothing has been deleted."))
        return value


class SignInForm(NHSFormMixin, AuthenticationForm):
    """Django's sign-in form with its username length enforced. AuthenticationForm sets the
    length only on the widget, so an over-long name reached authentication and django-axes'
    record of the failure, which PostgreSQL refused (a server error)."""

    wording = {
        "username": Wording(required=_("Enter your username")),
        "password": Wording(required=_("Enter your password")),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
