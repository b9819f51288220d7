"""Checking one address: HEAD first, GET if HEAD is refused, redirects followed hop by hop.

Redirects are followed by hand, not by httpx, so that each hop is recorded, each is checked
against the address policy and the politeness limits of its own host, and a permanent move can
be told from a temporary one (only a permanent move should change the link editors keep).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from core.links import failures, results
from core.links.addresses import AddressPolicy, GuardedBackend
from core.links.politeness import HostGate
from core.links.results import LinkResult, Outcome
from core.links.settings import Settings
from core.links.transport import PoolPerSite
from core.links.web_address import NotAWebAddress, follow_location, host_key

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
# Answers some servers give to HEAD alone; the same address is then asked with GET.
HEAD_REFUSED = frozenset({400, 403, 405, 501})
# A site that sets a cookie and sends the browser back to the same address is common, so an
# address may come round twice in one chain; the third time is a loop.
MAX_VISITS = 2
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass
class Finding:
    """What one check found, shared by every input that names the same address."""

    outcome: Outcome = Outcome.UNREACHABLE
    status_code: int | None = None
    final_url: str | None = None
    redirects: list[tuple[int, str]] = field(default_factory=list)
    suggested_url: str | None = None
    error: str | None = None
    checked_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    elapsed_ms: int = 0

    @classmethod
    def invalid(cls, reason: str) -> Finding:
        return cls(outcome=Outcome.INVALID, error=reason)

    def result_for(self, url: str) -> LinkResult:
        """The result for `url` as written: a fragment it had is kept in the suggestion,
        as a browser keeps it across a redirect."""
        suggested = self.suggested_url
        fragment = _fragment(url)
        if suggested and fragment and "#" not in suggested:
            suggested = f"{suggested}#{fragment}"
        return LinkResult(
            url=url,
            outcome=self.outcome,
            status_code=self.status_code,
            final_url=self.final_url,
            redirects=tuple(self.redirects),
            suggested_url=suggested,
            error=self.error,
            checked_at=self.checked_at,
            elapsed_ms=self.elapsed_ms,
        )


def open_client(settings: Settings) -> httpx.AsyncClient:
    """A client for one run. Proxies and certificate files from the environment are ignored
    (trust_env=False): the address policy must see the real destination, and the checker
    must trust exactly the certificates a visitor's browser would."""
    policy = AddressPolicy.build(settings.allow_private_addresses, settings.allowed_networks)
    transport = PoolPerSite(GuardedBackend(policy), settings.per_host, settings.concurrency)
    return httpx.AsyncClient(
        transport=transport,
        follow_redirects=False,
        timeout=settings.timeout,
        headers={"User-Agent": settings.user_agent, "Accept": ACCEPT},
        trust_env=False,
    )


class Checker:
    """Checks addresses with one client and one set of politeness limits."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient) -> None:
        self._settings = settings
        self._client = client
        self._gate = HostGate(settings.per_host, settings.host_delay, settings.concurrency)

    async def check(self, url: httpx.URL) -> Finding:
        """Never raises (but for cancellation): any failure becomes the finding's reason."""
        started = time.perf_counter()
        finding = Finding(final_url=str(url))
        try:
            finding.outcome, finding.error = await self._follow(url, finding)
        except Exception as error:
            finding.outcome, finding.error = failures.describe(error, self._settings.timeout)
        finding.checked_at = datetime.now(UTC)
        finding.elapsed_ms = round((time.perf_counter() - started) * 1000)
        return finding

    async def _follow(self, url: httpx.URL, finding: Finding) -> tuple[Outcome, str | None]:
        """Ask `url`, then each address it redirects to; the outcome and reason at the end."""
        visits: Counter[str] = Counter()
        permanent = False
        current = url
        while True:
            visits[str(current)] += 1
            finding.final_url = str(current)
            status, location = await self._ask(current)
            finding.status_code = status
            if status not in REDIRECTS or not location:
                break
            try:
                target = follow_location(current, location)
            except NotAWebAddress:
                return Outcome.UNREACHABLE, results.BAD_REDIRECT
            finding.redirects.append((status, str(target)))
            permanent = permanent or status in PERMANENT
            if visits[str(target)] >= MAX_VISITS:
                return Outcome.UNREACHABLE, results.REDIRECT_LOOP
            if len(finding.redirects) > self._settings.max_redirects:
                limit = self._settings.max_redirects
                return Outcome.UNREACHABLE, results.TOO_MANY_REDIRECTS.format(limit=limit)
            current = target
        if status < 300:
            if permanent:
                finding.suggested_url = str(current)
                return Outcome.REDIRECTED, None
            return Outcome.OK, None
        if status < 400:
            return Outcome.BROKEN, results.REDIRECT_NOWHERE
        phrase = httpx.codes.get_reason_phrase(status)
        return Outcome.BROKEN, results.ERROR_STATUS.format(status=status, phrase=phrase).strip()

    async def _ask(self, url: httpx.URL) -> tuple[int, str | None]:
        """The status and Location for `url`: HEAD first, as it has no body; GET if refused."""
        answer = await self._send("HEAD", url)
        if answer[0] in HEAD_REFUSED:
            answer = await self._send("GET", url)
        return answer

    async def _send(self, method: str, url: httpx.URL) -> tuple[int, str | None]:
        """One request. The response is streamed and closed once its headers are in, so a
        GET of a huge file costs only its headers (the connection is dropped, not drained).
        An answer to HEAD has no body whatever its headers say, so it is read to its end,
        which lets the connection serve the host's next link."""
        async with self._gate.slot(host_key(url)):
            request = self._client.build_request(method, url)
            async with asyncio.timeout(self._settings.timeout):
                response = await self._client.send(request, stream=True)
                try:
                    if method == "HEAD":
                        await response.aread()
                finally:
                    await response.aclose()
        return response.status_code, response.headers.get("location")


def _fragment(url: str) -> str:
    try:
        return urlsplit(url.strip()).fragment
    except ValueError:
        return ""
