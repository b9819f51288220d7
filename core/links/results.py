"""What a check found, in terms an editor can act on.

Every link gets a result, whatever went wrong: the outcome says what to do (nothing, update the
address, fix or remove the link, try again later), and `error` says why in plain English.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class Outcome(enum.StrEnum):
    OK = "ok"
    # The link works, but by a permanent redirect: `suggested_url` is the address to use now.
    REDIRECTED = "redirected"
    # The site answered with an error (4xx or 5xx).
    BROKEN = "broken"
    # No usable answer: the name is unknown, the connection failed or timed out, the
    # certificate is not valid, redirects looped, or the address is refused for safety.
    UNREACHABLE = "unreachable"
    # Not a web address at all; nothing was requested.
    INVALID = "invalid"


# The reasons given in `LinkResult.error`.
NOT_A_WEB_ADDRESS = "Not a web address"
NOT_HTTP = "Not a web address (only http and https links can be checked)"
NAME_NOT_FOUND = "The name of the site could not be found"
CONNECTION_REFUSED = "The connection was refused"
CONNECTION_FAILED = "The connection to the site failed"
CONNECTION_CUT = "The connection was cut off before the site answered"
NO_ANSWER = "No answer within {seconds} seconds"
CERTIFICATE = "The site's security certificate is not valid"
TLS_FAILED = "A secure connection to the site could not be set up"
NOT_A_WEB_SERVER = "The site did not answer as a web server does"
REDIRECT_LOOP = "Redirects went round in a loop"
TOO_MANY_REDIRECTS = "Too many redirects (more than {limit})"
BAD_REDIRECT = "The site redirected to something that is not a web address"
REDIRECT_NOWHERE = "The site answered with a redirect that gives no new address"
PRIVATE_ADDRESS = "The address points inside a private network"
ERROR_STATUS = "The site answered {status} {phrase}"
UNEXPECTED = "The check failed unexpectedly ({name})"


@dataclass(frozen=True)
class LinkResult:
    """One checked link. `redirects` holds each hop as (status, absolute address it led to);
    `final_url` is the last address requested and `status_code` its answer, if any."""

    url: str
    outcome: Outcome
    status_code: int | None
    final_url: str | None
    redirects: tuple[tuple[int, str], ...]
    suggested_url: str | None
    error: str | None
    checked_at: datetime
    elapsed_ms: int
