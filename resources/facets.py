"""Combinable filters with counts, for any queryset.

Within one facet the chosen values are alternatives (OR); across facets they all apply (AND).
Each option's count is what the person would get by ticking it, given their other choices.
Unknown values in the query string are dropped, so a tampered or stale link still gives a
normal page. The number of queries is fixed: one count per facet, whatever the data size.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import QueryDict


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    choices: list[tuple[str, str]]
    condition: Callable[[str], Q]
    filter_condition: Callable[[list[str]], Q] | None = None

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


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: str
    options: list[FacetOption]

    @property
    def has_selection(self) -> bool:
        return any(option.selected for option in self.options)


class FacetedListing:
    def __init__(self, *, queryset: QuerySet, facets: list[Facet], query: QueryDict, per_page: int):
        self.queryset = queryset
        self.facets = facets
        self.selected = {
            facet.name: [
                value
                for value in dict.fromkeys(query.getlist(facet.name))
                if value in {choice for choice, _label in facet.choices}
            ]
            for facet in facets
        }
        self.page: Page = Paginator(self.filtered(), per_page).get_page(query.get("page"))

    def filtered(self, *, ignoring: Facet | None = None) -> QuerySet:
        queryset = self.queryset
        for facet in self.facets:
            values = self.selected[facet.name]
            if facet is not ignoring and values:
                queryset = queryset.filter(facet.filter_q(values))
        return queryset

    @property
    def result_count(self) -> int:
        return self.page.paginator.count

    @property
    def is_filtered(self) -> bool:
        return any(self.selected.values())

    def groups(self) -> list[FacetGroup]:
        groups = []
        for facet in self.facets:
            if not facet.choices:
                continue
            counts = self.filtered(ignoring=facet).aggregate(
                **{
                    f"option_{index}": Count("pk", filter=facet.condition(value), distinct=True)
                    for index, (value, _label) in enumerate(facet.choices)
                }
            )
            options = [
                FacetOption(
                    value=value,
                    label=label,
                    count=counts[f"option_{index}"],
                    selected=value in self.selected[facet.name],
                )
                for index, (value, label) in enumerate(facet.choices)
            ]
            groups.append(FacetGroup(name=facet.name, legend=facet.legend, options=options))
        return groups

    def query_string(self, **changes) -> str:
        """The current filters as a query string, for pagination links."""
        params = [(name, value) for name, values in self.selected.items() for value in values]
        params += [(key, value) for key, value in changes.items() if value is not None]
        return urlencode(params)

    def page_links(self) -> dict:
        page = self.page
        return {
            "previous": self.query_string(page=page.previous_page_number())
            if page.has_previous()
            else None,
            "next": self.query_string(page=page.next_page_number()) if page.has_next() else None,
        }
