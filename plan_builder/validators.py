import unicodedata

import nhs_number
import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def search_words(value: str) -> str:
    """Search words as typed, with any NUL made a space: PostgreSQL refuses a NUL in any
    string (a server error), and no name or title holds one."""
    return value.replace("\x00", " ").strip()


# Every full-text search box (the public site's search and the plan builder's attach search)
# uses this one rule; it lives here, in the plugin, because the site may import the plugin
# and the plugin may not import the site. Wagtail's database search quotes each word for
# SQLite's FTS5, where a double quote is query syntax (a lone `"` was a server error), and a
# NUL ends an SQLite string and is refused by PostgreSQL; neither helps find anything.
# Other syntax (* - + ( ) : ^ ~ AND OR NOT NEAR) is quoted as an ordinary word by every
# backend, so it is left for the search to find, or not.
NOT_SEARCHED = str.maketrans({'"': " ", "\x00": " "})


def full_text_words(value: str) -> str:
    """The words of a query as a full-text search takes them: no double quotes or NULs, one
    space between words."""
    return " ".join(value.translate(NOT_SEARCHED).split())


def ascii_digits(value: str) -> str:
    """Digits typed on an Urdu, Arabic or full-width keyboard (U+06F9, U+0669, U+FF19 for 9)
    as ASCII digits; every other character as it was."""
    return "".join(
        str(unicodedata.decimal(character)) if character.isdecimal() else character
        for character in value
    )


def normalise_nhs_number(value: str) -> str:
    """Plain digits only, whatever keyboard typed them, so a number is stored, searched,
    compared and exported to FHIR in one form."""
    return ascii_digits(
        "".join(character for character in value if not character.isspace() and character != "-")
    )


def validate_nhs_number(value: str) -> None:
    """The modulus 11 check, through the `nhs-number` library rather than by hand."""
    digits = normalise_nhs_number(value)
    if not (digits.isascii() and digits.isdigit()) or len(digits) != 10:
        raise ValidationError(
            _("Enter the NHS number as 10 digits, for example 943 476 5919."), code="format"
        )
    if not nhs_number.is_valid(digits):
        raise ValidationError(
            _("This is not a valid NHS number. Check each digit against their NHS letter."),
            code="checksum",
        )


def format_nhs_number(value: str) -> str:
    digits = normalise_nhs_number(value)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 10 else value


# The one reading of a phone number, for the plugin and the site: UK numbers as people write
# them, others with their country code.
def parse_phone_number(value: str) -> phonenumbers.PhoneNumber | None:
    """The number as typed, or None when it cannot be read as one."""
    try:
        return phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None


def validate_phone_number(value: str) -> None:
    number = parse_phone_number(value)
    if number is None or not phonenumbers.is_possible_number(number):
        raise ValidationError(
            _("Enter a phone number with its area code, for example 0161 123 4567."),
            code="phone",
        )


def phone_number_for_link(value: str) -> str:
    """A `tel:` URI, or "" when the text is not a number a phone could dial."""
    number = parse_phone_number(value)
    if number is None or not phonenumbers.is_possible_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)


def phone_number_for_display(value: str) -> str:
    """UK numbers in the national format people dial ("0800 888 6678"), others in the
    international format; the text as it was when it is not a number."""
    number = parse_phone_number(value)
    if number is None:
        return value
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 44
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)
