"""The external-link checker, against real servers on loopback: what an editor would be told
about each link (works, moved for good, broken, unreachable, not a web address), and that the
checker stays polite and safe while finding out. No database."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme

from core.links import Outcome, check_links, check_links_async, is_public_address, results
from core.links.addresses import AddressPolicy, AddressRefused, GuardedBackend, NameNotFound
from core.links.checker import Checker

FAST = {"host_delay": 0, "allow_private_addresses": True}
HUGE = 1_000_000_000
CHUNK = 64 * 1024


class Site:
    """What the test servers answer, and what they saw: every request, and how many were in
    progress at once, per local address (one Site may serve on several addresses)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str, str]] = []  # (address, method, path)
        self.connections: set[tuple[str, int]] = set()  # the clients' ends
        self.user_agents: list[str] = []
        self.active: Counter[str] = Counter()
        self.peak: Counter[str] = Counter()
        self.peak_overall = 0
        self.starts: list[float] = []
        self.release = threading.Event()  # lets the slow page answer at last
        self.huge_sent = 0
        self.huge_closed = threading.Event()
        self.ports: dict[str, int] = {}

    def url(self, path: str, address: str = "127.0.0.1") -> str:
        return f"http://{address}:{self.ports[address]}{path}"

    def paths(self, method: str | None = None) -> list[str]:
        return [path for _, verb, path in self.requests if method in (None, verb)]

    def answer(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        address = handler.connection.getsockname()[0]
        path = handler.path.split("?", 1)[0]
        with self.lock:
            self.requests.append((address, method, handler.path))
            self.connections.add(handler.client_address)
            self.user_agents.append(handler.headers.get("User-Agent", ""))
            self.starts.append(time.monotonic())
            self.active[address] += 1
            self.peak[address] = max(self.peak[address], self.active[address])
            self.peak_overall = max(self.peak_overall, sum(self.active.values()))
        try:
            self.route(handler, method, path, address)
        except OSError:
            pass  # the checker hung up, as it should after the headers of a GET
        finally:
            with self.lock:
                self.active[address] -= 1

    def route(self, handler: BaseHTTPRequestHandler, method: str, path: str, address: str) -> None:
        if path in REDIRECTS:
            status, location = REDIRECTS[path]
            return send(handler, status, location=location.format(site=self, address=address))
        if path in STATUSES:
            return send(handler, STATUSES[path])
        if path == "/head-refused":
            return send(handler, 405 if method == "HEAD" else 200)
        if path == "/flaky":
            return send(handler, 503 if self.paths().count("/flaky") == 1 else 200)
        if path == "/slow":
            self.release.wait(5)
            return send(handler, 200)
        if path == "/busy":
            time.sleep(0.05)
            return send(handler, 200)
        if path == "/huge":
            return self.send_huge(handler, method)
        return send(handler, 404)

    def send_huge(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        """1 GB, slowly; HEAD is refused so that the checker must use GET."""
        if method == "HEAD":
            return send(handler, 405)
        handler.send_response(200)
        handler.send_header("Content-Length", str(HUGE))
        handler.end_headers()
        chunk = b"x" * CHUNK
        try:
            while self.huge_sent < HUGE:
                handler.wfile.write(chunk)
                self.huge_sent += CHUNK
                time.sleep(0.002)
        finally:
            self.huge_closed.set()


def send(handler: BaseHTTPRequestHandler, status: int, location: str | None = None) -> None:
    handler.send_response(status)
    if location:
        handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


STATUSES = {"/ok": 200, "/missing": 404, "/gone": 410, "/error": 500}
REDIRECTS = {
    "/moved-301": (301, "/ok"),
    "/moved-308": (308, "/ok"),
    "/moved-302": (302, "/ok"),
    "/moved-307": (307, "/ok"),
    # Four hops, relative and absolute: permanent, temporary, temporary, permanent.
    "/chain": (301, "chain/2"),
    "/chain/2": (302, "/chain/3"),
    "/chain/3": (307, "http://{address}:{site.ports[127.0.0.1]}/chain/4"),
    "/chain/4": (308, "/ok"),
    "/temporary": (302, "/temporary/2"),
    "/temporary/2": (307, "/ok"),
    "/moved-to-missing": (301, "/missing"),
    "/loop/a": (302, "/loop/b"),
    "/loop/b": (302, "/loop/a"),
    "/to-ftp": (301, "ftp://files.example.org/"),
    "/to-private": (302, "http://127.0.0.1:{site.ports[127.0.0.1]}/ok"),
}
for hop in range(6):
    REDIRECTS[f"/far/{hop}"] = (302, f"/far/{hop + 1}")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ThreadingHTTPServer

    def do_HEAD(self) -> None:
        self.server.site.answer(self, "HEAD")  # type: ignore[attr-defined]

    def do_GET(self) -> None:
        self.server.site.answer(self, "GET")  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Site, address: str, wrap: Callable[[socket.socket], socket.socket] | None = None):
    server = ThreadingHTTPServer((address, 0), Handler)
    server.site = site  # type: ignore[attr-defined]
    if wrap is not None:
        server.socket = wrap(server.socket)
    site.ports[address] = server.server_address[1]
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


@pytest.fixture
def site() -> Iterator[Site]:
    """One site answering on 127.0.0.1 and 127.0.0.2 (both loopback on Linux)."""
    site = Site()
    servers = [serve(site, "127.0.0.1"), serve(site, "127.0.0.2")]
    yield site
    site.release.set()
    for server in servers:
        server.shutdown()
        server.server_close()


def check_one(url: str, **options) -> results.LinkResult:
    [result] = check_links([url], **{**FAST, **options})
    return result


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
    assert result.elapsed_ms < 2000


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


# Safety -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("100.64.0.1", False),  # shared address space (carrier-grade NAT)
        ("127.0.0.1", False),
        ("169.254.169.254", False),  # cloud metadata services
        ("0.0.0.0", False),  # noqa: S104 - an address under test, not one listened on
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("::", False),
        ("fc00::1", False),
        ("fe80::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("2002:c0a8:0101::1", False),  # 6to4 wrapping 192.168.1.1
        ("64:ff9b::a00:1", False),  # NAT64 wrapping 10.0.0.1
        ("8.8.8.8", True),
        ("93.184.216.34", True),
        ("2606:4700:4700::1111", True),
    ],
)
def test_which_addresses_are_public(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public


def test_private_addresses_are_refused_by_default(site):
    links = [site.url("/ok"), f"http://localhost:{site.ports['127.0.0.1']}/ok"]
    found = check_links(links, host_delay=0)
    assert [(r.outcome, r.error) for r in found] == [
        (Outcome.UNREACHABLE, "The address points inside a private network")
    ] * 2
    assert site.requests == []


def test_a_redirect_into_a_private_network_is_refused(site):
    """127.0.0.2 stands for a public site (allowed by network); 127.0.0.1 stays private."""
    allowed = {"host_delay": 0, "allowed_networks": ["127.0.0.2/32"]}
    ok, redirected = check_links(
        [site.url("/ok", "127.0.0.2"), site.url("/to-private", "127.0.0.2")], **allowed
    )
    assert ok.outcome is Outcome.OK
    assert (redirected.outcome, redirected.error) == (Outcome.UNREACHABLE, results.PRIVATE_ADDRESS)
    assert redirected.redirects == ((302, site.url("/ok")),)
    assert {address for address, _, _ in site.requests} == {"127.0.0.2"}


def test_a_name_is_refused_if_any_of_its_addresses_is_private():
    """A name answering with a public and a private address (as in DNS rebinding) is refused;
    the lookup is made once and its vetted answer used for the connection."""
    lookups = []

    async def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return {"mixed.test": ["93.184.216.34", "10.0.0.5"], "public.test": ["93.184.216.34"]}[host]

    async def attempt() -> list[str]:
        backend = GuardedBackend(AddressPolicy(), resolver)
        with pytest.raises(AddressRefused):
            await backend.addresses("mixed.test", 80)
        with pytest.raises(AddressRefused):
            await backend.addresses("mixed.test", 80)
        return await backend.addresses("public.test", 80)

    assert asyncio.run(attempt()) == ["93.184.216.34"]
    assert lookups == ["mixed.test", "public.test"]
    with pytest.raises(NameNotFound):
        asyncio.run(GuardedBackend(AddressPolicy()).addresses("nowhere.invalid", 80))


# Politeness -------------------------------------------------------------------------------


def test_at_most_two_requests_at_once_to_one_host(site):
    found = check_links([site.url(f"/busy?n={n}") for n in range(20)], **FAST)
    assert all(result.outcome is Outcome.OK for result in found)
    assert site.peak["127.0.0.1"] == 2


def test_the_limit_is_per_host(site):
    links = [site.url(f"/busy?n={n}", address) for n in range(10) for address in site.ports]
    found = check_links(links, **FAST)
    assert all(result.outcome is Outcome.OK for result in found)
    assert site.peak == {"127.0.0.1": 2, "127.0.0.2": 2}
    assert site.peak_overall > 2


def test_the_overall_limit_holds_across_hosts(site):
    links = [site.url(f"/busy?n={n}", address) for n in range(3) for address in site.ports]
    check_links(links, **FAST, concurrency=1)
    assert site.peak_overall == 1


def test_requests_to_one_host_are_spaced_out(site):
    links = [site.url(f"/ok?n={n}") for n in range(3)]
    check_links(links, allow_private_addresses=True, host_delay=0.2)
    gaps = [later - earlier for earlier, later in zip(site.starts, site.starts[1:], strict=False)]
    assert len(gaps) == 2 and min(gaps) >= 0.15


def test_links_on_one_host_share_a_connection(site):
    check_links([site.url(f"/ok?n={n}") for n in range(5)], **FAST, per_host=1)
    assert len(site.requests) == 5
    assert len(site.connections) == 1


def test_connections_kept_for_reuse_are_bounded(site):
    """One idle site's connections are kept per overall slot: with one slot, each change of
    site closes the other's (the sockets held open stay bounded however many sites)."""
    links = [site.url(f"/ok?n={n}", address) for n in range(2) for address in site.ports]
    check_links(links, **FAST, per_host=1, concurrency=2)
    assert len(site.connections) == 2
    site.connections.clear()
    check_links([f"{link}&again" for link in links], **FAST, per_host=1, concurrency=1)
    assert len(site.connections) == 4


def test_the_checker_names_itself(site):
    check_one(site.url("/ok"), site_url="https://dementia.example.org")
    assert site.user_agents == [
        "DementiaWellbeingPlan-LinkChecker/1.0 (+https://dementia.example.org)"
    ]


# Running a batch --------------------------------------------------------------------------


def test_results_come_in_input_order_once_per_link(site):
    links = [site.url("/missing"), "not a url", site.url("/ok#a"), site.url("/ok#b")]
    found = check_links([*links, site.url("/missing"), "not a url"], **FAST)
    assert [r.url for r in found] == links
    assert [r.outcome for r in found] == [Outcome.BROKEN, Outcome.INVALID, Outcome.OK, Outcome.OK]
    assert site.paths() == ["/missing", "/ok"]  # one request for both fragments


def test_progress_is_reported_as_links_finish(site):
    calls: list[tuple[int, int]] = []
    links = [site.url("/ok"), site.url("/missing"), "nonsense"]
    check_links(links, on_progress=lambda *call: calls.append(call), **FAST)
    assert calls[-1] == (3, 3)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_a_failing_progress_callback_does_not_stop_the_run(site):
    def fail(done: int, total: int) -> None:
        raise RuntimeError("progress bar gone")

    [result] = check_links([site.url("/ok")], on_progress=fail, **FAST)
    assert result.outcome is Outcome.OK


def test_an_unexpected_error_is_that_links_result(site, monkeypatch):
    ask = Checker._ask

    async def sometimes_fail(self, url):
        if url.path == "/missing":
            raise ZeroDivisionError
        return await ask(self, url)

    monkeypatch.setattr(Checker, "_ask", sometimes_fail)
    odd, fine = check_links([site.url("/missing"), site.url("/ok")], **FAST)
    assert (odd.outcome, odd.error) == (
        Outcome.UNREACHABLE,
        "The check failed unexpectedly (ZeroDivisionError)",
    )
    assert fine.outcome is Outcome.OK


def test_a_server_answering_nonsense_is_unreachable_and_the_rest_are_checked(site):
    listener = socket.create_server(("127.0.0.1", 0))

    def talk_nonsense() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.recv(65536)
                connection.sendall(b"SSH-2.0-OpenSSH_9.6\r\nthis is not HTTP\r\n\r\n")

    threading.Thread(target=talk_nonsense, daemon=True).start()
    try:
        odd, fine = check_links(
            [f"http://127.0.0.1:{listener.getsockname()[1]}/", site.url("/ok")], **FAST
        )
    finally:
        listener.close()
    assert (odd.outcome, odd.error) == (Outcome.UNREACHABLE, results.NOT_A_WEB_SERVER)
    assert fine.outcome is Outcome.OK


def test_check_links_works_inside_a_running_event_loop(site):
    async def from_async_code() -> list[results.LinkResult]:
        return check_links([site.url("/ok")], **FAST)

    [result] = asyncio.run(from_async_code())
    assert result.outcome is Outcome.OK


def test_check_links_async(site):
    [result] = asyncio.run(check_links_async([site.url("/moved-301")], **FAST))
    assert (result.outcome, result.suggested_url) == (Outcome.REDIRECTED, site.url("/ok"))
