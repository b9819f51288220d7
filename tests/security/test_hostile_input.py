"""Hostile input, end to end: markup and odd characters in every field a practitioner types
into and in every search box come back as text, never as live markup, on every page and export
that shows them; over-long and malformed input is refused with a form error or a 4xx, never a
server error; sign-in is paused after repeated failures on both sign-in pages; and every plan
address, export and shared link gives nothing to someone outside the team.

Fields are found from the forms the views use (payloads.TARGETS), and plan addresses from
plan_builder/urls.py, so a field or a URL added later is tried without being listed here."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from plan_builder.models import Person, Plan, ShareLink
from tests.plan_builder.reading import field_error
from tests.security.payloads import (
    LONG,
    NUL,
    TARGETS,
    XSS,
    checked_text_fields,
    free_text_fields,
    json_holds,
    live_markup,
    page_text,
    post_data,
    untargeted_forms,
)

pytestmark = pytest.mark.django_db


def assert_inert(response, where: str = "") -> str:
    assert response.status_code < 500, where
    html = response.content.decode()
    found = live_markup(html)
    assert not found, f"{where}: {found}"
    return html


def errors_on(response) -> list[str]:
    """The error messages on a form page, for failure reports."""
    html = response.content.decode()
    return [" ".join(part.split()) for part in page_text(html).split("Error:")[1:]] or [html[:500]]


# 1. Markup in every free-text field -------------------------------------------------------


def test_every_plan_form_is_tried():
    """A form added to plan_builder/forms.py or to a view's list must get a TARGETS entry."""
    assert untargeted_forms() == set()


def fill(name: str, world, payload: str) -> dict[str, str]:
    """Each free-text field of the form gets the payload and a short tag saying which field,
    so the pages can be searched for each one."""
    return {
        field_name: f"{payload} ~{name[:3]}{index}"
        for index, field_name in enumerate(free_text_fields(name, world))
    }


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

    for name in ["plan_fhir"]:
        response = lead_client.get(reverse(f"plan_builder:{name}", args=[plan_id]))
        assert response.status_code == 200
        assert json_holds(response.content, typed["section:about-me.what_matters_most"])
    for export_format in ["json", "fhir"]:
        response = lead_client.get(
            reverse("plan_builder:person_export", args=[plan_id, export_format])
        )
        assert response.status_code == 200
        assert json_holds(response.content, typed["person.preferred_name"])

    for url in [
        reverse("plan_builder:my_plan_pdf", args=[plan_id]),
        reverse("plan_builder:shared_plan_pdf", args=[world.token]),
    ]:
        response = (
            Client(raise_request_exception=False).get(url)
            if "shared" in url
            else (lead_client.get(url))
        )
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


def unchanged(world) -> tuple:
    """Anything a form saves moves the revision on, or adds a plan, person or shared link."""
    return (
        Plan.objects.get(pk=world.plan.pk).edit_revision,
        Plan.objects.count(),
        Person.objects.count(),
        ShareLink.objects.count(),
        Person.objects.values_list("full_name", "nhs_number").get(pk=world.plan.person_id),
    )


REFUSED = {
    "ten-thousand-characters": (LONG, "at most"),
    "nul-byte": (NUL, "Null characters are not allowed"),
}


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


# Search boxes -----------------------------------------------------------------------------

SEARCH_INPUT = {**XSS, "ten-thousand-characters": LONG, "nul-byte": NUL}


def search_boxes(world) -> dict[str, str]:
    return {
        "public": "/en/search/",
        "attach": reverse("plan_builder:attach_search", args=[world.plan.pk]),
        "plan-list": reverse("plan_builder:plan_list"),
    }


@pytest.mark.parametrize("box", ["public", "attach", "plan-list"])
@pytest.mark.parametrize("query", SEARCH_INPUT.values(), ids=SEARCH_INPUT.keys())
def test_markup_and_odd_text_in_a_search_box_is_shown_as_text(lead_client, world, box, query):
    client = Client(raise_request_exception=False) if box == "public" else lead_client

    response = client.get(search_boxes(world)[box], {"q": query})

    assert response.status_code == 200
    html = assert_inert(response, box)
    if query in XSS.values():
        assert escape(query) in html, "the words searched for are shown back"
