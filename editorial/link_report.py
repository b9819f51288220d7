"""The "Links to fix" report: what the daily link check found moved, broken or not a web
address, with where each link is used; and the broken links each owner hears of."""

from __future__ import annotations

from collections import defaultdict

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from core.link_health.models import NEEDS_FIXING, CheckedLink, LinkState, LinkUse
from core.validators import phone_number_problem
from editorial.review_items import KINDS, ReviewKind
from pages.models import SiteSettings
from resources.models import SupportOrganisation

SHOWN_STATES = [*NEEDS_FIXING, LinkState.FAILING]
OWNERS_HEAR_OF = (LinkState.BROKEN, LinkState.UNREACHABLE, LinkState.INVALID)


def kind_for(content_type_id: int) -> ReviewKind | None:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return next((kind for kind in KINDS.values() if kind.model is model), None)


class LinkFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=[(state.value, state.label) for state in SHOWN_STATES]
    )
    kind = django_filters.ChoiceFilter(
        label=_("Used in"),
        choices=[(key, kind.label) for key, kind in KINDS.items()],
        method="used_in",
    )

    class Meta:
        model = CheckedLink
        fields = ["state"]

    def used_in(self, queryset, name, value):
        content_type = ContentType.objects.get_for_model(KINDS[value].model)
        return queryset.filter(uses__content_type=content_type).distinct()


class LinksToFixView(ReportView):
    page_title = _("Links to fix")
    header_icon = "link"
    results_template_name = "editorial/admin/link_report_results.html"
    index_url_name = "editorial_link_report"
    index_results_url_name = "editorial_link_report_results"
    filterset_class = LinkFilterSet
    list_export = ["url", "state_label", "status_code", "error", "suggested_url", "used_on"]
    export_headings = {
        "url": _("Address"),
        "state_label": _("State"),
        "status_code": _("Answer"),
        "error": _("Why"),
        "suggested_url": _("New address"),
        "used_on": _("Used on"),
    }

    def get_filename(self):
        return f"links-to-fix-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        queryset = CheckedLink.objects.filter(state__in=SHOWN_STATES).prefetch_related(
            Prefetch("uses", queryset=LinkUse.objects.order_by("content_type_id", "object_id"))
        )
        return self.filter_queryset(queryset).order_by("state", "url")

    def filter_queryset(self, queryset):
        if self.filters and self.filters.is_valid():
            return self.filters.filter_queryset(queryset)
        return queryset

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["phone_problems"] = phone_problems()
        return context

    def decorate_paginated_queryset(self, object_list):
        links = list(object_list)
        titles = titles_of([use for link in links for use in link.uses.all()])
        for link in links:
            link.state_label = link.get_state_display()
            link.places = [
                titles[key]
                for use in link.uses.all()
                if (key := (use.content_type_id, use.object_id)) in titles
            ]
            link.used_on = "; ".join(place["title"] for place in link.places)
        return links


def phone_problems() -> list[dict]:
    """Phone numbers the public is given that are not valid UK numbers of the right kind.
    A number is the same in every language, so the original of each organisation is read."""
    problems = []
    organisations = SupportOrganisation.objects.filter(locale=Locale.get_default()).exclude(
        phone=""
    )
    for pk, name, phone in organisations.values_list("pk", "name", "phone"):
        if problem := phone_number_problem(phone):
            problems.append(
                {
                    "title": name,
                    "url": KINDS["organisation"].edit_url(pk),
                    "problem": problem,
                }
            )
    for settings in SiteSettings.objects.exclude(contact_phone="").select_related("site"):
        if problem := phone_number_problem(settings.contact_phone):
            problems.append(
                {
                    "title": str(settings.site),
                    "url": reverse(
                        "wagtailsettings:edit", args=["website", "sitesettings", settings.site_id]
                    ),
                    "problem": problem,
                }
            )
    return problems


def titles_of(uses: list[LinkUse]) -> dict[tuple[int, str], dict]:
    """Title and edit address of each item the links are used on: one query per type."""
    ids_by_type = defaultdict(set)
    for use in uses:
        ids_by_type[use.content_type_id].add(use.object_id)
    places = {}
    for content_type_id, ids in ids_by_type.items():
        kind = kind_for(content_type_id)
        if kind is None:
            continue
        for pk, title in kind.model._default_manager.filter(pk__in=ids).values_list(
            "pk", kind.title_field
        ):
            places[(content_type_id, str(pk))] = {"title": title, "url": kind.edit_url(pk)}
    return places


def broken_links_by_owner() -> dict[int, list[CheckedLink]]:
    """For the weekly digest: each owner's confirmed broken links, by user id."""
    uses = LinkUse.objects.filter(link__state__in=OWNERS_HEAR_OF).select_related("link")
    object_ids = defaultdict(set)
    for use in uses:
        object_ids[use.content_type_id].add(use.object_id)
    owner_of = {}
    for content_type_id, ids in object_ids.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for pk, owner_id in model._default_manager.filter(pk__in=ids).values_list("pk", "owner_id"):
            owner_of[(content_type_id, str(pk))] = owner_id
    by_owner: dict[int, list[CheckedLink]] = defaultdict(list)
    for use in uses:
        owner_id = owner_of.get((use.content_type_id, use.object_id))
        if owner_id is not None and use.link not in by_owner[owner_id]:
            by_owner[owner_id].append(use.link)
    return dict(by_owner)
