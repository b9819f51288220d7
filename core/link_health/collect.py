"""Finding every external address the public can follow in published content.

A model takes part by having `external_links()`, which yields (field name, address) pairs,
and may name relations to prefetch in `external_links_prefetch`."""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from wagtail.models import Page

from core.link_health.extract import worth_checking
from core.link_health.models import CheckedLink, LinkUse


def link_sources() -> list[type]:
    return [model for model in apps.get_models() if hasattr(model, "external_links")]


def published(model: type) -> QuerySet:
    queryset = model._default_manager.all()
    if issubclass(model, Page):
        # An alias shows its original's content: its links are the original's.
        queryset = queryset.live().filter(alias_of__isnull=True)
    elif hasattr(model, "live"):
        queryset = queryset.filter(live=True)
    prefetch = getattr(model, "external_links_prefetch", ())
    return queryset.prefetch_related(*prefetch) if prefetch else queryset


def find_uses() -> set[tuple[str, int, str, str]]:
    """(address, content type id, object id, field) for every external link published."""
    uses = set()
    for model in link_sources():
        content_type = ContentType.objects.get_for_model(model)
        for item in published(model).iterator(chunk_size=500):
            for field, address in item.external_links():
                address = (address or "").strip()
                if worth_checking(address):
                    uses.add((address, content_type.pk, str(item.pk), field))
    return uses


def collect_links() -> int:
    """Bring the stored links in line with what is published: new addresses are added, a
    link nothing uses any more is dropped with its history. Returns the number of links."""
    uses = find_uses()
    addresses = {address for address, *_rest in uses}
    with transaction.atomic():
        known = set(CheckedLink.objects.values_list("url", flat=True))
        CheckedLink.objects.bulk_create(
            [CheckedLink(url=address) for address in sorted(addresses - known)], batch_size=500
        )
        ids = dict(CheckedLink.objects.values_list("url", "pk"))
        LinkUse.objects.all().delete()
        LinkUse.objects.bulk_create(
            [
                LinkUse(
                    link_id=ids[address],
                    content_type_id=content_type_id,
                    object_id=object_id,
                    field=field,
                )
                for address, content_type_id, object_id, field in sorted(uses)
            ],
            batch_size=500,
        )
        CheckedLink.objects.filter(uses__isnull=True).delete()
    return len(addresses)
