"""The site's public address, from one setting: SITE_URL.

Wagtail builds every full URL (the sitemap, a resource's link printed in a person's copy of
their plan and in its FHIR export) from the default Site's host name and port, so that Site
follows the setting. It is brought in step after every `migrate`, which every deployment and
`./dev serve` run, and by the starter content loader.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class PublicAddress:
    hostname: str
    port: int

    @property
    def root_url(self) -> str:
        """As Wagtail's Site.root_url writes it: the port only where it is not the default."""
        return Site(hostname=self.hostname, port=self.port).root_url


def public_address(site_url: str | None = None) -> PublicAddress:
    """SITE_URL as a host name and port. Wagtail serves https only on port 443 and knows no
    path prefix, so anything else is refused with a message rather than half-used."""
    site_url = site_url if site_url is not None else settings.SITE_URL
    parts = urlsplit(site_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"SITE_URL must be the site's address, such as https://dementia.example.org; "
            f"got {site_url!r}."
        )
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ImproperlyConfigured(f"SITE_URL must be an address without a path; got {site_url!r}.")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured(
            f"SITE_URL uses https on port {port}; Wagtail serves https links on port 443 only."
        )
    return PublicAddress(hostname=parts.hostname, port=port)


def sync_default_site(**kwargs) -> Site | None:
    """Give the default Site the public host name and port. A site that another Site
    already answers for is left as it is, with a warning."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    address = public_address()
    if (site.hostname, site.port) == (address.hostname, address.port):
        return site
    clash = Site.objects.filter(hostname=address.hostname, port=address.port).exclude(pk=site.pk)
    if clash.exists():
        logger.warning(
            "The default site was not moved to %s: another site already uses that address.",
            address.root_url,
        )
        return site
    site.hostname, site.port = address.hostname, address.port
    site.save(update_fields=["hostname", "port"])
    return site
