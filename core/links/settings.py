"""The checker's options, with the defaults a production run uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

PRODUCT = "DementiaWellbeingPlan-LinkChecker/1.0"


class CheckOptions(TypedDict, total=False):
    """The keyword options of check_links and check_links_async (see Settings)."""

    per_host: int
    host_delay: float
    concurrency: int
    timeout: float
    max_redirects: int
    allow_private_addresses: bool
    allowed_networks: Sequence[str]
    site_url: str | None


@dataclass(frozen=True)
class Settings:
    """per_host: requests at once to one host. host_delay: seconds between the starts of two
    requests to one host. concurrency: requests at once overall. timeout: seconds for each
    request to answer. max_redirects: hops followed before giving up. allow_private_addresses:
    connect to loopback and private networks too (tests and local benchmarks only).
    allowed_networks: private networks allowed all the same, as "10.1.0.0/16". site_url: the
    site's address, named in the User-Agent so that site owners can tell who is asking."""

    per_host: int = 2
    host_delay: float = 0.5
    concurrency: int = 50
    timeout: float = 10.0
    max_redirects: int = 10
    allow_private_addresses: bool = False
    allowed_networks: Sequence[str] = ()
    site_url: str | None = None

    def __post_init__(self) -> None:
        if self.per_host < 1 or self.concurrency < 1:
            raise ValueError("per_host and concurrency must be at least 1")
        if self.timeout <= 0 or self.host_delay < 0 or self.max_redirects < 0:
            raise ValueError("timeout must be positive; host_delay and max_redirects not negative")
        object.__setattr__(self, "allowed_networks", tuple(self.allowed_networks))

    @property
    def user_agent(self) -> str:
        return f"{PRODUCT} (+{self.site_url})" if self.site_url else PRODUCT
