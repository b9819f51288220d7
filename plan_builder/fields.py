"""Form fields in the NHS.UK patterns, used by every plan builder form:

* `DateField`: a date as three text boxes, day, month and year (the NHS.UK date input), with
  the NHS.UK error messages ("Date of birth must include a month", "... must be a real date").
  What was typed comes back in the boxes after an error, however wrong, and only the boxes that
  are wrong are highlighted.
* `ScaleField`: a score from 1 to 10 as a row of radios with words at both ends.

Both work without JavaScript. Hand-written rather than taken from a package: the Django
packages for these patterns (crispy-forms-gds, django-govuk-forms) render GOV.UK classes, need
crispy-forms layouts for every form, and do not give the NHS.UK messages or highlighting."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from plan_builder.validators import ascii_digits

DATE_PARTS = ("day", "month", "year")
DATE_PART_LABELS = {"day": _("Day"), "month": _("Month"), "year": _("Year")}
# The attrs key through which a template tag tells the widget which boxes to highlight.
ERROR_PARTS = "error_parts"

INCOMPLETE_MESSAGES = {
    ("day",): _("%(name)s must include a day"),
    ("month",): _("%(name)s must include a month"),
    ("year",): _("%(name)s must include a year"),
    ("day", "month"): _("%(name)s must include a day and month"),
    ("day", "year"): _("%(name)s must include a day and year"),
    ("month", "year"): _("%(name)s must include a month and year"),
}


@dataclass(frozen=True)
class DateProblem:
    """What is wrong with the three boxes, and which of them to highlight."""

    code: str  # "empty", "incomplete", "not_real" or "year_digits"
    parts: tuple[str, ...]


def read_date(values: Sequence[str | None] | None) -> tuple[date | None, DateProblem | None]:
    """The date typed into the day, month and year boxes, or what is wrong with them. Digits
    from any keyboard count; spaces around them do not."""
    values = list(values or ())
    texts = {
        part: ascii_digits(str(values[index] or "")).strip() if index < len(values) else ""
        for index, part in enumerate(DATE_PARTS)
    }
    missing = tuple(part for part in DATE_PARTS if not texts[part])
    if len(missing) == len(DATE_PARTS):
        return None, DateProblem("empty", DATE_PARTS)
    if missing:
        return None, DateProblem("incomplete", missing)
    digits = {part: text for part, text in texts.items() if text.isascii() and text.isdigit()}
    # Day and month are read only when short: a 5,000-digit "day" is simply not a day.
    highest = {"day": 31, "month": 12}
    wrong = tuple(
        part
        for part in DATE_PARTS
        if part not in digits
        or (
            part in highest
            and not (len(digits[part]) <= 2 and 1 <= int(digits[part]) <= highest[part])
        )
    )
    if wrong:
        return None, DateProblem("not_real", wrong)
    if len(digits["year"]) != 4:
        return None, DateProblem("year_digits", ("year",))
    try:
        return date(int(digits["year"]), int(digits["month"]), int(digits["day"])), None
    except ValueError:  # a day the month does not have (31 February), or the year 0000
        return None, DateProblem("not_real", ("year",) if not int(digits["year"]) else ("day",))


def example_date_text(value: date) -> str:
    """A date as the hint shows it: "15 3 1984", the way it is typed into the boxes."""
    return f"{value.day} {value.month} {value.year}"


class DateInputWidget(forms.MultiWidget):
    """Day, month and year text boxes with numeric keyboards, named `<name>-day`,
    `<name>-month` and `<name>-year`. The fieldset, legend, hint and error message around them
    come from the form's field template, as with every other fieldset."""

    template_name = "plan_builder/widgets/date_input.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            {part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in DATE_PARTS},
            attrs,
        )
        self.widgets_names = [f"-{part}" for part in DATE_PARTS]

    def decompress(self, value: Any) -> list[str | None]:
        if isinstance(value, str) and value:
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = dict(attrs or {})
        error_parts = set(attrs.pop(ERROR_PARTS, ()))
        # The fieldset carries the hint and error; each box has only its own label.
        attrs.pop("aria-describedby", None)
        attrs.pop("class", None)
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id")
        for part, subwidget in zip(DATE_PARTS, context["widget"]["subwidgets"], strict=True):
            classes = ["nhsuk-input", "nhsuk-date-input__input"]
            classes.append("nhsuk-input--width-4" if part == "year" else "nhsuk-input--width-2")
            if part in error_parts:
                classes.append("nhsuk-input--error")
            subwidget["attrs"]["class"] = " ".join(classes)
            if id_:
                subwidget["attrs"]["id"] = f"{id_}-{part}"
            subwidget["attrs"].pop("aria-invalid", None)
            subwidget["label"] = DATE_PART_LABELS[part]
        context["widget"]["id"] = id_
        return context


class DateField(forms.MultiValueField):
    """A date typed into three boxes. `name` is what error messages call it ("Date of
    birth"); the label is used when there is none. `example` is the date the hint shows (a
    date, or a function giving one)."""

    widget = DateInputWidget
    default_error_messages = {
        "required": _("Enter a date"),
        "not_real": _("%(name)s must be a real date"),
        "year_digits": _("%(name)s must include the year as 4 numbers"),
    }

    def __init__(
        self,
        *,
        name: str = "",
        example: date | Callable[[], date] = date(1984, 3, 15),
        **kwargs: Any,
    ) -> None:
        kwargs.pop("max_length", None)
        super().__init__(
            tuple(forms.CharField(required=False) for _part in DATE_PARTS),
            require_all_fields=False,
            **kwargs,
        )
        # Raised by MultiValueField's own cleaning, which this field does not use.
        for unused in ("invalid", "incomplete"):
            self.error_messages.pop(unused, None)
        self.name = name
        self.example = example

    @property
    def example_text(self) -> str:
        example = self.example() if callable(self.example) else self.example
        return str(_("For example, %(date)s") % {"date": example_date_text(example)})

    def message(self, code: str, parts: tuple[str, ...] = ()) -> str:
        template = INCOMPLETE_MESSAGES[parts] if code == "incomplete" else self.error_messages[code]
        return str(template) % {"name": self.name or self.label}

    def clean(self, value: Any) -> date | None:
        found, problem = read_date(value)
        if problem is not None and problem.code == "empty":
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        if problem is not None:
            raise forms.ValidationError(
                self.message(problem.code, problem.parts), code=problem.code
            )
        self.run_validators(found)
        return found

    def compress(self, data_list: Any) -> date | None:
        found, _problem = read_date(data_list)
        return found

    def parts_in_error(self, value: Any) -> tuple[str, ...]:
        """The boxes to highlight when the field has an error: those at fault when the typing
        is incomplete or not a date, all three when the date itself is refused."""
        _found, problem = read_date(value)
        if problem is None or problem.code == "empty":
            return DATE_PARTS
        return problem.parts


class ScaleWidget(forms.RadioSelect):
    """Radios 1 to 10 in a row, with words for the lowest and highest."""

    def __init__(
        self, *, low: StrOrPromise, high: StrOrPromise, attrs: dict[str, Any] | None = None
    ) -> None:
        super().__init__(attrs)
        self.low = low
        self.high = high


class ScaleField(forms.TypedChoiceField):
    """A score from 1 to `points` as radios, the words `low` and `high` tied to its ends.
    Cleans to an int, or None when optional and not chosen."""

    def __init__(
        self, *, low: StrOrPromise, high: StrOrPromise, points: int = 10, **kwargs: Any
    ) -> None:
        kwargs.pop("max_value", None)
        kwargs.pop("min_value", None)
        super().__init__(
            choices=[(number, str(number)) for number in range(1, points + 1)],
            coerce=int,
            empty_value=None,
            widget=ScaleWidget(low=low, high=high),
            **kwargs,
        )
