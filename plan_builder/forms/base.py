"""What every plan form shares: NHS.UK error messages from each form's wording, no blank
radios, the hidden edit revision, and the date checks several forms make.

Every form speaks as NHS.UK error messages do: each message names the field and says what to
do ("Enter the person's full name", "Date of birth must include a month"). Dates are three
boxes and 1-10 scores are a row of radios (plan_builder.fields); radios never offer a blank
choice."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, cast

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from plan_builder.conf import add_months, max_review_months
from plan_builder.fields import DateField

if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


@dataclass(frozen=True)
class Wording:
    """How error messages speak of one field.

    `name` starts a sentence about the field ("Date of birth must be a real date"); the label
    is used when it is empty. `required` says what to do when the field is left empty, and,
    for a list or radios, when what was sent is not one of the choices. `when_needed` marks a
    field needed only with certain other answers: it is not labelled "(optional)"."""

    name: StrOrPromise = ""
    required: StrOrPromise = ""
    when_needed: bool = False


def months_from_today(months: int) -> Callable[[], date]:
    """A date hint's example: a date like the one people are asked for."""
    return lambda: add_months(timezone.localdate(), months)


def plan_formfield(db_field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
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
    messages: dict[str, StrOrPromise] = {
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
    setattr(field, "when_needed", wording.when_needed)  # noqa: B010 (not a Field attribute)


def offer_no_blank_choice(field: forms.ChoiceField) -> None:
    """An optional radio group starts with nothing chosen (NHS.UK radios), never with a
    pre-selected blank "---------" radio that model choices would add."""
    if isinstance(field, forms.ModelChoiceField):
        field.empty_label = None
    else:
        # Read back, choices are the normalised list; django-stubs types them as any input.
        choices = cast("Iterable[tuple[Any, Any]]", field.choices)
        field.choices = [(value, label) for value, label in choices if value not in ("", None)]


class NHSFormMixin(_FormBase):
    """Error messages from the form's `wording` (field name -> Wording), no blank radios, and
    `error_links`: a link to show beside a field's error ("Go to their plan")."""

    wording: ClassVar[dict[str, Wording]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_links: dict[str, tuple[str, str]] = {}
        wording = self.get_wording()
        for name, field in self.fields.items():
            speak_of(field, wording.get(name, Wording()))
            if isinstance(field.widget, forms.RadioSelect):
                offer_no_blank_choice(cast(forms.ChoiceField, field))

    def get_wording(self) -> dict[str, Wording]:
        return self.wording

    def add_required_error(self, name: str) -> None:
        """The field's own "what to do" message, for a field needed only with other answers."""
        self.add_error(name, str(self.get_wording()[name].required))


class PlanFormMixin(NHSFormMixin):
    """Adds the hidden edit revision to a form that changes a plan."""

    not_saved: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, revision: int | None = None, **kwargs: Any) -> None:
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


def validate_not_in_future(value: date | None, message: StrOrPromise) -> date | None:
    if value and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


REVIEW_WORDING = {
    "review_due": Wording(name=_("Review date"), required=_("Enter the date of the next review")),
    "review_responsible": Wording(name=_("The reviewer's name")),
}
