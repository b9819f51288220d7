from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from plan_builder import languages
from plan_builder.validators import phone_number_for_link

register = template.Library()

WIDGET_CLASSES = {"textarea": "nhsuk-textarea", "select": "nhsuk-select", "input": "nhsuk-input"}


@register.filter
def widget_kind(bound_field: forms.BoundField) -> str:
    widget = bound_field.field.widget
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
def nhsuk_widget(bound_field: forms.BoundField):
    """Render the widget with NHS.UK classes, its hint and error linked for screen readers.
    Autofill is off: practitioners type other people's details, never their own."""
    kind = widget_kind(bound_field)
    css = WIDGET_CLASSES[kind]
    if bound_field.errors:
        css += f" {css}--error"
    widget = bound_field.field.widget
    if isinstance(widget, forms.DateInput):
        css += " nhsuk-input--width-10"
    elif isinstance(widget, forms.NumberInput):
        css += " nhsuk-input--width-3"
    attrs = {"class": css, "autocomplete": "off"}
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


@register.filter
def tel_link(phone: str) -> str:
    return phone_number_for_link(phone) if phone else ""


@register.simple_tag(takes_context=True)
def page_query(context, number: int) -> str:
    """The current query string with another page number, so filters survive paging."""
    query = context["request"].GET.copy()
    query["page"] = number
    return query.urlencode()


@register.filter
def ltr(value):
    """Numbers (phone, NHS number) keep their left-to-right order inside right-to-left text:
    otherwise Urdu shows "0161 496 0000" as "0000 496 0161"."""
    if not value:
        return value
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.simple_tag
def lang_attrs(code: str):
    """` lang=".." dir=".."` for text written in `code` when the page is in another language."""
    return languages.language_attributes(code)


@register.filter
def language_names(codes: list[str]):
    """The languages' own names, each marked with its language: "Cymraeg, اردو"."""
    return languages.language_names(codes)


# Web addresses are in Latin letters, mostly English words: read as English, left to right.
WEB_ADDRESS_LANGUAGE = "en"


@register.filter
def web_address(url: str):
    """A web address shown as text: kept left to right inside right-to-left text, and marked
    as English on a page in another language, so a screen reader does not read it as that."""
    if not url:
        return url
    attributes = languages.language_attributes(WEB_ADDRESS_LANGUAGE) or SafeString(' dir="ltr"')
    return format_html("<bdi{}>{}</bdi>", attributes, url)
