"""The filters over resources and support organisations, each declared once: its name, label,
options and how it narrows a queryset. Two small adapters give them to the public listings
(as facets with counts, core.facets) and to the plan builder's attach search (as its
AttachableFilter)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.facets import Facet
from plan_builder.registry import AttachableFilter, FilterOption
from resources.choices import AreaType, Audience, ResourceType
from resources.models import Topic
from resources.topics import sorted_by_name


@dataclass(frozen=True)
class Filter:
    """Within one filter the chosen values are alternatives (OR). `options` is called only
    when the options are shown, so applying a filter costs no query for them."""

    name: str
    label: str | Promise
    options: Callable[[], list[FilterOption]]
    option_condition: Callable[[str], Q]
    # All chosen values at once, where one condition does better than OR-ing each value's.
    values_condition: Callable[[list[str]], Q] | None = None

    def matching(self, values: list[str]) -> Q:
        if self.values_condition is not None:
            return self.values_condition(values)
        return reduce(or_, (self.option_condition(value) for value in values))

    def as_facet(self) -> Facet:
        options = self.options()
        return Facet(
            name=self.name,
            legend=self.label,
            choices=[(option.value, option.label) for option in options],
            label_languages={
                option.value: option.label_language for option in options if option.label_language
            },
            condition=self.option_condition,
            filter_condition=self.matching,
        )

    def as_attachable_filter(self) -> AttachableFilter:
        return AttachableFilter(self.name, str(self.label), self.options())


def narrowed(queryset: QuerySet, filters: Iterable[Filter], selected: dict[str, list[str]]):
    """AND across filters: each filter with chosen values narrows the queryset."""
    for chosen_filter in filters:
        if values := selected.get(chosen_filter.name):
            queryset = queryset.filter(chosen_filter.matching(values))
    return queryset


def choice_options(choices) -> Callable[[], list[FilterOption]]:
    return lambda: [FilterOption(value, str(label)) for value, label in choices.choices]


def topics_on(items: QuerySet, through_model) -> QuerySet:
    """The topics that these resources or organisations carry."""
    related_name = through_model._meta.get_field("tag").remote_field.related_name
    return Topic.objects.filter(
        **{f"{related_name}__content_object__in": items.values("pk")}
    ).distinct()


def topic_filter(*, topics: Callable[[], Iterable[Topic]], through_model) -> Filter:
    """Topics by slug (the same in every language), labelled in the reader's language."""
    return Filter(
        name="topic",
        label=_("Topic"),
        options=lambda: [
            FilterOption(topic.slug, name.text, name.language)
            for topic, name in sorted_by_name(topics())
        ],
        option_condition=lambda slug: Q(topic_items__tag__slug=slug),
        values_condition=lambda slugs: Q(
            pk__in=through_model.objects.filter(tag__slug__in=slugs).values("content_object_id")
        ),
    )


AUDIENCE = Filter(
    name="audience",
    label=_("Who it is for"),
    options=choice_options(Audience),
    option_condition=lambda value: Q(**{Audience(value).field_name: True}),
)
RESOURCE_TYPE = Filter(
    name="type",
    label=_("Type of resource"),
    options=choice_options(ResourceType),
    option_condition=lambda value: Q(resource_type=value),
)
AREA = Filter(
    name="area",
    label=_("Area they cover"),
    options=choice_options(AreaType),
    option_condition=lambda value: Q(area_type=value),
)
