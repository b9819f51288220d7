"""Whatever reaches the editors' review and link pages: odd and hostile query strings on
both reports (and their exports), made-up items and kinds for "mark as reviewed", and a
`next` address pointing at another site. Never a server error, never live markup, never a
redirect away from the site."""

from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.editorial.accounts import member_of
from tests.factories import ResourcePageFactory, SupportOrganisationFactory
from tests.security.payloads import live_markup
from tests.security.test_fuzz import ANY_TEXT, FUZZ

pytestmark = pytest.mark.django_db
REPORTS = ["editorial_review_report", "editorial_link_report"]
HOSTILE = {
    "script": "<script>alert(1)</script>",
    "huge-number": "9" * 40,
    "negative": "-1",
    "sql": "' OR '1'='1",
    "nul": "a\x00b",
    "rtl": "\u202eevil",
    "long": "x" * 5000,
}


@pytest.fixture
def moderator(site_tree):
    ResourcePageFactory(parent=site_tree["library"], title="Guide", next_review_due=None)
    SupportOrganisationFactory(name="Helpline", phone="0909 879 0000")
    return member_of("Moderators")


@pytest.fixture
def signed_in(moderator):
    client = Client(raise_request_exception=False)
    client.force_login(moderator)
    return client


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_filters_on_the_reports_are_answered_as_text(signed_in, report, value):
    for name in ("status", "kind", "owner", "topic", "state", "p", "export", "q"):
        response = signed_in.get(reverse(report), {name: value})
        assert response.status_code < 500, (name, value)
        if response.get("Content-Type", "").startswith("text/html"):
            assert not live_markup(response.content.decode()), (name, value)


QUERY_STRINGS = st.one_of(
    st.lists(
        st.tuples(
            st.sampled_from(["status", "kind", "owner", "topic", "state", "p", "export"]),
            ANY_TEXT,
        ),
        max_size=5,
    ).map(urlencode),
    st.lists(
        st.tuples(st.sampled_from(["owner", "p", "kind"]), st.binary(max_size=30)), max_size=3
    ).map(lambda pairs: "&".join(f"{quote(k)}={quote_from_bytes(v)}" for k, v in pairs)),
)


@settings(**FUZZ, max_examples=40)
@given(report=st.sampled_from(REPORTS), query=QUERY_STRINGS)
def test_any_query_string_on_the_reports_is_answered(moderator, report, query):
    client = Client(raise_request_exception=False)
    client.force_login(moderator)
    response = client.get(reverse(report), QUERY_STRING=query)
    assert response.status_code < 500, query


@pytest.mark.parametrize(
    "path",
    [
        "/admin/review/resource/99999999999999999999/mark-reviewed/",
        "/admin/review/nonsense/1/mark-reviewed/",
        "/admin/review/%3Cscript%3E/1/mark-reviewed/",
        "/admin/review/page/0/mark-reviewed/",
    ],
)
def test_marking_something_made_up_as_reviewed_is_not_found(signed_in, path):
    assert signed_in.post(path).status_code == 404
    assert signed_in.get(path).status_code == 404


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "\\\\evil.example"],
)
def test_marking_as_reviewed_never_sends_anyone_to_another_site(signed_in, site_tree, next_url):
    resource = ResourcePageFactory(parent=site_tree["library"])
    response = signed_in.post(
        reverse("editorial_mark_reviewed", args=["resource", resource.pk]), {"next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[resource.pk])


def test_signed_out_people_are_sent_to_sign_in(site_tree):
    resource = ResourcePageFactory(parent=site_tree["library"])
    client = Client(raise_request_exception=False)
    for url in [
        *(reverse(report) for report in REPORTS),
        reverse("editorial_mark_reviewed", args=["resource", resource.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    client.post(reverse("editorial_mark_reviewed", args=["resource", resource.pk]))
    resource.refresh_from_db()
    assert resource.reviewed_by is None
