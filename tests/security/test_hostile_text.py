"""Markup and odd characters typed into every field a practitioner types into (each day, month
and year box of a date too), sent as every radio, scale and list choice, and put into every
search box come back as text, never as live markup, on every page and export that shows them;
text too long or with a NUL byte is refused beside its field and kept.

Fields are found from the forms the views use (payloads.TARGETS), so a field added later is
tried without being listed here."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from plan_builder.registry import registry
from plan_builder.tests.reading import field_error
from tests.plan_factories import date_post
from tests.security.hostile import (
    REFUSED,
    assert_inert,
    errors_on,
    fill,
    unchanged,
)
from tests.security.payloads import (
    LONG,
    NUL,
    SEARCH_SYNTAX,
    TARGETS,
    XSS,
    checked_text_fields,
    choice_fields,
    date_boxes,
    free_text_fields,
    json_holds,
    live_markup,
    page_text,
    post_data,
    untargeted_forms,
)

pytestmark = pytest.mark.django_db


def test_every_plan_form_is_tried():
    """A form added to plan_builder/forms.py or to a view's list must get a TARGETS entry."""
    assert untargeted_forms() == set()


SAVING_FORMS = [name for name, target in TARGETS.items() if target.saves_into_plan]


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_markup_typed_into_every_plan_field_is_shown_as_text_everywhere(
    lead_client, world, payload
):
    typed = {}
    for name in SAVING_FORMS:
        values = fill(name, world, payload)
        response = lead_client.post(TARGETS[name].url(world), post_data(name, world, values))
        assert response.status_code == 302, (name, errors_on(response))
        typed.update({f"{name}.{field}": value for field, value in values.items()})
    label = f"{payload} ~share"
    share = lead_client.post(
        reverse("plan_builder:share", args=[world.plan.pk]),
        post_data("share", world, {"label": label}),
    )
    assert share.status_code == 302
    typed["share.label"] = label

    plan_id = world.plan.pk
    pages = {
        "plan": reverse("plan_builder:plan_detail", args=[plan_id]),
        "my-plan": reverse("plan_builder:my_plan", args=[plan_id]),
        "shared": reverse("plan_builder:shared_plan", args=[world.token]),
        "share-page": reverse("plan_builder:share", args=[plan_id]),
        "plan-list": reverse("plan_builder:plan_list"),
        "audit": reverse("plan_builder:plan_audit", args=[plan_id]),
    }
    shown = ""
    for where, url in pages.items():
        client = Client(raise_request_exception=False) if where == "shared" else lead_client
        response = client.get(url)
        assert response.status_code == 200, where
        shown += page_text(assert_inert(response, where))
    not_shown = sorted(key for key, value in typed.items() if value not in shown)
    assert not_shown == [], "typed but shown nowhere (or shown altered)"

    fhir = lead_client.get(reverse("plan_builder:plan_fhir", args=[plan_id]))
    assert fhir.status_code == 200
    for key in [
        "person.full_name",
        "section:about-me.what_matters_most",
        "row:goals.description",
        "row:actions.description",
        "row:contacts.name",
    ]:
        assert json_holds(fhir.content, typed[key]), f"FHIR keeps {key} as a string"
    for export_format in ["json", "fhir"]:
        response = lead_client.get(
            reverse("plan_builder:person_export", args=[plan_id, export_format])
        )
        assert response.status_code == 200
        assert json_holds(response.content, typed["person.preferred_name"])

    anonymous = Client(raise_request_exception=False)
    for client, url in [
        (lead_client, reverse("plan_builder:my_plan_pdf", args=[plan_id])),
        (anonymous, reverse("plan_builder:shared_plan_pdf", args=[world.token])),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.startswith(b"%PDF")


def test_the_reader_finds_live_markup_and_passes_escaped_markup():
    """The checks above are only as good as this reader."""
    for live in [
        "<script>alert(1)</script>",
        '<p><img src=x onerror="alert(1)"></p>',
        "<svg/onload=alert(1)>",
        '<a href=" JaVaScRiPt:alert(1)">x</a>',
        "<textarea></textarea><script>alert(1)</script>",
    ]:
        assert live_markup(live), live
    for inert in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        '<input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">',
        '<a href="tel:+44-161-496-0000">call</a>',
        "<p>javascript:alert(1)</p>",
    ]:
        assert not live_markup(inert), inert


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED.keys())
@pytest.mark.parametrize("name", TARGETS)
def test_text_too_long_or_with_a_nul_byte_is_refused_beside_the_field_and_kept(
    lead_client, world, name, case
):
    value, message = REFUSED[case]
    fields = free_text_fields(name, world)
    if not fields:
        assert name in ("start-review", "remove"), "a form with no free text"
        return
    before = unchanged(world)

    response = lead_client.post(
        TARGETS[name].url(world), post_data(name, world, dict.fromkeys(fields, value))
    )

    assert response.status_code == 200, errors_on(response)
    html = assert_inert(response, name)
    for field in fields:
        assert message in field_error(html, f"id_{field}"), (field, errors_on(response))
    assert html.count(value[:40]) >= len(fields), "what was typed is kept"
    assert unchanged(world) == before


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_markup_in_a_field_with_a_format_is_refused_and_shown_back_as_text(
    lead_client, world, payload
):
    """NHS numbers, phone numbers and email addresses: the error page shows the typing back."""
    tried = []
    for name in TARGETS:
        fields = checked_text_fields(name, world)
        if not fields:
            continue
        before = unchanged(world)

        response = lead_client.post(
            TARGETS[name].url(world), post_data(name, world, dict.fromkeys(fields, payload))
        )

        assert response.status_code == 200, name
        html = assert_inert(response, name)
        for field in fields:
            assert field_error(html, f"id_{field}"), (name, field)
            assert escape(payload) in html, (name, field)
            tried.append(f"{name}.{field}")
        assert unchanged(world) == before
    assert {"person.nhs_number", "person.phone", "person.email", "row:contacts.phone"} <= set(tried)


DATE_BOX_INPUT = {**XSS, "ten-thousand-characters": LONG, "nul-byte": NUL}


@pytest.mark.parametrize("payload", DATE_BOX_INPUT.values(), ids=DATE_BOX_INPUT.keys())
def test_anything_typed_into_a_date_box_is_refused_beside_the_date_and_kept(
    lead_client, world, payload
):
    """Each day, month and year box in turn gets the payload, the other two a real date's:
    the date says what is wrong, that box alone is highlighted, and the typing comes back as
    text in its box."""
    tried = []
    for name in TARGETS:
        boxes = date_boxes(name, world)
        for box, field in boxes.items():
            before = unchanged(world)

            typed = {**date_post(field, timezone.localdate()), box: payload}
            response = lead_client.post(TARGETS[name].url(world), post_data(name, world, typed))

            assert response.status_code == 200, (name, box)
            html = assert_inert(response, f"{name}.{box}")
            assert "must be a real date" in field_error(html, f"id_{field}"), (
                name,
                box,
                errors_on(response),
            )
            tag = re.search(rf'<input [^>]*name="{re.escape(box)}"[^>]*>', html).group(0)
            assert "nhsuk-input--error" in tag, (name, box)
            assert f'value="{escape(payload)}"' in tag, (name, box)
            assert unchanged(world) == before
            tried.append(f"{name}.{box}")
    assert {"person.date_of_birth-day", "share.expires_on-year", "row:goals.target_date-month"} <= (
        set(tried)
    )


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_markup_sent_as_a_radio_scale_or_list_choice_is_refused_as_text(
    lead_client, world, payload
):
    """Radios, 1-10 scales and lists take only the values they offer; anything else is a
    message beside the field, never a server error or live markup."""
    tried = []
    for name in TARGETS:
        for field in choice_fields(name, world):
            before = unchanged(world)

            response = lead_client.post(
                TARGETS[name].url(world), post_data(name, world, {field: payload})
            )

            assert response.status_code == 200, (name, field)
            html = assert_inert(response, f"{name}.{field}")
            assert field_error(html, f"id_{field}"), (name, field, errors_on(response))
            assert unchanged(world) == before
            tried.append(f"{name}.{field}")
    assert {"row:goals.importance", "row:actions.confidence", "section:agreement.agreed_by"} <= (
        set(tried)
    )
    assert {"person.preferred_language", "new-plan.team", "row:ratings.satisfaction"} <= set(tried)


# Search boxes -----------------------------------------------------------------------------

# One corpus for every search box: markup, search-engine syntax, too long, a NUL.
SEARCH_INPUT = {**XSS, **SEARCH_SYNTAX, "ten-thousand-characters": LONG, "nul-byte": NUL}


def search_boxes(world) -> dict[str, str]:
    return {
        "public": "/en/search/",
        "attach": reverse("plan_builder:attach_search", args=[world.plan.pk]),
        "plan-list": reverse("plan_builder:plan_list"),
    }


@pytest.mark.parametrize("query", SEARCH_INPUT.values(), ids=SEARCH_INPUT.keys())
def test_markup_and_odd_text_in_a_search_box_is_shown_as_text(lead_client, world, query):
    for box, url in search_boxes(world).items():
        client = Client(raise_request_exception=False) if box == "public" else lead_client

        response = client.get(url, {"q": query})

        assert response.status_code == 200, box
        html = assert_inert(response, box)
        if query in XSS.values():
            assert escape(query) in html, f"{box}: the words searched for are shown back"


def attach_filter_choices(attachable) -> list[dict[str, list[str]]]:
    """No filter, each filter alone and every filter together, each with all its options:
    a filter added to a registered type later is tried without being listed here."""
    options = {
        item.name: [option.value for option in item.options]
        for item in attachable.get_filters()
        if item.options
    }
    return [{}, *({name: values} for name, values in options.items()), options]


RESULT_COUNT = re.compile(r'<p role="status">\d+ results?</p>')


@pytest.mark.parametrize("key", [attachable.key for attachable in registry.all()])
def test_any_words_with_any_filters_and_paging_on_the_attach_search_give_results_or_none(
    lead_client, attach_world, key
):
    """The search box's corpus with every filter of every registered type (and, with all
    of them, on a second page): each gives a page of results or "nothing found". Every
    failing case is listed."""
    attachable = registry.get(key)
    url = reverse("plan_builder:attach_search", args=[attach_world.plan.pk])
    choices = attach_filter_choices(attachable)
    searches = [(filters, "1") for filters in choices] + [(choices[-1], "2")]
    failing = []
    for name, query in SEARCH_INPUT.items():
        for filters, page in searches:
            response = lead_client.get(url, {"type": key, "q": query, "page": page, **filters})
            html = response.content.decode()
            if response.status_code != 200 or not RESULT_COUNT.search(html):
                failing.append((name, sorted(filters), page, response.status_code))
            assert not live_markup(html), (name, filters)
    assert failing == []
