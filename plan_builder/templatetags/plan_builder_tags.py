from __future__ import annotations

from typing import Any, cast

from django import forms, template
from django.template.context import Context
from django.utils.html import format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django_stubs_ext import StrOrPromise

from plan_builder import content_languages, persons_copy_words
from plan_builder.fields import ERROR_PARTS, DateField, DateInputWidget, ScaleWidget
from plan_builder.validators import phone_number_for_link

register = template.Library()

WIDGET_CLASSES = {"textarea": "nhsuk-textarea", "select": "nhsuk-select", "input": "nhsuk-input"}


@register.filter
def widget_kind(bound_field: forms.BoundField) -> str:
    widget = bound_field.field.widget
    if isinstance(widget, DateInputWidget):
        return "date"
    if isinstance(widget, ScaleWidget):
        return "scale"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


@register.filter
def is_optional(bound_field: forms.BoundField) -> bool:
    """Labelled "(optional)": not required, and not needed with some other answer (a
    referral's status, who agreed the plan). A single tick box is never labelled."""
    field = bound_field.field
    return (
        not field.required
        and not getattr(field, "when_needed", False)
        and widget_kind(bound_field) != "checkbox"
    )


@register.filter
def hint_lines(bound_field: forms.BoundField) -> list[StrOrPromise]:
    """The hint under the label: the help text, and for a date an example to copy. A tick
    box's help text is its own label instead."""
    kind = widget_kind(bound_field)
    lines: list[StrOrPromise] = (
        [bound_field.help_text] if bound_field.help_text and kind != "checkbox" else []
    )
    if kind == "date":
        lines.append(cast(DateField, bound_field.field).example_text)
    return lines


@register.filter
def described_by(bound_field: forms.BoundField) -> str:
    """The ids of the field's hint and error, for aria-describedby."""
    ids = []
    if hint_lines(bound_field):
        ids.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}-error")
    return " ".join(ids)


@register.filter
def error_target(bound_field: forms.BoundField) -> str:
    """Where the error summary's link takes focus: the first box at fault in a date, the first
    radio of a group, or the field itself."""
    kind = widget_kind(bound_field)
    if kind == "date":
        return f"{bound_field.auto_id}-{date_parts_in_error(bound_field)[0]}"
    if kind in ("radios", "scale"):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label


def date_parts_in_error(bound_field: forms.BoundField) -> tuple[str, ...]:
    if not bound_field.errors:
        return ()
    return cast(DateField, bound_field.field).parts_in_error(bound_field.value())


@register.filter
def error_link(bound_field: forms.BoundField) -> tuple[str, str] | None:
    """A link the form offers beside this field's error, as (url, text)."""
    return getattr(bound_field.form, "error_links", {}).get(bound_field.name)


@register.filter
def scale_ends(bound_field: forms.BoundField) -> dict[str, str]:
    widget = bound_field.field.widget
    return {"low": widget.low, "high": widget.high}


@register.filter
def nhsuk_widget(bound_field: forms.BoundField) -> SafeString:
    """Render the widget with NHS.UK classes, its hint and error linked for screen readers.
    Autofill is off: practitioners type other people's details, never their own."""
    kind = widget_kind(bound_field)
    if kind == "date":
        # The date widget takes the boxes in error as a tuple (fields.DateInputWidget).
        date_attrs: dict[str, Any] = {
            "autocomplete": "off",
            ERROR_PARTS: date_parts_in_error(bound_field),
        }
        return bound_field.as_widget(attrs=date_attrs)
    css = WIDGET_CLASSES[kind]
    if bound_field.errors:
        css += f" {css}--error"
    attrs: dict[str, Any] = {"class": css, "autocomplete": "off"}
    if ids := described_by(bound_field):
        attrs["aria-describedby"] = ids
    return bound_field.as_widget(attrs=attrs)


@register.filter
def tel_link(phone: str) -> str:
    return phone_number_for_link(phone) if phone else ""


register.filter("goal_status_words", persons_copy_words.goal_status_words)
register.filter("action_status_words", persons_copy_words.action_status_words)
register.filter("support_words", persons_copy_words.support_words)
register.filter("agreement_words", persons_copy_words.agreement_words)


@register.simple_tag(takes_context=True)
def page_query(context: Context, number: int) -> str:
    """The current query string with another page number, so filters survive paging."""
    query = context["request"].GET.copy()
    query["page"] = number
    return query.urlencode()


register.filter("text_dir", content_languages.text_direction)
register.filter("typed", content_languages.typed)


@register.filter
def typed_paragraphs(value: str | None) -> str | None:
    """Several lines someone typed, as paragraphs in their own direction."""
    if not value:
        return value
    paragraphs = mark_safe(linebreaks(value, autoescape=True))  # noqa: S308  # nosec B308 B703 - linebreaks escaped the text
    direction = content_languages.text_direction(value)
    return format_html('<div dir="{}">{}</div>', direction, paragraphs)


@register.filter
def ltr(value: str | None) -> str | None:
    """Numbers (phone, NHS number) keep their left-to-right order inside right-to-left text:
    otherwise Urdu shows "0161 496 0000" as "0000 496 0161"."""
    if not value:
        return value
    return format_html('<bdi class="plan-number" dir="ltr">{}</bdi>', value)


@register.simple_tag
def lang_attrs(code: str) -> SafeString:
    """` lang=".." dir=".."` for text written in `code` when the page is in another language."""
    return content_languages.language_attributes(code)


@register.filter
def language_names(codes: list[str]) -> SafeString:
    """The languages' own names, each marked with its language: "Cymraeg, اردو"."""
    return content_languages.language_names(codes)


# Web addresses are in Latin letters, mostly English words: read as English, left to right.
WEB_ADDRESS_LANGUAGE = "en"


@register.filter
def web_address(url: str) -> str:
    """A web address shown as text: kept left to right inside right-to-left text, and marked
    as English on a page in another language, so a screen reader does not read it as that."""
    if not url:
        return url
    attributes = content_languages.language_attributes(WEB_ADDRESS_LANGUAGE) or SafeString(
        ' dir="ltr"'
    )
    return format_html("<bdi{}>{}</bdi>", attributes, url)
