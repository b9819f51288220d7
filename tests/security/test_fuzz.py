"""Property-based tests (Hypothesis) over everything that takes free input: any text in any
plan form field, through the form classes and through the views; any query string on the
public search and library; any share token; NHS and phone numbers in any form and script.

Settings: `derandomize=True` makes Hypothesis draw the same examples on every run (seeded from
each test's source), so CI is reproducible and a failure on one machine fails on every
machine; no example database is kept (`database=None`), so nothing depends on local state.
New examples come when a test or strategy changes. The example counts keep the file under a
minute on a small shared machine. Each test creates its plan once (the `world` fixture) and its
examples share that test's transaction, so examples see what earlier ones saved; the checks
are written to hold whatever is already in the plan."""

import datetime
import json
import re
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_builder.fields import DATE_PARTS, read_date
from plan_builder.forms import PersonForm
from plan_builder.models import FormDraft, Team
from plan_builder.registry import registry
from plan_builder.tests.reading import field_error
from plan_builder.validators import phone_number_for_link
from tests.plan_factories import date_post
from tests.security.conftest import NAME
from tests.security.payloads import (
    SEARCH_SYNTAX,
    TARGETS,
    choice_fields,
    date_boxes,
    free_text_fields,
    json_holds,
    live_markup,
    page_text,
    post_data,
)

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # every factory-made user's

FUZZ = {
    "deadline": None,  # the first request of a test warms caches and templates
    "derandomize": True,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}

# Letters, markup, quotes, control characters, right-to-left and combining marks, emoji.
ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from("<>\"'&/\\{}%;:=`\x00\u202e\u2066\u200b\ufeff"),
    ),
    max_size=300,
)
FORM_NAMES = [name for name in TARGETS if name not in ("start-review", "remove")]


def edit_url(name: str, world) -> str:
    """Rows are edited in place rather than added, so the plan does not grow per example."""
    if name.startswith("row:"):
        kind = name.removeprefix("row:")
        return reverse("plan_builder:row_edit", args=[world.plan.pk, kind, world.rows[kind].pk])
    return TARGETS[name].url(world)


@settings(**FUZZ, max_examples=150)
@given(data=st.data())
def test_any_text_in_any_field_is_either_accepted_as_typed_or_refused_with_a_message(world, data):
    """Through the form classes: no exception, and nothing is quietly changed but spaces."""
    name = data.draw(st.sampled_from(FORM_NAMES), label="form")
    field = data.draw(st.sampled_from(sorted(free_text_fields(name, world))), label="field")
    text = data.draw(ANY_TEXT, label="text")
    target = TARGETS[name]

    form = target.form_class(post_data(name, world, {field: text}), **target.form_kwargs(world))

    if form.is_valid():
        assert form.cleaned_data[field] == text.strip()
        assert "\x00" not in text
        assert len(text.strip()) <= (form.fields[field].max_length or len(text))
    else:
        assert form.errors, "refused without saying why"


@settings(**FUZZ, max_examples=40)
@given(data=st.data())
def test_any_text_posted_to_any_plan_form_is_saved_and_shown_as_text_or_refused(
    lead_client, world, data
):
    name = data.draw(
        st.sampled_from([n for n in FORM_NAMES if TARGETS[n].saves_into_plan]), label="form"
    )
    field = data.draw(st.sampled_from(sorted(free_text_fields(name, world))), label="field")
    text = data.draw(ANY_TEXT, label="text")
    if name == "person" and field == "full_name":
        text = text or NAME

    response = lead_client.post(edit_url(name, world), post_data(name, world, {field: text}))

    assert response.status_code in (200, 302), response.status_code
    html = response.content.decode()
    assert not live_markup(html)
    if response.status_code == 200:
        assert field_error(html, f"id_{field}") or "There is a problem" in html
        return
    shown = ""
    for page in ["plan_detail", "my_plan"]:
        page_response = lead_client.get(reverse(f"plan_builder:{page}", args=[world.plan.pk]))
        assert page_response.status_code == 200
        assert not live_markup(page_response.content.decode())
        shown += page_text(page_response.content.decode())
    expected = text.strip()
    if expected.isprintable():  # other whitespace may become line breaks on the page
        assert expected in shown


@settings(**FUZZ, max_examples=120)
@given(data=st.data())
def test_any_text_in_any_date_box_is_read_as_that_date_or_refused_with_a_message(world, data):
    """Through the form classes: a date is accepted only when the three boxes make it, and is
    then exactly that date; anything else is a message on the date, never an exception."""
    name = data.draw(st.sampled_from([n for n in FORM_NAMES if date_boxes(n, world)]), label="form")
    box = data.draw(st.sampled_from(sorted(date_boxes(name, world))), label="box")
    field = date_boxes(name, world)[box]
    digits = st.text(alphabet="0123456789", max_size=5)
    text = data.draw(st.one_of(ANY_TEXT, digits), label="text")
    typed = {**date_post(field, timezone.localdate()), box: text}
    target = TARGETS[name]

    form = target.form_class(post_data(name, world, typed), **target.form_kwargs(world))

    if form.is_valid():
        found, problem = read_date([typed[f"{field}-{part}"] for part in DATE_PARTS])
        assert problem is None and form.cleaned_data[field] == found
    else:
        assert form.errors, "refused without saying why"


@settings(**FUZZ, max_examples=40)
@given(data=st.data())
def test_any_text_in_a_date_box_or_as_a_choice_posted_to_a_plan_form_is_answered(
    lead_client, world, data
):
    """Through the views: day, month and year boxes, radios, 1-10 scales and lists."""
    name = data.draw(st.sampled_from(FORM_NAMES), label="form")
    inputs = sorted(set(date_boxes(name, world)) | set(choice_fields(name, world)))
    if not inputs:
        return
    key = data.draw(st.sampled_from(inputs), label="input")
    text = data.draw(ANY_TEXT, label="text")

    response = lead_client.post(edit_url(name, world), post_data(name, world, {key: text}))

    assert response.status_code in (200, 302), response.status_code
    assert not live_markup(response.content.decode())


@settings(**FUZZ, max_examples=5)
@given(text=ANY_TEXT.filter(lambda text: "\x00" not in text and text.strip()))
def test_any_text_saved_in_a_plan_makes_a_pdf_and_valid_fhir(lead_client, world, text):
    response = lead_client.post(
        TARGETS["section:about-me"].url(world),
        post_data("section:about-me", world, {"what_matters_most": text[:2000]}),
    )
    assert response.status_code == 302

    pdf = lead_client.get(reverse("plan_builder:my_plan_pdf", args=[world.plan.pk]))
    fhir = lead_client.get(reverse("plan_builder:plan_fhir", args=[world.plan.pk]))

    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert fhir.status_code == 200
    assert json_holds(fhir.content, text.strip())


@settings(**FUZZ, max_examples=25)
@given(data=st.data())
def test_any_text_sent_after_the_session_ended_is_kept_exactly_and_given_back_as_text(world, data):
    """Signed out by time, a form's post is kept as sent, to the character, and after
    signing in again it comes back in the form as text (or not at all when nothing was
    typed)."""
    name = data.draw(
        st.sampled_from([n for n in FORM_NAMES if TARGETS[n].saves_into_plan]), label="form"
    )
    field = data.draw(st.sampled_from(sorted(free_text_fields(name, world))), label="field")
    text = data.draw(ANY_TEXT, label="text")
    url = TARGETS[name].url(world)
    client = Client(raise_request_exception=False)
    client.force_login(world.lead)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    posted = post_data(name, world, {field: text})
    before = set(FormDraft.objects.values_list("pk", flat=True))

    sent = client.post(url, posted)

    assert sent.status_code == 302, sent.status_code
    new = FormDraft.objects.exclude(pk__in=before)
    typed = [str(value) for key, value in posted.items() if key != "revision"]
    assert new.exists() == any(value.strip() for value in typed)
    if not new.exists():
        return
    assert json.loads(new.get().data)[field] == [text]
    client.post(
        reverse("plan_builder:login"), {"username": "lead", "password": PASSWORD, "next": url}
    )
    restored = client.get(url)
    assert restored.status_code == 200
    assert not live_markup(restored.content.decode())
    assert "is back in the form" in restored.content.decode()
    assert not FormDraft.objects.exclude(pk__in=before).exists(), "given back once"


PARAMETER_NAMES = st.one_of(
    st.sampled_from(["q", "page", "topic", "audience", "type", "area", "language"]),
    st.text(max_size=20),
)
QUERY_STRINGS = st.one_of(
    st.lists(st.tuples(PARAMETER_NAMES, ANY_TEXT), max_size=6).map(urlencode),
    # Raw bytes, percent-encoded: invalid UTF-8 included.
    st.lists(st.tuples(PARAMETER_NAMES, st.binary(max_size=40)), max_size=4).map(
        lambda pairs: "&".join(f"{quote(key)}={quote_from_bytes(value)}" for key, value in pairs)
    ),
)


@settings(**FUZZ, max_examples=60)
@given(
    path=st.sampled_from(["/en/search/", "/en/resources/", "/en/support-organisations/"]),
    query=QUERY_STRINGS,
)
def test_any_query_string_on_the_public_search_and_library_is_answered(site_tree, path, query):
    response = Client(raise_request_exception=False).get(path, QUERY_STRING=query)

    assert response.status_code < 500, query
    assert not live_markup(response.content.decode())


@settings(**FUZZ, max_examples=40)
@given(data=st.data())
def test_any_query_string_on_the_plan_list_and_attach_search_is_answered(lead_client, world, data):
    path = data.draw(
        st.sampled_from(
            [
                reverse("plan_builder:plan_list"),
                reverse("plan_builder:attach_search", args=[world.plan.pk]),
            ]
        )
    )
    query = data.draw(QUERY_STRINGS, label="query")

    response = lead_client.get(path, QUERY_STRING=query)

    assert response.status_code == 200, query
    assert not live_markup(response.content.decode())


# What people type into a search box: any text, search-engine syntax, or a word and syntax.
SEARCH_WORDS = st.one_of(
    ANY_TEXT,
    st.sampled_from(list(SEARCH_SYNTAX.values())),
    st.tuples(ANY_TEXT, st.sampled_from(list(SEARCH_SYNTAX.values()))).map(" ".join),
)
PAGES = st.one_of(st.integers(-2, 5).map(str), st.just("99999999999999999999999"), ANY_TEXT)


@settings(**FUZZ, max_examples=60)
@given(data=st.data())
def test_any_words_in_either_search_box_with_any_filters_and_page_are_answered(
    lead_client, attach_world, data
):
    """The public search and the attach search take the same words; the attach search any
    of its filters' options (of any registered type) besides, and any page."""
    box = data.draw(st.sampled_from(["public", "attach"]), label="box")
    params = {"q": data.draw(SEARCH_WORDS, label="q"), "page": data.draw(PAGES, label="page")}
    if box == "public":
        client, url = Client(raise_request_exception=False), "/en/search/"
    else:
        client = lead_client
        url = reverse("plan_builder:attach_search", args=[attach_world.plan.pk])
        attachable = data.draw(st.sampled_from(registry.all()), label="type")
        params["type"] = attachable.key
        for choice in attachable.get_filters():
            values = [option.value for option in choice.options]
            if values:
                params[choice.name] = data.draw(
                    st.lists(st.sampled_from(values), unique=True), label=choice.name
                )

    response = client.get(url, params)

    assert response.status_code == 200, params
    html = response.content.decode()
    assert not live_markup(html)
    if box == "attach":
        assert re.search(r'<p role="status">\d+ results?</p>', html), params


@settings(**FUZZ, max_examples=80)
@given(token=st.one_of(ANY_TEXT, st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh-_0123")))
def test_any_share_token_but_a_real_one_is_not_found(world, token):
    for suffix in ["", "plan.pdf"]:
        response = Client(raise_request_exception=False).get(
            f"/plans/shared/{quote(token, safe='')}/{suffix}"
        )
        assert response.status_code == 404
        assert NAME not in response.content.decode()


# NHS numbers and phone numbers ------------------------------------------------------------


def nhs_check_digit(nine: str) -> int:
    total = sum(int(digit) * weight for digit, weight in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return 0 if check == 11 else check


# England and Wales issue numbers from 400 000 0000 and the 9s are for testing; numbers
# starting 010 to 311 are Scottish CHI numbers, which also encode a date of birth.
VALID_NHS_NUMBERS = (
    st.tuples(st.sampled_from("49"), st.text(alphabet="0123456789", min_size=8, max_size=8))
    .map("".join)
    .filter(lambda nine: nhs_check_digit(nine) != 10)
    .map(lambda nine: nine + str(nhs_check_digit(nine)))
)
# The same ten digits as other scripts write them: Arabic-Indic, Urdu (extended
# Arabic-Indic), Devanagari, Bengali, full width.
DIGIT_ZEROS = [0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xFF10]


def written(number: str, zero: int, style: str) -> str:
    digits = "".join(chr(zero + int(digit)) for digit in number)
    if style == "spaced":
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    if style == "dashed":
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


def person_form(**values) -> PersonForm:
    return PersonForm(
        {"full_name": NAME, "preferred_language": "en", **values},
        instance=None,
        revision=0,
        teams=Team.objects.none(),
    )


@settings(**FUZZ, max_examples=60)
@given(
    number=VALID_NHS_NUMBERS,
    zero=st.sampled_from(DIGIT_ZEROS),
    style=st.sampled_from(["plain", "spaced", "dashed"]),
)
def test_a_valid_nhs_number_in_any_digits_is_stored_as_ten_plain_digits(number, zero, style):
    form = person_form(nhs_number=written(number, zero, style))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["nhs_number"] == number


@settings(**FUZZ, max_examples=60)
@given(number=VALID_NHS_NUMBERS, position=st.integers(0, 9), change=st.integers(1, 9))
def test_an_nhs_number_with_one_digit_wrong_is_refused_with_a_message(number, position, change):
    wrong = number[:position] + str((int(number[position]) + change) % 10) + number[position + 1 :]
    if nhs_check_digit(wrong[:9]) == int(wrong[9]):
        return  # the rare change the check digit cannot see

    form = person_form(nhs_number=wrong)

    assert not form.is_valid()
    assert "not a valid NHS number" in form.errors["nhs_number"][0]


@settings(**FUZZ, max_examples=100)
@given(text=ANY_TEXT)
def test_anything_accepted_as_an_nhs_number_is_ten_digits_that_pass_the_check(text):
    form = person_form(nhs_number=text)

    if form.is_valid():
        stored = form.cleaned_data["nhs_number"]
        assert stored == "" or (
            stored.isascii()
            and stored.isdigit()
            and len(stored) == 10
            and nhs_check_digit(stored[:9]) == int(stored[9])
        ), stored
    else:
        assert form.errors["nhs_number"]


UK_PHONE_NUMBERS = st.builds(
    lambda prefix, rest, sep: f"{prefix}{sep}{rest[:3]}{sep}{rest[3:]}",
    st.sampled_from(["0161", "0113", "0207", "01632", "07700", "+44 161", "0800"]),
    st.text(alphabet="0123456789", min_size=6, max_size=7),
    st.sampled_from([" ", "", "-"]),
)


@settings(**FUZZ, max_examples=60)
@given(phone=st.one_of(UK_PHONE_NUMBERS, ANY_TEXT.map(lambda text: text[:30])))
def test_a_phone_number_is_accepted_only_when_it_can_be_dialled(phone):
    form = person_form(phone=phone)

    if form.is_valid():
        stored = form.cleaned_data["phone"]
        assert stored == "" or phone_number_for_link(stored).startswith("tel:+"), stored
    else:
        assert form.errors["phone"]


def test_known_good_numbers_are_accepted():
    for values in [
        {"nhs_number": "943 476 5919"},
        {"nhs_number": "4010232137"},
        {"phone": "0161 496 0000"},
        {"phone": "+44 800 888 6678"},
    ]:
        assert person_form(**values).is_valid(), values
