"""Hostile input for the security tests, and the readers that decide whether any of it came
back alive: a page is parsed (html.parser, as a browser would tokenise it) instead of searched
for substrings, so an escaped payload passes and a live element or attribute fails whatever
its spelling."""

from __future__ import annotations

import contextlib
import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.urls import reverse
from django.utils import timezone

from plan_builder import forms as plan_forms
from plan_builder.fields import DATE_PARTS, DateField
from plan_builder.models import Plan, Team
from plan_builder.sections import ROW_KINDS
from plan_builder.sections import SECTION_FORMS as SECTIONS
from tests.plan_factories import date_post

# Each is short enough for the shortest free-text field (100 characters), so it can be saved
# and read back; LONG and NUL are refused by every field.
XSS = {
    "script": "<script>alert(1)</script>",
    "img-onerror": '"><img src=x onerror=alert(1)>',
    "svg-onload": "'><svg/onload=alert(1)>",
    "javascript-url": "javascript:alert(1)",
    "anchor-js": '<a href="javascript:alert(1)">click</a>',
    "closing-textarea": "</textarea><script>alert(1)</script>",
    "template": "{{ 7*7 }} {% now 'Y' %} ${7*7}",
    "rtl-override": "Peggy \u202egnp.exe\u202c \u2066isolated\u2069",
    "entities": "&lt;script&gt; &amp; &#60;b&#62;",
    "sql": "'; DROP TABLE plan_builder_plan; --",
}

LONG = "a" * 10_000
NUL = "before\x00after"

# What a search engine could read as query syntax (SQLite FTS5, PostgreSQL tsquery,
# Elasticsearch query strings): every search box is tried with each, alone and after a word.
SEARCH_SYNTAX = {
    "lone-double-quote": '"',
    "unclosed-phrase": '"memory loss',
    "phrase": '"memory loss"',
    "lone-single-quote": "'",
    "apostrophe": "carer's guide",
    "unclosed-single-quote": "'memory",
    "star": "mem*",
    "lone-star": "*",
    "minus": "-memory",
    "lone-minus": "-",
    "plus": "+memory +goals",
    "brackets": "(memory OR goals)",
    "lone-bracket": "(",
    "closing-bracket": "memory)",
    "column": "title:memory",
    "lone-colon": ":",
    "caret": "memory^2",
    "tilde": "memory~2",
    "and-or-not": "memory AND goals OR NOT money",
    "lone-or": "OR",
    "lone-not": "NOT",
    "near": "NEAR(memory goals, 5)",
    "tsquery": "a & b | !c <-> d:*",
    "backslash": "\\ memory\\",
    "sql-wildcards": "100% _memory_",
    "nul-in-a-word": "mem\x00ory",
    "long-word": "a" * 200,
    "long-word-of-emoji": "\U0001f600" * 200,
    "only-spaces": "   ",
}

# Attributes a browser would run, and URL attributes that can carry `javascript:`.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


@dataclass
class LiveMarkup:
    scripts: list[str]
    handlers: list[tuple[str, str]]
    javascript_urls: list[tuple[str, str]]
    injected_tags: list[str]

    def __bool__(self) -> bool:
        # Pages may carry scripts of their own (the Wagtail admin does); a payload's says alert.
        injected_scripts = [script for script in self.scripts if "alert" in script]
        return bool(injected_scripts or self.handlers or self.javascript_urls or self.injected_tags)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = LiveMarkup([], [], [], [])
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            # JSON in a script element is data, never run.
            self._in_script = dict(attrs).get("type") not in ("application/json", "text/template")
        if tag in ("img", "image", "iframe", "object", "embed") and any(
            value in ("x", None) for name, value in attrs if name == "src"
        ):
            self.found.injected_tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.handlers.append((tag, name))
            if name in URL_ATTRIBUTES and value:
                squashed = "".join(value.split()).lower()
                if squashed.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.found.javascript_urls.append((tag, value))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.found.scripts.append(data)
        else:
            self.text.append(data)


def live_markup(html: str) -> LiveMarkup:
    """Scripts, event handlers, javascript: links and injected tags in a page. The pages under
    test have no inline scripts and no handlers of their own, so any found came from input."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.found


def page_text(html: str) -> str:
    """What a person reads (character references decoded), outside any script."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return "".join(reader.text)


def json_strings(data) -> list[str]:
    """Every string value anywhere in a JSON document."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in json_strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in json_strings(value)]
    return []


def json_holds(body: bytes, payload: str) -> bool:
    return any(payload in text for text in json_strings(json.loads(body)))


# The forms a practitioner fills in, found from the views that use them, so a form or a field
# added later is tried without anyone remembering to list it here.
def plan_forms_in_use() -> dict[str, type[forms.BaseForm]]:
    found = {
        "person": plan_forms.PersonForm,
        "new-plan": plan_forms.NewPlanForm,
        "share": plan_forms.ShareLinkForm,
        "start-review": plan_forms.StartReviewForm,
        "person-delete": plan_forms.PersonDeleteForm,
        "remove": plan_forms.RemoveForm,
    }
    found.update({f"section:{name}": section.form_class for name, section in SECTIONS.items()})
    found.update({f"row:{name}": kind.form_class for name, kind in ROW_KINDS.items()})
    return found


PLAIN_TEXT_VALIDATORS = (MaxLengthValidator, ProhibitNullCharactersValidator)


def validators_of(form: forms.BaseForm, name: str) -> list:
    """The form field's validators and, for a model form, the model field's: those run too."""
    found = list(form.fields[name].validators)
    model = getattr(getattr(form, "_meta", None), "model", None)
    if model is not None:
        with contextlib.suppress(FieldDoesNotExist):
            found += model._meta.get_field(name).validators
    return found


def is_free_text(form: forms.BaseForm, name: str) -> bool:
    """Typed words with no format to follow: any text is acceptable if it fits."""
    field = form.fields[name]
    return (
        type(field) is forms.CharField
        and not isinstance(field.widget, forms.HiddenInput)
        and all(
            isinstance(validator, PLAIN_TEXT_VALIDATORS) for validator in validators_of(form, name)
        )
    )


def is_checked_text(form: forms.BaseForm, name: str) -> bool:
    """Typed text that must follow a format (NHS number, phone, email)."""
    return isinstance(form.fields[name], forms.CharField) and not is_free_text(form, name)


def is_choice(form: forms.BaseForm, name: str) -> bool:
    """Radios, 1-10 scales and lists: the value sent must be one the form offers."""
    return isinstance(form.fields[name], forms.ChoiceField)


# Where each form is posted and the least it needs to save -----------------------------


def days(name: str, count: int) -> dict[str, str]:
    """A date `count` days from today, typed into the day, month and year boxes of `name`."""
    return date_post(name, timezone.localdate() + datetime.timedelta(days=count))


@dataclass(frozen=True)
class Target:
    form_class: type[forms.BaseForm]
    url: Callable  # (world) -> str
    base: Callable  # (world) -> dict: the least a valid post needs besides text
    form_kwargs: Callable = field(default=lambda world: {})
    # Saving changes the plan's revision; forms that carry it send the current one.
    sends_revision: bool = True
    # Posting it is not an edit of this plan's page (a share link, a new plan, a removal).
    saves_into_plan: bool = True


def plan_url(name: str, *extra):
    return lambda world: reverse(f"plan_builder:{name}", args=[world.plan.pk, *extra])


def row_add(kind: str):
    return lambda world: reverse("plan_builder:row_add", args=[world.plan.pk, kind])


def goal_row_add(kind: str):
    return lambda world: reverse(
        "plan_builder:goal_row_add", args=[world.plan.pk, world.goal.pk, kind]
    )


# "Another language" with its name: that box is typed into too, and must then be valid.
PERSON_BASE = {
    "full_name": "Philomena Quarterman",
    "preferred_language": "other",
    "preferred_language_other": "Krio",
}

TARGETS: dict[str, Target] = {
    "person": Target(
        plan_forms.PersonForm,
        plan_url("person_edit"),
        lambda world: dict(PERSON_BASE),
        lambda world: {"teams": Team.objects.filter(pk=world.team.pk)},
    ),
    "new-plan": Target(
        plan_forms.NewPlanForm,
        lambda world: reverse("plan_builder:plan_create"),
        lambda world: {**PERSON_BASE, "team": world.team.pk, **days("review_due", 60)},
        lambda world: {"teams": Team.objects.filter(pk=world.team.pk)},
        sends_revision=False,
        saves_into_plan=False,
    ),
    "section:about-me": Target(
        plan_forms.AboutMeForm, plan_url("section_edit", "about-me"), lambda world: {}
    ),
    "section:contingency": Target(
        plan_forms.ContingencyForm, plan_url("section_edit", "contingency"), lambda world: {}
    ),
    "section:agreement": Target(
        plan_forms.AgreementForm,
        plan_url("section_edit", "agreement"),
        lambda world: {
            "agreed_by": "person",
            **days("agreed_on", 0),
            "consent_to_share": "no",
        },
    ),
    "section:review-date": Target(
        plan_forms.ReviewDateForm,
        plan_url("section_edit", "review-date"),
        lambda world: days("review_due", 60),
    ),
    "row:contacts": Target(
        plan_forms.ContactForm, row_add("contacts"), lambda world: {"kind": "personal"}
    ),
    "row:strengths": Target(plan_forms.StatementForm, row_add("strengths"), lambda world: {}),
    "row:needs": Target(plan_forms.StatementForm, row_add("needs"), lambda world: {}),
    "row:goals": Target(
        plan_forms.GoalForm, row_add("goals"), lambda world: {"importance": 5, "status": "active"}
    ),
    "row:actions": Target(
        plan_forms.ActionForm, goal_row_add("actions"), lambda world: {"status": "planned"}
    ),
    "row:ratings": Target(
        plan_forms.GoalRatingForm,
        goal_row_add("ratings"),
        lambda world: {**days("rated_on", 0), "attainment": 5},
    ),
    "row:attachments": Target(
        plan_forms.AttachmentForm,
        lambda world: reverse(
            "plan_builder:row_edit",
            args=[world.plan.pk, "attachments", world.service_attachment.pk],
        ),
        lambda world: {"support_type": "signposted"},
        lambda world: {"plan": world.plan, "is_service": True},
    ),
    "share": Target(
        plan_forms.ShareLinkForm,
        plan_url("share"),
        lambda world: days("expires_on", 28),
        sends_revision=False,
        saves_into_plan=False,
    ),
    "start-review": Target(
        plan_forms.StartReviewForm,
        plan_url("start_review"),
        lambda world: {"review_type": "planned", **days("review_due", 60)},
        sends_revision=False,
        saves_into_plan=False,
    ),
    "person-delete": Target(
        plan_forms.PersonDeleteForm,
        plan_url("person_delete"),
        lambda world: {},
        lambda world: {"person": world.plan.person},
        sends_revision=False,
        saves_into_plan=False,
    ),
    "remove": Target(
        plan_forms.RemoveForm,
        lambda world: reverse(
            "plan_builder:row_delete", args=[world.plan.pk, "strengths", world.rows["strengths"].pk]
        ),
        lambda world: {},
        saves_into_plan=False,
    ),
}


def form_of(name: str, world) -> forms.BaseForm:
    target = TARGETS[name]
    return target.form_class(**target.form_kwargs(world))


def free_text_fields(name: str, world) -> dict[str, forms.Field]:
    form = form_of(name, world)
    return {key: field for key, field in form.fields.items() if is_free_text(form, key)}


def checked_text_fields(name: str, world) -> dict[str, forms.Field]:
    form = form_of(name, world)
    return {key: field for key, field in form.fields.items() if is_checked_text(form, key)}


def date_fields(name: str, world) -> dict[str, DateField]:
    form = form_of(name, world)
    return {key: field for key, field in form.fields.items() if isinstance(field, DateField)}


def date_boxes(name: str, world) -> dict[str, str]:
    """Every day, month and year box of the form's dates: the name posted -> its date field."""
    return {f"{field}-{part}": field for field in date_fields(name, world) for part in DATE_PARTS}


def choice_fields(name: str, world) -> dict[str, forms.Field]:
    form = form_of(name, world)
    return {key: field for key, field in form.fields.items() if is_choice(form, key)}


def post_data(name: str, world, values: dict) -> dict:
    target = TARGETS[name]
    data = {**target.base(world), **values}
    if target.sends_revision:
        data["revision"] = Plan.objects.get(pk=world.plan.pk).edit_revision
    return data


def forms_defined_in_plan_builder() -> set[type]:
    """Every form class plan_builder/forms.py defines (mixins and widgets aside), but the
    sign-in form, which holds no plan data (test_odd_usernames_on_the_sign_in_pages_... tries
    it)."""
    return {
        value
        for value in vars(plan_forms).values()
        if isinstance(value, type)
        and issubclass(value, forms.BaseForm)
        and value.__module__.startswith(f"{plan_forms.__name__}.")
        and value is not plan_forms.SignInForm
    }


def untargeted_forms() -> set[str]:
    in_use = plan_forms_in_use()
    missing = {name for name in in_use if name not in TARGETS}
    missing |= {
        form.__name__ for form in forms_defined_in_plan_builder() if form not in in_use.values()
    }
    return missing
