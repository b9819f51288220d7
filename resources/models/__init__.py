"""The resource library and the support-organisation directory, by concern; every model is
importable from `resources.models`."""

from resources.models.library import (
    ResourceIndexPage,
    ResourceLanguageVersion,
    ResourcePage,
    ResourcePageRelatedResource,
    ResourcePageTopic,
)
from resources.models.mixins import AudienceFieldsMixin, LinkOrDocumentMixin, TopicsIndexedMixin
from resources.models.organisations import (
    WAYS_TO_REACH,
    SupportOrganisation,
    SupportOrganisationIndexPage,
    SupportOrganisationQuerySet,
    SupportOrganisationTopic,
    unreachable_error,
)
from resources.models.topics import Topic, TopicLabel

__all__ = [
    "WAYS_TO_REACH",
    "AudienceFieldsMixin",
    "LinkOrDocumentMixin",
    "ResourceIndexPage",
    "ResourceLanguageVersion",
    "ResourcePage",
    "ResourcePageRelatedResource",
    "ResourcePageTopic",
    "SupportOrganisation",
    "SupportOrganisationIndexPage",
    "SupportOrganisationQuerySet",
    "SupportOrganisationTopic",
    "Topic",
    "TopicLabel",
    "TopicsIndexedMixin",
    "unreachable_error",
]
