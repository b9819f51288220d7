"""Over-long and malformed requests get a form error, a 4xx or the ordinary page, never a
server error: numbers too big for the database in plan addresses, malformed share tokens, odd
query strings and Accept headers, made-up addresses and attachments, malformed form posts and
bodies; and signing in never sends anyone to another site.

Plan addresses are read from plan_builder/urls.py, so a URL added later is tried without being
listed here."""

import json
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from plan_builder.models import Person
from tests.security.conftest import NAME
from tests.security.hostile import (
    HUGE,
    PASSWORD,
    assert_inert,
    boxes,
    overflowing_urls,
    shared,
    unchanged,
)
from tests.security.payloads import (
    TARGETS,
    post_data,
)

pytestmark = pytest.mark.django_db


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
