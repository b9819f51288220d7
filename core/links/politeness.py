"""Keeping the checker polite: few requests at once to any one site, spaced out in time.

Sites are often small charities on shared hosting; thousands of links to them must not look
like an attack. Each request waits for a slot on its host (at most `per_host` at once, starts at
least `delay` seconds apart), then for a slot overall. The host slot is taken first so that a
request waiting on a busy host does not hold one of the overall slots others could use.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Host:
    semaphore: asyncio.Semaphore
    next_start: float = field(default=0.0)


class HostGate:
    def __init__(self, per_host: int, delay: float, overall: int) -> None:
        self._per_host = per_host
        self._delay = delay
        self._overall = asyncio.Semaphore(overall)
        self._hosts: dict[str, _Host] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold a slot for one request to `host` for the duration of the block."""
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _Host(asyncio.Semaphore(self._per_host))
        async with state.semaphore:
            await self._wait_turn(state)
            async with self._overall:
                yield

    async def _wait_turn(self, state: _Host) -> None:
        """Book the next start time for the host, then sleep until it. Booking happens before
        any await, so two requests never book the same time."""
        if self._delay <= 0:
            return
        now = asyncio.get_running_loop().time()
        start = max(now, state.next_start)
        state.next_start = start + self._delay
        if start > now:
            await asyncio.sleep(start - now)
