import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def parse_uk_phone_number(value: str) -> phonenumbers.PhoneNumber:
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            _("Enter a phone number, like 0800 888 6678 or +44 20 7946 0000."), code="invalid"
        ) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("%(value)s is not a valid phone number. Check the number of digits."),
            params={"value": value},
            code="invalid",
        )
    return number


def validate_phone_number(value: str) -> None:
    parse_uk_phone_number(value)


def phone_number_for_display(value: str) -> str:
    """UK numbers in the national format people dial ("0800 888 6678")."""
    number = phonenumbers.parse(value, "GB")
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 44
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def phone_number_for_link(value: str) -> str:
    return phonenumbers.format_number(
        phonenumbers.parse(value, "GB"), phonenumbers.PhoneNumberFormat.RFC3966
    )
