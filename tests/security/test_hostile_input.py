"""Hostile input, end to end: markup and odd characters in every field a practitioner types
into and in every search box come back as text, never as live markup, on every page and export
that shows them; over-long and malformed input is refused with a form error or a 4xx, never a
server error; sign-in is paused after repeated failures on both sign-in pages; and every plan
address, export and shared link gives nothing to someone outside the team.

Fields are found from the forms the views use (payloads.TARGETS), and plan addresses from
plan_builder/urls.py, so a field or a URL added later is tried without being listed here."""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import URLPattern, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.html import escape

from plan_builder import services
from plan_builder.models import FormDraft, Person, Plan, ShareLink
from plan_builder.registry import registry
from plan_builder.sections import ROW_KINDS
from plan_builder.sections import SECTION_FORMS as SECTIONS
from plan_builder.tests.reading import field_error
from tests.plan_factories import TeamFactory, UserFactory, date_post, practitioner
from tests.security.conftest import NAME, NHS_NUMBER
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

PASSWORD = "correct horse battery staple"  # every factory-made user's
WEEK = datetime.timedelta(days=7)


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
    "ten-thousand-characters": (LONG, "characters or fewer"),
    "nul-byte": (NUL, "has a hidden character that cannot be saved"),
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


# 2. Over-long and malformed requests: a 4xx or an ordinary page, never a server error ------

HUGE = "99999999999999999999999"  # past any database integer
INT_KWARGS = {"plan_id", "goal_id", "row_id", "share_link_id"}


def plan_builder_patterns() -> list[URLPattern]:
    return [
        pattern
        for pattern in get_resolver("plan_builder.urls").url_patterns
        if isinstance(pattern, URLPattern)
    ]


def sample_kwargs(pattern: URLPattern, world, **override) -> dict:
    """Real values for every part of a plan_builder URL, so only what a case changes is odd."""
    real = {
        "plan_id": world.plan.pk,
        "goal_id": world.goal.pk,
        "row_id": world.rows["goals"].pk,
        "kind": "goals",
        "section": "about-me",
        "attachable_key": "resources.resourcepage",
        "object_id": world.resource.pk,
        "share_link_id": world.share_link.pk,
        "export_format": "json",
        "token": world.token,
    }
    if "goal_id" in pattern.pattern.converters:
        real["kind"] = "actions"
    return {name: override.get(name, real[name]) for name in pattern.pattern.converters}


def overflowing_urls(world) -> list[str]:
    """Every plan_builder URL with a number in it, once for each number made too big."""
    urls = []
    for pattern in plan_builder_patterns():
        for name in INT_KWARGS & set(pattern.pattern.converters):
            kwargs = sample_kwargs(pattern, world, **{name: HUGE})
            urls.append(reverse(f"plan_builder:{pattern.name}", kwargs=kwargs))
    return urls


def test_every_number_in_a_plan_address_too_big_for_the_database_is_not_found(lead_client, world):
    urls = overflowing_urls(world)
    assert len(urls) >= 20  # every plan URL has a plan id; rows, goals and links have more
    for url in urls:
        for method in (lead_client.get, lead_client.post):
            response = method(url)
            # Stopping a link is a POST: a GET is refused before the link is looked for.
            allowed = (404, 405) if method == lead_client.get and "/stop/" in url else (404,)
            assert response.status_code in allowed, (method.__name__, url)
            assert NAME not in response.content.decode()


def shared(token: str) -> list[str]:
    return [f"/plans/shared/{token}/", f"/plans/shared/{token}/plan.pdf"]


MALFORMED_TOKENS = {
    "very-long": "A" * 5000,
    "just-too-long": "A" * 101,
    "non-ascii": "%C3%A9%E2%80%AE%F0%9F%98%80",
    "invalid-utf8": "%ff%fe%fd",
    "encoded-slash": "abc%2Fdef",
    "sql": "%27%20OR%20%271%27%3D%271",
    "nul": "abc%00def",
    "spaces": "%20%20",
    "percent": "%25",
}


@pytest.mark.parametrize("token", MALFORMED_TOKENS.values(), ids=MALFORMED_TOKENS.keys())
def test_a_malformed_share_token_is_the_friendly_not_found_page(anonymous, world, token):
    for url in shared(token):
        response = anonymous.get(url)
        assert response.status_code == 404, url
        body = response.content.decode()
        if "%2F" not in token:  # an encoded slash is a slash: another address altogether
            assert "This link does not work" in body
        assert NAME not in body


PUBLIC_QUERIES = {
    "search-huge-q": ("/en/search/", "q=" + "memory%20" * 5000),
    "search-page-minus-one": ("/en/search/", "q=memory&page=-1"),
    "search-page-overflow": ("/en/search/", f"q=memory&page={HUGE}"),
    "search-page-letters": ("/en/search/", "q=memory&page=abc"),
    "search-page-float": ("/en/search/", "q=memory&page=1e400"),
    "search-page-nul": ("/en/search/", "q=memory&page=%00"),
    "search-repeated-q": ("/en/search/", "q=memory&q=money&q=" + "&q=".join(["x"] * 200)),
    "search-invalid-utf8": ("/en/search/", "q=%ff%fe%fd&page=%ff"),
    "search-bare-percent": ("/en/search/", "q=%&page=%"),
    "search-fts-syntax": ("/en/search/", "q=NEAR(a%20b)%20OR%20title:x%20*%20%5E"),
    "library-huge-topic": ("/en/resources/", "topic=" + "x" * 20000),
    "library-unknown-values": ("/en/resources/", "topic=nope&audience=nope&type=nope"),
    "library-repeated-topic": ("/en/resources/", "&".join(["topic=a"] * 500)),
    "library-page-minus-one": ("/en/resources/", "page=-1"),
    "library-page-overflow": ("/en/resources/", f"page={HUGE}"),
    "library-page-letters": ("/en/resources/", "page=abc"),
    "library-invalid-utf8": ("/en/resources/", "topic=%ff%fe&type=%c0%af"),
    "directory-odd-filters": ("/en/support-organisations/", f"area=%ff&page={HUGE}&topic=%00"),
    "directory-page-letters": ("/en/support-organisations/", "page=abc&page=-1"),
    "path-invalid-utf8": ("/en/%ff%fe/", ""),
    "organisation-odd-slug": ("/en/support-organisations/%ff%00/", ""),
    "set-language-odd-next": ("/i18n/setlang/", "next=//evil.example&language=xx"),
}


@pytest.mark.parametrize(("path", "query"), PUBLIC_QUERIES.values(), ids=PUBLIC_QUERIES.keys())
def test_odd_public_query_strings_never_give_a_server_error(anonymous, site_tree, path, query):
    response = anonymous.get(path, QUERY_STRING=query)

    assert response.status_code in (200, 302, 400, 404, 405), response.status_code
    assert_inert(response)


def plan_queries(world) -> dict[str, tuple[str, str]]:
    plan_id = world.plan.pk
    attach = reverse("plan_builder:attach_search", args=[plan_id])
    return {
        "plan-list-everything-odd": ("/plans/", f"show=%ff&review=x&page={HUGE}&q=" + "x" * 5000),
        "plan-list-page-minus-one": ("/plans/", "page=-1&page=abc"),
        "attach-unknown-type": (attach, "type=nope&topic=%00&page=-1"),
        "attach-page-overflow": (attach, f"type=resources.supportorganisation&page={HUGE}"),
        "attach-invalid-utf8": (attach, "q=%ff%fe&type=%c0%af&area=%ff"),
        "attach-repeated": (attach, "&".join(["topic=a&q=b"] * 300)),
        "audit-page-overflow": (reverse("plan_builder:plan_audit", args=[plan_id]), f"page={HUGE}"),
        "fhir-odd-params": (
            reverse("plan_builder:plan_fhir", args=[plan_id]),
            "_format=xml&_summary=%ff&_elements=" + "x" * 5000,
        ),
    }


PLAN_QUERY_IDS = [
    "plan-list-everything-odd",
    "plan-list-page-minus-one",
    "attach-unknown-type",
    "attach-page-overflow",
    "attach-invalid-utf8",
    "attach-repeated",
    "audit-page-overflow",
    "fhir-odd-params",
]


@pytest.mark.parametrize("case", PLAN_QUERY_IDS)
def test_odd_plan_builder_query_strings_give_the_ordinary_page(lead_client, world, case):
    path, query = plan_queries(world)[case]

    response = lead_client.get(path, QUERY_STRING=query)

    assert response.status_code == 200
    if "fhir" in case:
        assert json.loads(response.content)["resourceType"] == "Bundle"
    else:
        assert_inert(response)


ODD_ACCEPT = ["application/xml", "text/html", "*/*;q=garbage", "application/fhir+xml", "x" * 5000]


@pytest.mark.parametrize("accept", ODD_ACCEPT, ids=["xml", "html", "bad-q", "fhir-xml", "huge"])
def test_the_fhir_export_answers_json_whatever_the_accept_header(lead_client, world, accept):
    response = lead_client.get(
        reverse("plan_builder:plan_fhir", args=[world.plan.pk]), HTTP_ACCEPT=accept
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    assert json.loads(response.content)["resourceType"] == "Bundle"


def odd_paths(world) -> dict[str, str]:
    plan_id = world.plan.pk
    return {
        "unknown-section": f"/plans/{plan_id}/edit/everything/",
        "unknown-row-kind": f"/plans/{plan_id}/secrets/add/",
        "unknown-row-kind-edit": f"/plans/{plan_id}/secrets/{world.goal.pk}/edit/",
        "row-id-zero": f"/plans/{plan_id}/contacts/0/edit/",
        "goal-row-not-of-a-goal": f"/plans/{plan_id}/goals/{world.goal.pk}/contacts/add/",
        "export-unknown-format": f"/plans/{plan_id}/person/export/xml/",
        "export-encoded-slash": f"/plans/{plan_id}/person/export/..%2Fjson/",
        "plan-id-letters": "/plans/abc/",
        "plan-id-negative": "/plans/-1/",
        "plan-id-invalid-utf8": "/plans/%ff%fe/",
    }


ODD_PATH_IDS = [
    "unknown-section",
    "unknown-row-kind",
    "unknown-row-kind-edit",
    "row-id-zero",
    "goal-row-not-of-a-goal",
    "export-unknown-format",
    "export-encoded-slash",
    "plan-id-letters",
    "plan-id-negative",
    "plan-id-invalid-utf8",
]


@pytest.mark.parametrize("case", ODD_PATH_IDS)
def test_made_up_plan_builder_addresses_are_not_found(lead_client, world, case):
    url = odd_paths(world)[case]
    assert lead_client.get(url).status_code == 404
    # Exports only answer GET, so a POST may be refused as such before the format is read.
    assert lead_client.post(url).status_code in ((404, 405) if "/export/" in url else (404,))


ODD_ATTACH = {
    "unknown-type": ("nothing.here", "1"),
    "object-id-letters": ("resources.resourcepage", "abc"),
    "object-id-overflow": ("resources.resourcepage", HUGE),
    "object-id-negative": ("resources.resourcepage", "-5"),
    "object-id-sql": ("resources.resourcepage", "1%20OR%201=1"),
    "object-id-non-ascii": ("resources.supportorganisation", "%C3%A9"),
}


@pytest.mark.parametrize(("key", "object_id"), ODD_ATTACH.values(), ids=ODD_ATTACH.keys())
def test_attaching_something_made_up_goes_back_to_the_search_and_adds_nothing(
    lead_client, world, key, object_id
):
    before = world.plan.attachments.count()
    url = f"/plans/{world.plan.pk}/attach/{key}/{object_id}/"

    for method in (lead_client.get, lead_client.post):
        response = method(url, {"reason": "x", "revision": world.plan.edit_revision})
        assert response.status_code == 302
        assert response["Location"] == reverse("plan_builder:attach_search", args=[world.plan.pk])
    assert world.plan.attachments.count() == before


def boxes(name: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


# (what the post breaks, form, field values) -- every other field is valid
MALFORMED_POSTS = {
    "person-nothing-at-all": ("person", None),
    "person-date-impossible": ("person", boxes("date_of_birth", "30", "2", "1950")),
    "person-date-year-99999": ("person", boxes("date_of_birth", "1", "1", "99999")),
    "person-date-zeroes": ("person", boxes("date_of_birth", "00", "00", "0000")),
    "person-date-negative": ("person", boxes("date_of_birth", "-1", "-1", "-1944")),
    "person-date-one-box-only": ("person", {"date_of_birth-year": "1944"}),
    "person-date-boxes-repeated": ("person", {"date_of_birth-day": ["1", "2", "3"]}),
    "person-language-not-a-choice": ("person", {"preferred_language": "klingon"}),
    "person-contact-method-not-a-choice": ("person", {"preferred_contact_method": "pigeon"}),
    "person-revision-letters": ("person", {"revision": "abc"}),
    "person-revision-negative": ("person", {"revision": "-1"}),
    "person-revision-overflow": ("person", {"revision": HUGE}),
    "person-huge-value": ("person", {"gp_practice": "x" * 1_000_000}),
    "goal-importance-overflow": ("row:goals", {"importance": HUGE}),
    "goal-importance-float": ("row:goals", {"importance": "1e3"}),
    "goal-importance-nan": ("row:goals", {"importance": "NaN"}),
    "goal-importance-arabic-digit": ("row:goals", {"importance": "\u0665"}),
    "goal-status-not-a-choice": ("row:goals", {"status": "done-ish"}),
    "goal-target-date-garbage": ("row:goals", boxes("target_date", "'; DROP", "TABLE", "x; --")),
    "rating-attainment-negative": ("row:ratings", {"attainment": "-3"}),
    "rating-attainment-float": ("row:ratings", {"attainment": "5.0"}),
    "rating-date-overflow": ("row:ratings", boxes("rated_on", "9" * 40, "9" * 40, "9" * 40)),
    "attachment-goal-letters": ("row:attachments", {"goal": "abc"}),
    "attachment-goal-overflow": ("row:attachments", {"goal": HUGE}),
    "attachment-goal-of-another-plan": ("row:attachments", {"goal": "-1"}),
    "attachment-support-type-not-a-choice": ("row:attachments", {"support_type": "maybe"}),
    "agreement-consent-not-a-choice": ("section:agreement", {"consent_to_share": "perhaps"}),
    "review-date-overflow": ("section:review-date", boxes("review_due", HUGE, HUGE, HUGE)),
    "new-plan-team-overflow": ("new-plan", {"team": HUGE}),
    "new-plan-team-letters": ("new-plan", {"team": "abc"}),
    "share-expiry-garbage": ("share", boxes("expires_on", "to", "mor", "row")),
    "share-expiry-far-future": ("share", boxes("expires_on", "1", "1", "9999")),
    "start-review-type-not-a-choice": ("start-review", {"review_type": "surprise"}),
}


@pytest.mark.parametrize(("name", "values"), MALFORMED_POSTS.values(), ids=MALFORMED_POSTS.keys())
def test_a_malformed_form_post_is_a_form_error_or_a_conflict_never_a_server_error(
    lead_client, world, name, values
):
    before = unchanged(world)
    data = {} if values is None else {**post_data(name, world, {}), **values}

    response = lead_client.post(TARGETS[name].url(world), data)

    assert response.status_code in (200, 409), response.status_code
    assert_inert(response)
    assert "There is a problem" in response.content.decode() or response.status_code == 409
    assert unchanged(world) == before


def test_a_post_too_big_or_with_too_many_fields_is_refused_with_400(lead_client, world):
    url = TARGETS["person"].url(world)
    too_big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    too_many = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    assert lead_client.post(url, {"full_name": too_big}).status_code == 400
    assert lead_client.post(url, too_many).status_code == 400
    assert Person.objects.get(pk=world.plan.person_id).full_name == NAME


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"full_name": "<script>alert(1)</script>"}'),
        ("multipart/form-data", b"no boundary at all"),
        ("multipart/form-data; boundary=xx", b"--xx\r\nbroken"),
        ("application/x-www-form-urlencoded", b"full_name=%ff%fe&revision=%00"),
        ("text/plain", b"\x00\xff" * 100),
    ],
    ids=["json", "multipart-no-boundary", "multipart-broken", "invalid-utf8", "binary"],
)
def test_a_body_that_is_not_a_form_is_refused_without_a_server_error(
    lead_client, world, content_type, body
):
    response = lead_client.generic(
        "POST", TARGETS["person"].url(world), body, content_type=content_type
    )

    assert response.status_code in (200, 400)
    assert_inert(response)
    assert Person.objects.get(pk=world.plan.person_id).full_name == NAME


@pytest.mark.parametrize(
    "next_url",
    ["//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\\evil.example", "%ff"],
    ids=["scheme-relative", "absolute", "javascript", "backslash", "invalid-utf8"],
)
def test_signing_in_never_sends_people_to_another_site(anonymous, world, next_url):
    response = anonymous.post(
        f"/plans/sign-in/?next={next_url}",
        {"username": "member", "password": PASSWORD, "next": next_url},
    )

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert not location.scheme and not location.netloc
    assert not response["Location"].startswith(("//", "/\\"))


# 3. Sign-in is paused after repeated failures, on the Wagtail admin's page too --------------


@pytest.fixture
def editor():
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def assert_paused(response) -> None:
    assert response.status_code == 429
    body = response.content.decode()
    assert "Sign-in is paused" in body
    assert "Traceback" not in body and "Exception" not in body


def test_the_admin_sign_in_is_paused_after_repeated_failures(anonymous, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = anonymous.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200

    assert_paused(anonymous.post("/admin/login/", {"username": "editor", "password": "wrong"}))
    assert_paused(anonymous.post("/admin/login/", {"username": "editor", "password": PASSWORD}))
    assert "_auth_user_id" not in anonymous.session
    assert anonymous.get("/admin/").status_code == 302


def test_failures_on_one_sign_in_page_pause_the_other(anonymous, world):
    """Both pages share one login backend, so trying the other page does not reset the count."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        anonymous.post("/plans/sign-in/", {"username": "member", "password": "wrong"})

    assert_paused(anonymous.post("/admin/login/", {"username": "member", "password": PASSWORD}))
    assert "_auth_user_id" not in anonymous.session


@pytest.mark.parametrize(
    "username",
    ["x" * 10_000, "member\x00", "<script>alert(1)</script>", "' OR '1'='1"],
    ids=["huge", "nul", "markup", "sql"],
)
@pytest.mark.parametrize("page", ["/plans/sign-in/", "/admin/login/"])
def test_odd_usernames_on_the_sign_in_pages_are_refused_plainly(anonymous, world, page, username):
    response = anonymous.post(page, {"username": username, "password": PASSWORD})

    assert response.status_code == 200
    assert_inert(response)
    assert "_auth_user_id" not in anonymous.session


# 4. Nobody outside the team gets anything of a plan ---------------------------------------

PUBLIC_NAMES = {"login", "logout", "shared_plan", "shared_plan_pdf"}
# stay_signed_in names no plan: test_access.py::test_stay_signed_in_renews_only_... tries it.
TEAMLESS_NAMES = {"plan_list", "plan_create", "stay_signed_in"}


def access_world(world) -> dict:
    """The shape tests/plan_builder/test_access.py's matrix reads."""
    return {
        "plan": world.plan,
        "goal": world.goal,
        "rows": world.rows,
        "resource": world.resource,
        "share_link": world.share_link,
    }


def test_the_access_matrix_tries_every_plan_address(world):
    """tests/plan_builder/test_access.py tries each URL as another team, an editor and someone
    signed out. This fails when a URL is added to plan_builder/urls.py without being there."""
    from tests.plan_builder.test_access import plan_urls

    reached = {resolve(url).url_name for url in plan_urls(access_world(world))}
    every = {pattern.name for pattern in plan_builder_patterns()}
    assert every - PUBLIC_NAMES - TEAMLESS_NAMES - reached == set()
    # Every row kind and section has its own URL in the matrix.
    reached_paths = plan_urls(access_world(world))
    for kind in ROW_KINDS:
        assert any(f"/{kind}/" in url for url in reached_paths), kind
    for section in SECTIONS:
        assert any(f"/edit/{section}/" in url for url in reached_paths), section


@pytest.fixture
def dead_tokens(world) -> dict[str, str]:
    """A link that was stopped and one that ran out, both for this person."""
    stopped, stopped_token = services.share_link_create(
        plan=world.plan, actor=world.lead, label="Stopped", expires_at=timezone.now() + WEEK
    )
    services.share_link_revoke(plan=world.plan, actor=world.lead, share_link=stopped)
    expired, expired_token = services.share_link_create(
        plan=world.plan, actor=world.lead, label="Expired", expires_at=timezone.now() + WEEK
    )
    ShareLink.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - WEEK)
    return {"stopped": stopped_token, "expired": expired_token}


def no_plan_data(response) -> bool:
    body = response.content.decode(errors="replace")
    return not any(secret in body for secret in (NAME, "Quarterman", NHS_NUMBER, "401 023 2137"))


def people(world) -> dict[str, Client]:
    outsider = practitioner(TeamFactory(name="Bolton memory service"), username="outsider")
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    clients = {"another-team": outsider, "editor-in-no-team": editor, "signed-out": None}
    made = {}
    for role, user in clients.items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        made[role] = client
    return made


EXPECTED = {"another-team": {404}, "editor-in-no-team": {403}, "signed-out": {302}}


def test_nobody_outside_the_team_gets_a_name_or_nhs_number_from_any_address(world, dead_tokens):
    from tests.plan_builder.test_access import plan_urls

    urls = plan_urls(access_world(world))
    dead = [url for token in dead_tokens.values() for url in shared(token)]
    before = (
        unchanged(world),
        ShareLink.objects.filter(revoked_at__isnull=True).count(),
        world.plan.attachments.count(),
    )
    for role, client in people(world).items():
        for url in [*urls, reverse("plan_builder:plan_create")]:
            for method in (client.get, client.post):
                response = method(url)
                expected = EXPECTED[role]
                if role == "another-team" and url == reverse("plan_builder:plan_create"):
                    expected = {200}  # a practitioner may start a plan in their own team
                assert response.status_code in expected, (role, method.__name__, url)
                assert no_plan_data(response), (role, url)
        for url in dead:
            response = client.get(url)
            assert response.status_code == 404, (role, url)
            assert no_plan_data(response), (role, url)
    after = (
        unchanged(world),
        ShareLink.objects.filter(revoked_at__isnull=True).count(),
        world.plan.attachments.count(),
    )
    assert after == before, "nothing was changed, stopped or added"


def test_a_stopped_or_expired_link_is_closed_to_the_team_too(lead_client, world, dead_tokens):
    for url in [url for token in dead_tokens.values() for url in shared(token)]:
        response = lead_client.get(url)
        assert response.status_code == 404, url
        assert no_plan_data(response), url


# 5. Forms sent after the session ended: kept, given back as text, odd posts refused ----------


def keeps_drafts(url: str) -> bool:
    """Whether the view at `url` keeps a form sent after the session ended."""
    return getattr(resolve(url).func.view_class, "keeps_draft", False)


def drafted_forms(world) -> list[str]:
    """Every form in TARGETS with free text whose view keeps what was sent signed out, read
    from the views, so a form added later is tried here too."""
    return [
        name
        for name, target in TARGETS.items()
        if keeps_drafts(target.url(world)) and free_text_fields(name, world)
    ]


def sent_after_the_session_ended(world, url: str, data) -> tuple[Client, object]:
    """A browser signed in as the lead, whose session then ends, sends the form."""
    client = Client(raise_request_exception=False)
    client.force_login(world.lead)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    return client, client.post(url, data)


def signed_in_again(client: Client, url: str):
    """Sign in as the lead, back to the form, which gives back what was kept."""
    client.post(
        reverse("plan_builder:login"), {"username": "lead", "password": PASSWORD, "next": url}
    )
    return client.get(url)


def test_every_form_that_keeps_typing_is_tried(world):
    assert set(drafted_forms(world)) >= {
        "person",
        "new-plan",
        "section:about-me",
        "row:goals",
        "row:actions",
        "row:attachments",
    }
    assert "share" not in drafted_forms(world) and "remove" not in drafted_forms(world)


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_markup_sent_after_the_session_ended_comes_back_as_text(world, payload):
    for name in drafted_forms(world):
        url = TARGETS[name].url(world)
        values = fill(name, world, payload)
        client, sent = sent_after_the_session_ended(world, url, post_data(name, world, values))
        assert sent.status_code == 302, name
        assert assert_inert(client.get(sent["Location"]), f"{name} sign-in")

        restored = signed_in_again(client, url)

        assert restored.status_code == 200, name
        html = assert_inert(restored, name)
        assert "is back in the form" in html, name
        for value in values.values():
            assert escape(value) in html, (name, value)


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED.keys())
def test_text_too_long_or_with_a_nul_byte_sent_signed_out_is_kept_and_refused_on_return(
    world, case
):
    """Kept as sent (a NUL included: the draft is JSON text, which PostgreSQL can hold), and
    refused beside the field when it comes back, as it would have been."""
    value, message = REFUSED[case]
    name = "section:about-me"
    fields = free_text_fields(name, world)
    url = TARGETS[name].url(world)
    before = unchanged(world)

    client, sent = sent_after_the_session_ended(
        world, url, post_data(name, world, dict.fromkeys(fields, value))
    )
    assert sent.status_code == 302
    html = assert_inert(signed_in_again(client, url), name)
    for field in fields:
        assert message in field_error(html, f"id_{field}"), field
    assert unchanged(world) == before


SIGNED_OUT_POSTS = {
    "not-a-form": ("application/json", b'{"what_matters_most": "<script>alert(1)</script>"}'),
    "multipart-broken": ("multipart/form-data; boundary=xx", b"--xx\r\nbroken"),
    "invalid-utf8": ("application/x-www-form-urlencoded", b"what_matters_most=%ff%fe&revision=%00"),
    "binary": ("text/plain", b"\x00\xff" * 100),
}


@pytest.mark.parametrize(
    ("content_type", "body"), SIGNED_OUT_POSTS.values(), ids=SIGNED_OUT_POSTS.keys()
)
def test_a_body_that_is_not_a_form_sent_signed_out_is_never_a_server_error(
    world, content_type, body
):
    client, _ = sent_after_the_session_ended(world, TARGETS["person"].url(world), {})
    response = client.generic(
        "POST", TARGETS["section:about-me"].url(world), body, content_type=content_type
    )

    assert response.status_code in (302, 400)
    assert_inert(response)
    assert response.status_code == 400 or response["Location"].startswith("/plans/sign-in/")


def test_a_post_too_big_or_with_too_many_fields_sent_signed_out_is_refused(world):
    url = TARGETS["section:about-me"].url(world)
    too_big = {"what_matters_most": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    too_many = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    for data in (too_big, too_many):
        _client, response = sent_after_the_session_ended(world, url, data)
        assert response.status_code == 400
    assert not FormDraft.objects.exists()


@pytest.mark.parametrize(
    "team",
    ["", "abc", "-1", "99999999999999999999999", "1 OR 1=1", "\x00", "²", "\u0663"],
    ids=["empty", "letters", "negative", "overflow", "sql", "nul", "superscript", "arabic-digit"],
)
def test_a_new_plan_sent_signed_out_with_an_odd_team_is_not_kept(world, team):
    url = reverse("plan_builder:plan_create")

    _client, response = sent_after_the_session_ended(
        world, url, {"full_name": "Harold Example", "team": team}
    )

    assert response.status_code == 302
    assert not FormDraft.objects.exists()


def test_a_form_sent_signed_out_to_a_number_too_big_for_the_database_is_answered_plainly(
    anonymous, world
):
    """Nothing is kept for a plan that cannot exist; a real plan's form with an odd row id is
    kept like any other (and opening it after signing in is a plain 404)."""
    for url in overflowing_urls(world):
        response = anonymous.post(url, {"what_matters_most": "Tea", "description": "Tea"})
        assert response.status_code in (302, 404, 405), url
        assert NAME not in response.content.decode()
    assert set(FormDraft.objects.values_list("plan_id", flat=True)) <= {world.plan.pk}


def test_an_odd_revision_sent_signed_out_comes_back_as_a_form_error(world):
    url = TARGETS["section:about-me"].url(world)
    client, _ = sent_after_the_session_ended(
        world, url, {"what_matters_most": "Tea", "revision": "abc"}
    )

    html = assert_inert(signed_in_again(client, url))

    assert "The page was changed or is out of date" in html
    assert "Tea" in html


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"renew": true}'),
        ("application/x-www-form-urlencoded", b"x=%ff" + b"&y=1" * 500),
        ("text/plain", b"\x00" * 1000),
    ],
    ids=["json", "odd-form", "binary"],
)
def test_stay_signed_in_answers_odd_bodies_plainly(lead_client, anonymous, content_type, body):
    url = reverse("plan_builder:stay_signed_in")

    assert lead_client.generic("POST", url, body, content_type=content_type).status_code == 200
    assert anonymous.generic("POST", url, body, content_type=content_type).status_code == 401
    assert lead_client.get(url, QUERY_STRING="x=" + "y" * 5000).status_code == 405
