"""The external-link checker stays safe (no private addresses) and polite (per-host and
overall limits, spacing, shared connections) and runs a batch robustly, against real servers
on loopback. No database."""

from __future__ import annotations

import ipaddress
import socket
import threading

import pytest

from core.links import Outcome, check_links, check_links_async, is_public_address, results
from core.links.addresses import AddressPolicy, AddressRefused, GuardedBackend, NameNotFound
from core.links.checker import Checker
from tests.core.links.servers import (
    FAST,
    check_one,
    run_on_a_fresh_loop,
)

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

    assert run_on_a_fresh_loop(attempt()) == ["93.184.216.34"]
    assert lookups == ["mixed.test", "public.test"]
    with pytest.raises(NameNotFound):
        run_on_a_fresh_loop(GuardedBackend(AddressPolicy()).addresses("nowhere.invalid", 80))


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
    # One request for both fragments; the two requests run at once, in either order.
    assert sorted(site.paths()) == ["/missing", "/ok"]


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

    [result] = run_on_a_fresh_loop(from_async_code())
    assert result.outcome is Outcome.OK


def test_check_links_async(site):
    [result] = run_on_a_fresh_loop(check_links_async([site.url("/moved-301")], **FAST))
    assert (result.outcome, result.suggested_url) == (Outcome.REDIRECTED, site.url("/ok"))
