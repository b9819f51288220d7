"""Real HTTP servers on loopback for the link checker's tests: one site answering on
127.0.0.1 and 127.0.0.2 (both loopback on Linux), counting what it is asked."""

from __future__ import annotations

import asyncio
import concurrent.futures
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.links import check_links, results

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


def run_on_a_fresh_loop(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API, once the browser tests have
    started it, keeps an event loop running in the main thread for the rest of the run."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
