"""The external-link checker, against real servers on loopback: what an editor would be told
about each link (works, moved for good, broken, unreachable, not a web address). No database.
Its safety and politeness are in test_link_checker_limits.py; the servers in servers.py."""

from __future__ import annotations

import socket
import ssl
import time

import pytest
import trustme

from core.links import Outcome, results
from tests.core.links.servers import (
    Site,
    check_one,
    serve,
)

# What an editor is told -------------------------------------------------------------------


def test_a_working_link_is_ok(site):
    result = check_one(site.url("/ok"))
    assert (result.outcome, result.status_code, result.error) == (Outcome.OK, 200, None)
    assert result.redirects == () and result.suggested_url is None
    assert site.paths() == ["/ok"]
    assert site.requests[0][1] == "HEAD"


def test_head_refused_is_asked_again_with_get(site):
    result = check_one(site.url("/head-refused"))
    assert (result.outcome, result.status_code) == (Outcome.OK, 200)
    assert [(method, path) for _, method, path in site.requests] == [
        ("HEAD", "/head-refused"),
        ("GET", "/head-refused"),
    ]


@pytest.mark.parametrize(
    ("path", "outcome", "suggested"),
    [
        ("/moved-301", Outcome.REDIRECTED, "/ok"),
        ("/moved-308", Outcome.REDIRECTED, "/ok"),
        ("/moved-302", Outcome.OK, None),
        ("/moved-307", Outcome.OK, None),
    ],
)
def test_one_redirect(site, path, outcome, suggested):
    result = check_one(site.url(path))
    status = int(path[-3:])
    assert (result.outcome, result.status_code) == (outcome, 200)
    assert result.redirects == ((status, site.url("/ok")),)
    assert result.suggested_url == (suggested and site.url(suggested))


def test_a_chain_with_a_permanent_hop_suggests_the_final_address(site):
    result = check_one(site.url("/chain#contact"))
    assert result.outcome is Outcome.REDIRECTED
    assert result.redirects == (
        (301, site.url("/chain/2")),
        (302, site.url("/chain/3")),
        (307, site.url("/chain/4")),
        (308, site.url("/ok")),
    )
    assert result.final_url == site.url("/ok")
    assert result.suggested_url == site.url("/ok#contact")  # the fragment is kept


def test_a_chain_of_temporary_redirects_is_ok_with_its_hops_recorded(site):
    result = check_one(site.url("/temporary"))
    assert (result.outcome, result.suggested_url) == (Outcome.OK, None)
    assert [status for status, _ in result.redirects] == [302, 307]


@pytest.mark.parametrize(
    ("path", "status", "reason"),
    [
        ("/missing", 404, "The site answered 404 Not Found"),
        ("/gone", 410, "The site answered 410 Gone"),
        ("/error", 500, "The site answered 500 Internal Server Error"),
    ],
)
def test_an_error_answer_is_broken(site, path, status, reason):
    result = check_one(site.url(path))
    assert (result.outcome, result.status_code, result.error) == (Outcome.BROKEN, status, reason)


def test_a_redirect_to_a_missing_page_is_broken_without_a_suggestion(site):
    result = check_one(site.url("/moved-to-missing"))
    assert (result.outcome, result.status_code, result.suggested_url) == (Outcome.BROKEN, 404, None)
    assert result.redirects == ((301, site.url("/missing")),)


def test_a_site_that_recovers_is_ok_at_the_next_check(site):
    first = check_one(site.url("/flaky"))
    assert (first.outcome, first.status_code) == (Outcome.BROKEN, 503)
    second = check_one(site.url("/flaky"))
    assert (second.outcome, second.status_code) == (Outcome.OK, 200)
    assert site.paths() == ["/flaky", "/flaky"]


def test_a_slow_site_is_unreachable_after_the_timeout(site):
    result = check_one(site.url("/slow"), timeout=0.5)
    assert (result.outcome, result.error) == (Outcome.UNREACHABLE, "No answer within 0.5 seconds")
    assert result.elapsed_ms < 4000  # the page never answers: only the timeout ends the check


def test_a_refused_connection_is_unreachable():
    with socket.socket() as bound:  # bound but not listening: connections are refused
        bound.bind(("127.0.0.1", 0))
        result = check_one(f"http://127.0.0.1:{bound.getsockname()[1]}/")
    assert (result.outcome, result.error) == (Outcome.UNREACHABLE, results.CONNECTION_REFUSED)


def test_a_certificate_the_checker_does_not_trust_is_unreachable():
    certificate = trustme.CA().issue_cert("127.0.0.1", "localhost")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    certificate.configure_cert(context)
    site = Site()
    server = serve(site, "127.0.0.1", lambda s: context.wrap_socket(s, server_side=True))
    try:
        result = check_one(f"https://localhost:{site.ports['127.0.0.1']}/ok")
    finally:
        server.shutdown()
        server.server_close()
    assert (result.outcome, result.error) == (Outcome.UNREACHABLE, results.CERTIFICATE)
    assert site.requests == []


def test_a_redirect_loop_is_unreachable(site):
    result = check_one(site.url("/loop/a"))
    assert (result.outcome, result.error) == (Outcome.UNREACHABLE, "Redirects went round in a loop")
    assert result.redirects[:2] == ((302, site.url("/loop/b")), (302, site.url("/loop/a")))


def test_too_many_redirects_is_unreachable(site):
    result = check_one(site.url("/far/0"), max_redirects=3)
    assert (result.outcome, result.error) == (
        Outcome.UNREACHABLE,
        "Too many redirects (more than 3)",
    )
    assert len(site.requests) == 4


def test_a_redirect_to_something_not_on_the_web_is_unreachable(site):
    result = check_one(site.url("/to-ftp"))
    assert (result.outcome, result.error) == (Outcome.UNREACHABLE, results.BAD_REDIRECT)


def test_a_huge_file_is_not_downloaded(site):
    started = time.monotonic()
    result = check_one(site.url("/huge"))
    assert (result.outcome, result.status_code) == (Outcome.OK, 200)
    assert time.monotonic() - started < 5
    assert site.huge_closed.wait(5), "the server is still sending"
    assert site.huge_sent < 4 * 1024 * 1024  # of 1 GB


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://", results.NOT_A_WEB_ADDRESS),
        ("not a url", results.NOT_A_WEB_ADDRESS),
        ("", results.NOT_A_WEB_ADDRESS),
        ("javascript:alert(1)", results.NOT_A_WEB_ADDRESS),
        ("http://exa mple.com", results.NOT_A_WEB_ADDRESS),
        ("http://[::1", results.NOT_A_WEB_ADDRESS),
        ("http://example.com:99999/", results.NOT_A_WEB_ADDRESS),
        ("ftp://files.example.org/report.pdf", results.NOT_HTTP),
        ("mailto://someone@example.org", results.NOT_HTTP),
    ],
)
def test_what_is_not_a_web_address_is_invalid(url, reason):
    result = check_one(url)
    assert (result.url, result.outcome, result.error) == (url, Outcome.INVALID, reason)
    assert result.status_code is None and result.final_url is None


def test_an_unknown_site_name_is_unreachable():
    result = check_one("http://no-such-site.invalid/page")
    assert (result.outcome, result.error) == (Outcome.UNREACHABLE, results.NAME_NOT_FOUND)
