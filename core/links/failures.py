"""Turning whatever went wrong during a request into an outcome and a plain reason.

httpx wraps the underlying error (httpcore's, then anyio's, then the OS's or ssl's), so the
reason is found by walking the chain of causes, the most telling first. httpcore's pool re-raises
with `from None`, dropping the chain, but its errors hold the original as their argument.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Iterator

import httpx

from core.links import results
from core.links.addresses import AddressRefused, NameNotFound
from core.links.results import Outcome
from core.links.web_address import NotAWebAddress

logger = logging.getLogger(__name__)


def causes(error: BaseException) -> Iterator[BaseException]:
    """The error, what caused it, and so on: linked errors, errors given as arguments, and the
    members of an exception group."""
    pending, seen = [error], set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        linked = (current.__cause__, current.__context__, *current.args)
        pending.extend(each for each in linked if isinstance(each, BaseException))


def describe(error: Exception, timeout: float) -> tuple[Outcome, str]:
    """The outcome and reason to report for a link whose check raised `error`."""
    chain = list(causes(error))

    def found(*kinds: type[BaseException]) -> bool:
        return any(isinstance(each, kinds) for each in chain)

    if found(NotAWebAddress):
        return Outcome.INVALID, results.NOT_A_WEB_ADDRESS
    if found(AddressRefused):
        return Outcome.UNREACHABLE, results.PRIVATE_ADDRESS
    if found(NameNotFound):
        return Outcome.UNREACHABLE, results.NAME_NOT_FOUND
    if found(TimeoutError, httpx.TimeoutException):
        return Outcome.UNREACHABLE, results.NO_ANSWER.format(seconds=f"{timeout:g}")
    if found(ssl.SSLCertVerificationError):
        return Outcome.UNREACHABLE, results.CERTIFICATE
    if found(ssl.SSLError):
        return Outcome.UNREACHABLE, results.TLS_FAILED
    if found(ConnectionRefusedError):
        return Outcome.UNREACHABLE, results.CONNECTION_REFUSED
    if found(httpx.RemoteProtocolError):
        if "without sending" in str(error):
            return Outcome.UNREACHABLE, results.CONNECTION_CUT
        return Outcome.UNREACHABLE, results.NOT_A_WEB_SERVER
    if found(httpx.ConnectError):
        return Outcome.UNREACHABLE, results.CONNECTION_FAILED
    if found(httpx.ReadError, httpx.WriteError, httpx.NetworkError, ConnectionError):
        return Outcome.UNREACHABLE, results.CONNECTION_CUT
    if found(httpx.InvalidURL, httpx.UnsupportedProtocol):
        return Outcome.INVALID, results.NOT_A_WEB_ADDRESS
    logger.warning("Link check failed unexpectedly", exc_info=error)
    return Outcome.UNREACHABLE, results.UNEXPECTED.format(name=type(error).__name__)
