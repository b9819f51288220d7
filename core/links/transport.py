"""Connections for the checker: a small pool per site, on the guarded network backend.

httpcore's connection pool looks through every connection it holds each time a request
starts or ends, so one pool shared by hundreds of sites slows down with the square of their
number (at 500 requests at once, checks were timing out while the pool sorted itself out).
The checker never has more than `per_host` requests open to one site, so it gives each site
(scheme, host and port) a pool of that size, and closes the least recently used pools that are
not in use beyond `max_pools`, which bounds the sockets kept open for reuse.
"""

from __future__ import annotations

import ssl
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable

import httpcore
import httpx

from core.links.addresses import GuardedBackend

Origin = tuple[bytes, bytes, int | None]


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its pool on the guarded network backend. httpx has no public
    way to hand its pool a network backend, hence the pool is replaced."""

    def __init__(self, backend: GuardedBackend, ssl_context: ssl.SSLContext, size: int) -> None:
        super().__init__(verify=ssl_context, trust_env=False)
        self.pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=size,
            max_keepalive_connections=size,
            keepalive_expiry=5.0,
            network_backend=backend,
        )
        self._pool = self.pool


class _Counted(httpx.AsyncByteStream):
    """A response body that reports, once, when it is closed."""

    def __init__(self, stream: httpx.AsyncByteStream, on_close: Callable[[], None]) -> None:
        self._stream = stream
        self._on_close: Callable[[], None] | None = on_close

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            if self._on_close is not None:
                self._on_close()
                self._on_close = None


class PoolPerSite(httpx.AsyncBaseTransport):
    def __init__(self, backend: GuardedBackend, per_site: int, max_pools: int) -> None:
        self._backend = backend
        self._per_site = per_site
        self._max_pools = max_pools
        # Loaded once for the run: it reads certifi's bundle of trusted authorities.
        self._ssl_context = httpx.create_ssl_context(trust_env=False)
        self._pools: OrderedDict[Origin, GuardedTransport] = OrderedDict()
        self._open: dict[Origin, int] = {}  # requests whose response is not yet closed

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        origin = (request.url.raw_scheme, request.url.raw_host, request.url.port)
        transport = self._pools.get(origin)
        if transport is None:
            transport = GuardedTransport(self._backend, self._ssl_context, self._per_site)
            self._pools[origin] = transport
        self._pools.move_to_end(origin)
        self._open[origin] = self._open.get(origin, 0) + 1
        try:
            response = await transport.handle_async_request(request)
        except BaseException:
            self._closed(origin)
            raise
        if not isinstance(response.stream, httpx.AsyncByteStream):
            raise TypeError("an async transport answered with a synchronous body")
        response.stream = _Counted(response.stream, lambda: self._closed(origin))
        await self._close_unused()
        return response

    def _closed(self, origin: Origin) -> None:
        self._open[origin] -= 1
        if not self._open[origin]:
            del self._open[origin]

    async def _close_unused(self) -> None:
        """Close the least recently used pools with nothing open, down to max_pools."""
        for origin in list(self._pools):
            if len(self._pools) <= self._max_pools:
                return
            if origin not in self._open:
                transport = self._pools.pop(origin, None)
                if transport is not None:
                    await transport.aclose()

    async def aclose(self) -> None:
        pools = list(self._pools.values())
        self._pools.clear()
        for transport in pools:
            await transport.aclose()
