"""The plugin's extension point: which kinds of content can be attached to a plan.

An app makes its content attachable by returning a `PlanAttachable` subclass from the
`register_plan_attachable` hook in its own `wagtail_hooks.py`. The registry reads the hooks on
first use (as Wagtail's `ViewSetRegistry` does), so import order never matters.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, TranslatableMixin

from plan_builder.content_languages import default_content_language

REGISTER_HOOK = "register_plan_attachable"
# A search is read this far, best matches first, before the filters and paging: enough for
# any word a practitioner types into a curated library, and a bound on the work.
MAX_SEARCH_MATCHES = 500
LANGUAGE_ANNOTATION = "plan_attachable_language"


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

    if TYPE_CHECKING:
        # Every registered attachable has one: the registry refuses a subclass without it.
        model: type[models.Model]
    else:
        model = None
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

    def search(self, queryset: models.QuerySet, query: str) -> models.QuerySet | Sequence[Any]:
        """The items of `queryset` that match the words, best first: Wagtail search results,
        or a filtered queryset (anything that can be sliced). `queryset` is `get_queryset()`
        as it is (a search engine filters only on its index's FilterFields); the filters are
        applied afterwards, to the ids found. The words are already free of search syntax
        (validators.full_text_words)."""
        return queryset

    def get_filters(self) -> list[AttachableFilter]:
        """Filters beside the search box. Their names are query parameters of the search page,
        so not `q`, `type` or `page`, which the page uses itself."""
        return []

    def apply_filters(
        self, queryset: models.QuerySet, selected: dict[str, list[str]]
    ) -> models.QuerySet:
        return queryset

    def suggest(self, text: str, *, limit: int) -> list[Any]:
        """Items that match what the person said in their goals and needs (one version of
        each: they are shown in the person's language by `in_language`)."""
        return []

    # Items in several languages ------------------------------------------------------------
    # An item may be written in several languages, each version its own object: Wagtail's
    # translatable models (pages and snippets) share a `translation_key`. The defaults below
    # handle those, and any other model as one object per item in no particular language.

    @property
    def item_key_field(self) -> str:
        """The field every language version of one item shares."""
        return "translation_key" if issubclass(self.model, TranslatableMixin) else "pk"

    @property
    def language_field(self) -> str | None:
        """The lookup to a version's language code; None when the model has no languages."""
        return "locale__language_code" if issubclass(self.model, TranslatableMixin) else None

    def written_versions(self, queryset: models.QuerySet) -> models.QuerySet:
        """The objects of `queryset` that are written in their own language. A Wagtail alias
        page (a language's copy of the English page, kept until it is translated) shows
        another page's words, so it is not a version in its language."""
        if issubclass(self.model, Page):
            queryset = queryset.filter(alias_of__isnull=True)
        if self.language_field is not None:
            queryset = queryset.annotate(**{LANGUAGE_ANNOTATION: F(self.language_field)})
        return queryset

    def get_item_key(self, obj: Any) -> str:
        return str(getattr(obj, self.item_key_field))

    def get_language(self, obj: Any) -> str:
        """The language `obj` is written in; "" when the model has no languages."""
        if self.language_field is None:
            return ""
        annotated = getattr(obj, LANGUAGE_ANNOTATION, None)
        if annotated is not None:
            return annotated
        if isinstance(obj, Page) and obj.alias_of_id:
            obj = obj.alias_of
        value = obj
        for name in self.language_field.split("__"):
            value = getattr(value, name)
        return value

    def get_item_queryset(
        self, language: str, queryset: models.QuerySet | None = None
    ) -> models.QuerySet:
        """One version of each published item: in `language` where it is written in it,
        otherwise in the site's default language, otherwise in any language it has. One
        query, however many items, so it can be counted and paged in the database."""
        versions = self.written_versions(self.get_queryset() if queryset is None else queryset)
        if self.language_field is None:
            return versions
        key = self.item_key_field
        preferred = (
            versions.filter(**{key: OuterRef(key)})
            .annotate(
                _preference=Case(
                    When(**{self.language_field: language}, then=Value(0)),
                    When(**{self.language_field: default_content_language()}, then=Value(1)),
                    default=Value(2),
                )
            )
            .order_by("_preference", "pk")
            .values("pk")[:1]
        )
        return versions.filter(pk=Subquery(preferred))

    def find(self, *, query: str, selected: dict[str, list[str]], language: str) -> models.QuerySet:
        """The items that match the words and the filters, one version of each (see
        `get_item_queryset`), best match first when there are words, so that paging and
        counting count items. Any version matching finds the item; the filters apply to the
        versions found, so a Welsh word finds an item shown to an English reader in English."""
        rows = self.get_queryset()
        relevance = []
        if query:
            matches = self.search(rows, query)
            if isinstance(matches, models.QuerySet):
                rows = matches
            else:
                found = list(matches[:MAX_SEARCH_MATCHES])
                relevance = list(dict.fromkeys(self.get_item_key(obj) for obj in found))
                rows = rows.filter(pk__in=[obj.pk for obj in found])
        key = self.item_key_field
        matching = self.apply_filters(rows, selected).values(key)
        items = self.get_item_queryset(language).filter(**{f"{key}__in": matching})
        ordering = [*(items.query.order_by or self.model._meta.ordering or ()), "pk"]
        if relevance:
            places = [
                When(**{key: item_key}, then=Value(n)) for n, item_key in enumerate(relevance)
            ]
            ordering.insert(0, Case(*places, default=Value(len(relevance))))
        return items.order_by(*ordering)

    def in_language(self, items: Iterable[Any], language: str) -> list[Any]:
        """These items in `language` where written in it (see `get_item_queryset`), in the
        same order, each once however many of its versions are listed. One query."""
        keys = list(dict.fromkeys(self.get_item_key(obj) for obj in items))
        if not keys:
            return []
        key = self.item_key_field
        shown = {
            self.get_item_key(obj): obj
            for obj in self.get_item_queryset(language).filter(**{f"{key}__in": keys})
        }
        return [shown[item_key] for item_key in keys if item_key in shown]

    def get_other_languages(self, items: Iterable[Any]) -> dict[str, list[str]]:
        """For each item's key, the languages it is written in besides the version shown, in
        the order of the site's languages. One query."""
        items = list(items)
        if self.language_field is None or not items:
            return {}
        key = self.item_key_field
        written: dict[str, set[str]] = defaultdict(set)
        versions = self.written_versions(self.get_queryset()).filter(
            **{f"{key}__in": [getattr(obj, key) for obj in items]}
        )
        for item_key, code in versions.values_list(key, self.language_field):
            written[str(item_key)].add(code)
        order = {code: place for place, (code, _name) in enumerate(settings.LANGUAGES)}
        return {
            self.get_item_key(obj): sorted(
                written[self.get_item_key(obj)] - {self.get_language(obj)},
                key=lambda code: (order.get(code, len(order)), code),
            )
            for obj in items
        }

    def get_item_keys(self, object_ids: Iterable[str]) -> dict[str, str]:
        """The item each of these objects is a version of, published or not; one query."""
        pks = self._clean_pks(object_ids)
        if not pks:
            return {}
        rows = self.model._default_manager.filter(pk__in=pks).values_list("pk", self.item_key_field)
        return {str(pk): str(item_key) for pk, item_key in rows}

    def get_version(self, obj: Any, language: str) -> Any:
        """The version of `obj`'s item to give someone who reads `language`: the published one
        in their language, else in the default language; `obj` itself when there is none."""
        if self.language_field is None:
            return obj
        key = self.item_key_field
        return self.get_item_queryset(language).filter(**{key: getattr(obj, key)}).first() or obj

    def get_versions(self, object_ids: Iterable[str], language: str) -> dict[str, Any]:
        """For each of these objects whose item is still published, the version to show
        someone who reads `language` (see `get_item_queryset`); the others are left out.
        One query per type, two when an object given is not the version shown now (the
        person's language changed, or that version was withdrawn), never one per object."""
        pks = self._clean_pks(object_ids)
        if not pks:
            return {}
        key = self.item_key_field
        versions = self.get_queryset()
        if self.language_field is None:
            return {str(obj.pk): obj for obj in self.written_versions(versions).filter(pk__in=pks)}
        of_given = self.model._default_manager.filter(pk__in=pks).values(key)
        shown = {
            self.get_item_key(obj): obj
            for obj in self.get_item_queryset(language, versions).filter(**{f"{key}__in": of_given})
        }
        shown_by_pk = {str(obj.pk): obj for obj in shown.values()}
        found = {str(pk): shown_by_pk[str(pk)] for pk in pks if str(pk) in shown_by_pk}
        missing = [pk for pk in pks if str(pk) not in found]
        for object_id, item_key in self.get_item_keys(missing).items():
            if item_key in shown:
                found[object_id] = shown[item_key]
        return found

    def get_available_object(self, object_id: str) -> Any | None:
        pks = self._clean_pks([object_id])
        if not pks:
            return None
        try:
            return self.get_queryset().filter(pk=pks[0]).first()
        except OverflowError:  # SQLite, for an id past any integer it stores (a page's pk)
            return None

    def _clean_pks(self, object_ids: Iterable[str]) -> list:
        """The ids that can be primary keys of the model; a made-up one is simply not there."""
        pk_field = self.model._meta.pk
        pks = []
        for object_id in object_ids:
            with contextlib.suppress(ValidationError):
                if object_id:
                    pks.append(pk_field.to_python(object_id))
        return pks


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
