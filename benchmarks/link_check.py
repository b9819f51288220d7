"""The link checker against 10,000 links on 200 hosts: speed, memory, and politeness kept.

    .venv/bin/python -m benchmarks.link_check
    .venv/bin/python -m benchmarks.link_check --links 2000 --hosts 50 --per-host 3

The hosts are 200 loopback addresses (127.0.0.1 and up: Linux routes all of 127/8 to the
loopback interface), each with its own small HTTP server, all in a separate process so that
the memory figures are the checker's alone. The links are listed host by host, and by default
500 may be in progress at once (ten times production's 50, more than 200 hosts x 2): so the
per-host limit, not the overall one, is what holds requests back. Every server counts the
requests in progress at once on its address; the exit status is 1 if any host ever saw more
than the per-host limit, or if the outcomes differ from what the servers were told to answer.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import multiprocessing
import resource
import sys
import time
import tracemalloc
from collections import Counter
from multiprocessing.connection import Connection

from core.links import Outcome, check_links

# Of every 20 links: 2 missing (404), 1 moved for good (301), 1 moved for now (302), 16 fine.
KINDS = ["missing", "missing", "moved", "temporary", *["ok"] * 16]
EXPECTED = {"ok": Outcome.OK, "temporary": Outcome.OK, "moved": Outcome.REDIRECTED}


def host_addresses(count: int) -> list[str]:
    first = ipaddress.IPv4Address("127.0.0.1")
    return [str(first + n) for n in range(count)]


def link_kind(n: int) -> str:
    return KINDS[n % len(KINDS)]


class Counts:
    """Requests in progress per address, and the most seen at once."""

    def __init__(self) -> None:
        self.active: Counter[str] = Counter()
        self.peak: Counter[str] = Counter()
        self.requests = 0

    def begin(self, address: str) -> None:
        self.requests += 1
        self.active[address] += 1
        self.peak[address] = max(self.peak[address], self.active[address])

    def end(self, address: str) -> None:
        self.active[address] -= 1


def answer(target: bytes) -> tuple[bytes, bytes]:
    """Status line and extra headers for a request path such as /moved/17."""
    kind, _, number = target.decode("ascii", "replace").strip("/").partition("/")
    if kind == "missing":
        return b"404 Not Found", b""
    if kind == "moved":
        return b"301 Moved Permanently", f"Location: /ok/{number}\r\n".encode()
    if kind == "temporary":
        return b"302 Found", f"Location: /ok/{number}\r\n".encode()
    return b"200 OK", b""


async def serve(connection: Connection, addresses: list[str], latency: float) -> None:
    counts = Counts()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        address = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, target, _ = head.split(b"\r\n", 1)[0].split(b" ", 2)
                counts.begin(address)
                try:
                    await asyncio.sleep(latency)
                    status, extra = answer(target)
                finally:
                    # Counted out before the answer is written: the client cannot send its
                    # next request before it has this answer, so no overlap is hidden.
                    counts.end(address)
                body = b"" if method == b"HEAD" else b"hello"
                writer.write(
                    b"HTTP/1.1 " + status + b"\r\n" + extra + b"Content-Length: 5\r\n\r\n" + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        except ValueError:
            pass  # not a request line this server understands
        finally:
            writer.close()

    servers = [await asyncio.start_server(handle, address, 0) for address in addresses]
    ports = {
        address: s.sockets[0].getsockname()[1]
        for address, s in zip(addresses, servers, strict=True)
    }
    connection.send(ports)
    await asyncio.get_running_loop().run_in_executor(None, connection.recv)  # wait for "stop"
    for server in servers:
        server.close()
    connection.send({"peak": dict(counts.peak), "requests": counts.requests})


def run_servers(connection: Connection, addresses: list[str], latency: float) -> None:
    asyncio.run(serve(connection, addresses, latency))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument(
        "--concurrency",
        type=int,
        default=500,
        help="requests at once overall (production: 50; more than hosts x per-host by default, so"
        " that the per-host limit is what holds requests back)",
    )
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per answer")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also trace allocations (slows the run)"
    )
    parser.add_argument("--progress", action="store_true", help="show a progress bar")
    options = parser.parse_args(argv)

    addresses = host_addresses(options.hosts)
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=run_servers, args=(theirs, addresses, options.latency))
    server.start()
    ports: dict[str, int] = ours.recv()
    links = []
    for n in range(options.links):
        address = addresses[n * len(addresses) // options.links]  # listed host by host
        links.append(f"http://{address}:{ports[address]}/{link_kind(n)}/{n}")
    expected = Counter(EXPECTED.get(link_kind(n), Outcome.BROKEN) for n in range(options.links))

    bar = None
    if options.progress:
        from tqdm import tqdm

        bar = tqdm(total=len(links), unit="link")

    def on_progress(done: int, total: int) -> None:
        if bar is not None:
            bar.update(done - bar.n)

    if options.tracemalloc:
        tracemalloc.start()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    found = check_links(
        links,
        per_host=options.per_host,
        host_delay=0,
        concurrency=options.concurrency,
        allow_private_addresses=True,
        on_progress=on_progress,
    )
    seconds = time.perf_counter() - started
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    traced_peak = tracemalloc.get_traced_memory()[1] if options.tracemalloc else None
    if bar is not None:
        bar.close()
    ours.send("stop")
    seen = ours.recv()
    server.join(timeout=10)

    outcomes = Counter(result.outcome for result in found)
    most_at_once = max(seen["peak"].values(), default=0)
    at_limit = sum(1 for peak in seen["peak"].values() if peak == options.per_host)
    traced = f"{traced_peak / 2**20:.1f} MB" if traced_peak is not None else "not traced"
    rows = [
        ("links", f"{len(found):,}"),
        ("hosts", f"{options.hosts:,}"),
        ("requests the servers answered", f"{seen['requests']:,}"),
        ("seconds", f"{seconds:.1f}"),
        ("links per second", f"{len(found) / seconds:,.0f}"),
        ("peak memory: growth of ru_maxrss", f"{rss_growth / 1024:.1f} MB"),
        ("peak memory: tracemalloc peak", traced),
        ("most requests at once on any host", f"{most_at_once} (limit {options.per_host})"),
        ("hosts that reached the limit", f"{at_limit:,} of {options.hosts:,}"),
        *((f"outcome {o.value}", f"{outcomes[o]:,} (expected {expected[o]:,})") for o in Outcome),
    ]
    width = max(len(label) for label, _ in rows)
    print(f"Link checker: {options.concurrency} at once overall, {options.latency}s per answer")
    print(f"{'':-<{width}}-|-{'':-<24}")
    for label, value in rows:
        print(f"{label:<{width}} | {value}")

    reasons = Counter(result.error for result in found if result.outcome is Outcome.UNREACHABLE)
    for reason, count in reasons.most_common():
        print(f"unreachable: {reason} ({count:,})")

    failed = False
    if most_at_once > options.per_host:
        print(f"FAIL: a host saw {most_at_once} requests at once; the limit is {options.per_host}")
        failed = True
    if outcomes != expected:
        print("FAIL: the outcomes differ from what the servers answered")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
