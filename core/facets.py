"""Combinable filters with counts, for any queryset.

Within one facet the chosen values are alternatives (OR); across facets they all apply (AND).
Each option's count is what the person would get by ticking it, given their other choices.
Unknown values in the query string are dropped, so a tampered or stale link still gives a
normal page. The number of queries is fixed: one count per facet, whatever the data size,
and the whole result is cached as plain data until published content changes.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import get_language

from core.content_cache import cached_content, page_number_key


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    choices: list[tuple[str, str]]
    condition: Callable[[str], Q]
    filter_condition: Callable[[list[str]], Q] | None = None
    # The language of a choice's label, for labels not in the visitor's language.
    label_languages: Mapping[str, str] = field(default_factory=dict)

    def filter_q(self, values: list[str]) -> Q:
        if self.filter_condition is not None:
            return self.filter_condition(values)
        return reduce(or_, (self.condition(value) for value in values))


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    label_language: str | None = None


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: str
    options: list[FacetOption]


@dataclass(frozen=True)
class Listing:
    """One page of filtered results, as plain data that templates read and caches keep."""

    items: list[dict]
    result_count: int
    page_number: int
    page_count: int
    groups: list[FacetGroup]
    is_filtered: bool
    previous_page_query: str | None
    next_page_query: str | None

    @property
    def chosen_options(self) -> list[FacetOption]:
        return [option for group in self.groups for option in group.options if option.selected]


def selected_values(facets: list[Facet], query: QueryDict) -> dict[str, list[str]]:
    return {
        facet.name: sorted(
            {value for value in query.getlist(facet.name)}
            & {choice for choice, _label in facet.choices}
        )
        for facet in facets
    }


def filter_queryset(
    queryset: QuerySet, facets: list[Facet], selected: dict, *, ignoring: Facet | None = None
) -> QuerySet:
    for facet in facets:
        values = selected[facet.name]
        if facet is not ignoring and values:
            queryset = queryset.filter(facet.filter_q(values))
    return queryset


def count_options(queryset: QuerySet, facets: list[Facet], selected: dict) -> list[FacetGroup]:
    groups = []
    for facet in facets:
        if not facet.choices:
            continue
        counts = filter_queryset(queryset, facets, selected, ignoring=facet).aggregate(
            **{
                f"option_{index}": Count("pk", filter=facet.condition(value), distinct=True)
                for index, (value, _label) in enumerate(facet.choices)
            }
        )
        groups.append(
            FacetGroup(
                name=facet.name,
                legend=str(facet.legend),
                options=[
                    FacetOption(
                        value=value,
                        label=str(label),
                        count=counts[f"option_{index}"],
                        selected=value in selected[facet.name],
                        label_language=facet.label_languages.get(value),
                    )
                    for index, (value, label) in enumerate(facet.choices)
                ],
            )
        )
    return groups


def faceted_listing(
    *,
    queryset: Callable[[], QuerySet],
    facets: list[Facet],
    query: QueryDict,
    per_page: int,
    describe: Callable[[list], list[dict]],
    cache_key: str,
) -> Listing:
    selected = selected_values(facets, query)
    requested_page = query.get("page", "1")
    selection = ";".join(f"{name}={','.join(values)}" for name, values in selected.items())

    def build() -> Listing:
        base = queryset()
        page = Paginator(filter_queryset(base, facets, selected), per_page).get_page(requested_page)
        params = [(name, value) for name, values in selected.items() for value in values]
        return Listing(
            items=describe(page.object_list),
            result_count=page.paginator.count,
            page_number=page.number,
            page_count=page.paginator.num_pages,
            groups=count_options(base, facets, selected),
            is_filtered=bool(params),
            previous_page_query=urlencode([*params, ("page", page.number - 1)])
            if page.has_previous()
            else None,
            next_page_query=urlencode([*params, ("page", page.number + 1)])
            if page.has_next()
            else None,
        )

    page_key = page_number_key(requested_page)
    return cached_content(f"{cache_key}:{get_language()}:{selection}:page={page_key}", build)
