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

__all__ = ["phone_number_for_display", "phone_number_for_link", "validate_phone_number"]


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
