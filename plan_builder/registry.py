"""The plugin's extension point: which kinds of content can be attached to a plan.

An app makes its content attachable by returning a `PlanAttachable` subclass from the
`register_plan_attachable` hook in its own `wagtail_hooks.py`. The registry reads the hooks on
first use (as Wagtail's `ViewSetRegistry` does), so import order never matters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

REGISTER_HOOK = "register_plan_attachable"


class AttachmentKind(models.TextChoices):
    """Information is given to the person (FHIR DocumentReference); a service is one they
    can be signposted or referred to (FHIR HealthcareService and ServiceRequest)."""

    INFORMATION = "information", _("Resource")
    SERVICE = "service", _("Support organisation")


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: str
    # The language of `label` when it is not the interface's (say an English name shown on a
    # Welsh page), so the template can mark it with lang and dir.
    label_language: str | None = None


@dataclass(frozen=True)
class AttachableFilter:
    name: str
    label: str
    options: list[FilterOption] = field(default_factory=list)


class PlanAttachable:
    """Describe one model the plan builder can attach. Subclasses must set `model` and
    implement the methods that raise NotImplementedError; the system check names any that
    are missing."""

    model: type[models.Model] | None = None
    kind: AttachmentKind = AttachmentKind.INFORMATION
    required_methods = ("get_queryset", "get_title", "get_summary", "get_url")

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name).capitalize()

    @property
    def label_plural(self) -> str:
        return str(self.model._meta.verbose_name_plural).capitalize()

    def get_queryset(self) -> models.QuerySet:
        """Everything that may be attached now: published, public."""
        raise NotImplementedError

    def get_title(self, obj: Any) -> str:
        raise NotImplementedError

    def get_summary(self, obj: Any) -> str:
        raise NotImplementedError

    def get_url(self, obj: Any) -> str:
        """An absolute URL: it is printed on the person's copy."""
        raise NotImplementedError

    def get_external_url(self, obj: Any) -> str:
        """Where the material itself lives, when that is not the page at `get_url`."""
        return ""

    def get_phone(self, obj: Any) -> str:
        return ""

    def search(self, queryset: models.QuerySet, query: str) -> Iterable[Any]:
        return queryset

    def get_filters(self) -> list[AttachableFilter]:
        return []

    def apply_filters(
        self, queryset: models.QuerySet, selected: dict[str, list[str]]
    ) -> models.QuerySet:
        return queryset

    def suggest(self, text: str, *, limit: int) -> list[Any]:
        """Items that match what the person said in their goals and needs."""
        return []

    def available_ids(self, object_ids: Iterable[str]) -> set[str]:
        """Which of these ids can still be given to someone today; one query per type."""
        ids = [object_id for object_id in object_ids if object_id]
        if not ids:
            return set()
        pk_field = self.model._meta.pk
        try:
            cleaned = [pk_field.to_python(object_id) for object_id in ids]
        except Exception:
            return set()
        found = self.get_queryset().filter(pk__in=cleaned).values_list("pk", flat=True)
        return {str(pk) for pk in found}

    def get_available_object(self, object_id: str) -> Any | None:
        pk_field = self.model._meta.pk
        try:
            pk = pk_field.to_python(object_id)
        except Exception:
            return None
        try:
            return self.get_queryset().filter(pk=pk).first()
        except OverflowError:  # SQLite, for an id past any integer it stores (a page's pk)
            return None


class PlanAttachableRegistry:
    def __init__(self) -> None:
        self._attachables: dict[str, PlanAttachable] | None = None

    def populate(self) -> dict[str, PlanAttachable]:
        attachables: dict[str, PlanAttachable] = {}
        for register in hooks.get_hooks(REGISTER_HOOK):
            registered = register()
            for item in registered if isinstance(registered, list | tuple) else [registered]:
                attachable = item() if isinstance(item, type) else item
                if not isinstance(attachable, PlanAttachable):
                    raise ImproperlyConfigured(
                        f"The {REGISTER_HOOK} hook {register.__module__}.{register.__name__} "
                        f"returned {item!r}; return a PlanAttachable subclass."
                    )
                if attachable.model is None:
                    raise ImproperlyConfigured(
                        f"{type(attachable).__name__} must set `model` to the model it attaches."
                    )
                if attachable.key in attachables:
                    raise ImproperlyConfigured(
                        f"{attachable.model._meta.label} is registered as plan-attachable twice: "
                        f"by {type(attachables[attachable.key]).__name__} and by "
                        f"{type(attachable).__name__}."
                    )
                attachables[attachable.key] = attachable
        self._attachables = attachables
        return attachables

    def _loaded(self) -> dict[str, PlanAttachable]:
        if self._attachables is None:
            return self.populate()
        return self._attachables

    def reset(self) -> None:
        """Forget what the hooks said; the next read asks them again (used by tests)."""
        self._attachables = None

    def all(self) -> list[PlanAttachable]:
        return list(self._loaded().values())

    def get(self, key: str) -> PlanAttachable | None:
        return self._loaded().get(key)

    def for_model(self, model: type[models.Model]) -> PlanAttachable | None:
        return self.get(model._meta.label_lower)


registry = PlanAttachableRegistry()
