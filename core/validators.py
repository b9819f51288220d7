"""The site's phone numbers. One reading and formatting of a number serves the site and the
plan builder (plan_builder.validators, which the plugin needs on its own); the site's own
check is stricter than the plugin's: a number an editor publishes must be a real one, not
only one of the right length."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plan_builder.validators import (
    parse_phone_number,
    phone_number_for_display,
    phone_number_for_link,
)

__all__ = [
    "phone_number_for_display",
    "phone_number_for_link",
    "phone_number_problem",
    "validate_phone_number",
]

# Numbers that cost callers a lot, or reach a person or a pager rather than a service: never
# the right kind for a service people in need are asked to call.
WRONG_KINDS = {
    phonenumbers.PhoneNumberType.PREMIUM_RATE: _(
        "%(value)s is a premium-rate number: calls cost a lot. Give the service's ordinary number."
    ),
    phonenumbers.PhoneNumberType.PERSONAL_NUMBER: _(
        "%(value)s is a personal number (070), often used by scams. Give the service's number."
    ),
    phonenumbers.PhoneNumberType.PAGER: _(
        "%(value)s is a pager number. Give a number people can call."
    ),
}


def validate_phone_number(value: str) -> None:
    number = parse_phone_number(value)
    if number is None:
        raise ValidationError(
            _("Enter a phone number, like 0800 888 6678 or +44 20 7946 0000."), code="invalid"
        )
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("%(value)s is not a valid phone number. Check the number of digits."),
            params={"value": value},
            code="invalid",
        )
    wrong_kind = WRONG_KINDS.get(phonenumbers.number_type(number))
    if wrong_kind is not None:
        raise ValidationError(wrong_kind, params={"value": value}, code="wrong_kind")


def phone_number_problem(value: str) -> str | None:
    """What is wrong with a stored number (one typed before the rule, or imported), in the
    words the editor would have been given; None when it is fine."""
    try:
        validate_phone_number(value)
    except ValidationError as error:
        return " ".join(error.messages)
    return None
