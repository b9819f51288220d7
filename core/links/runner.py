"""Checking a batch of links: asynchronously, or from ordinary synchronous code.

One result per distinct input, in the order first given. Inputs that differ only in their
fragment ("#section") are requested once. Nothing about one link can stop the others: every
failure is that link's result.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from itertools import zip_longest
from typing import Unpack

import httpx

from core.links.checker import Checker, Finding, open_client
from core.links.results import LinkResult
from core.links.settings import CheckOptions, Settings
from core.links.web_address import NotAWebAddress, host_key, parse_web_address

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], object]
# Links in progress for each overall request slot: some wait on their host's limit or delay
# while others use the slots. Working through the list with a bounded number of workers, not
# a task per link, saves kilobytes per link (a third of the memory at 10,000 links).
WORKERS_PER_SLOT = 2


class _Counter:
    """Calls on_progress(done, total); a failing callback is logged once and then left out."""

    def __init__(self, on_progress: Progress | None, total: int) -> None:
        self._on_progress = on_progress
        self.total = total
        self.done = 0

    def advance(self, count: int) -> None:
        self.done += count
        if self._on_progress is None or count == 0:
            return
        try:
            self._on_progress(self.done, self.total)
        except Exception:
            logger.exception("The link checker's progress callback failed; it is no longer called")
            self._on_progress = None


def take_turns(addresses: dict[str, httpx.URL]) -> list[str]:
    """The addresses with their hosts taking turns (a, b, c, a, b, c, ...), so that links
    listed host by host do not all queue at one host while the others sit idle."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for key, address in addresses.items():
        by_host[host_key(address)].append(key)
    turns = zip_longest(*by_host.values())
    return [key for turn in turns for key in turn if key is not None]


async def check_links_async(
    urls: Iterable[str],
    *,
    on_progress: Progress | None = None,
    **options: Unpack[CheckOptions],
) -> list[LinkResult]:
    """Check every link; see Settings for the options. Raises only for invalid options."""
    settings = Settings(**options)
    inputs = list(dict.fromkeys(url if isinstance(url, str) else str(url) for url in urls))
    findings: dict[str, Finding] = {}
    addresses: dict[str, httpx.URL] = {}
    named_by: dict[str, list[str]] = {}
    for text in inputs:
        try:
            address = parse_web_address(text)
        except NotAWebAddress as error:
            findings[text] = Finding.invalid(error.reason)
            continue
        addresses.setdefault(str(address), address)
        named_by.setdefault(str(address), []).append(text)
    counter = _Counter(on_progress, len(inputs))
    counter.advance(len(findings))
    if addresses:
        async with open_client(settings) as client:
            checker = Checker(settings, client)
            pending = iter(take_turns(addresses))

            async def work() -> None:
                for key in pending:
                    finding = await checker.check(addresses[key])
                    for text in named_by[key]:
                        findings[text] = finding
                    counter.advance(len(named_by[key]))

            workers = min(len(addresses), settings.concurrency * WORKERS_PER_SLOT)
            async with asyncio.TaskGroup() as group:
                for _ in range(workers):
                    group.create_task(work())
    return [findings[text].result_for(text) for text in inputs]


def check_links(
    urls: Iterable[str],
    *,
    on_progress: Progress | None = None,
    **options: Unpack[CheckOptions],
) -> list[LinkResult]:
    """check_links_async for synchronous code. If this thread already runs an event loop (a
    task worker, say), the check runs on a fresh loop in its own thread, and this call waits
    for it (blocking the caller's loop, as any synchronous call does); on_progress is then
    called from that thread."""
    urls = list(urls)

    def run() -> list[LinkResult]:
        return asyncio.run(check_links_async(urls, on_progress=on_progress, **options))

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        loop_running = False
    else:
        loop_running = True
    if not loop_running:
        return run()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="link-checker") as pool:
        return pool.submit(run).result()
