"""The resource library: its index page and the resources in it."""

from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    Orderable,
    Page,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyStreamBlock
from core.languages import page_links
from core.link_health.extract import links_in_stream
from core.link_health.panels import LinkHealthPanel
from core.review import ReviewDatesMixin, ReviewedPageForm
from resources.choices import Cost, ResourceType
from resources.models.mixins import AudienceFieldsMixin, LinkOrDocumentMixin, TopicsIndexedMixin
from resources.models.topics import Topic
from resources.widgets import TopicWidget


class ResourceIndexPage(Page):
    """The library: lists resources with topic, audience and type filters."""

    introduction = models.TextField(blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    results_per_page = 20

    class Meta:
        verbose_name = _("resource library")

    def get_context(self, request, *args, **kwargs):
        from resources.selectors import resource_library_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = resource_library_listing(
            index_page=self, request=request, per_page=self.results_per_page
        )
        return context


class ResourcePageTopic(ItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="resource_page_items")
    content_object = ParentalKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="topic_items"
    )


class ResourcePage(
    ReviewDatesMixin, LinkOrDocumentMixin, TopicsIndexedMixin, AudienceFieldsMixin, Page
):
    summary = models.TextField(
        max_length=300, help_text=_("One or two plain sentences: what it is and who it helps.")
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)
    resource_type = models.CharField(_("type"), max_length=20, choices=ResourceType.choices)
    topics = ClusterTaggableManager(through=ResourcePageTopic, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    external_url = models.URLField(
        _("link to the resource"), blank=True, max_length=500, help_text=_("Where people open it.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload a copy when the publisher allows it."),
    )
    page_count = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(
        _("time it takes, in minutes"), null=True, blank=True
    )
    cost = models.CharField(max_length=20, choices=Cost.choices, blank=True)

    base_form_class = ReviewedPageForm
    content_panels = [
        LinkHealthPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("resource_type"),
        AudienceFieldsMixin.audience_panel,
        FieldPanel("topics", widget=TopicWidget),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("external_url"),
                FieldPanel("document"),
                FieldRowPanel([FieldPanel("page_count"), FieldPanel("duration_minutes")]),
                FieldPanel("cost"),
            ],
            heading=_("About the resource"),
        ),
        FieldPanel("body"),
        ReviewDatesMixin.review_panel(),
        InlinePanel(
            "language_versions",
            label=_("The resource in other languages"),
            help_text=_(
                "Versions the publisher made in other languages, such as a workbook in Urdu. "
                "People reading this site in that language are sent to it first."
            ),
        ),
        InlinePanel("related_resource_items", label=_("Related resources"), max_num=6),
    ]
    # Links and files are the same in every language of this site; the versions in other
    # languages are chosen by language, not translated.
    override_translatable_fields = [
        SynchronizedField("external_url"),
        SynchronizedField("language_versions"),
    ]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("publisher"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.AutocompleteField("summary"),
        index.FilterField("resource_type"),
        index.FilterField("for_people_with_dementia"),
        index.FilterField("for_families_and_carers"),
        index.FilterField("for_practitioners"),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    external_links_prefetch = ["language_versions"]

    def external_links(self):
        yield "external_url", self.external_url
        for version in self.language_versions.all():
            yield "language_versions", version.external_url
        for address in links_in_stream(self.body):
            yield "body", address

    def clean(self):
        super().clean()
        self.clean_audiences()
        if not self.external_url and not self.document_id:
            raise ValidationError(
                {"external_url": _("Add a link to the resource, upload a document, or both.")}
            )
        self.clean_review_dates()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        versions = list(self.language_versions.select_related("document"))
        language = get_language()
        context["version_in_language"] = next(
            (version for version in versions if version.language == language), None
        )
        context["other_language_versions"] = [
            version for version in versions if version.language != language
        ]
        context["related_resources"] = page_links(
            (
                item.resource
                for item in self.related_resource_items.select_related("resource__locale")
            ),
            request,
        )
        return context


class ResourceLanguageVersion(LinkOrDocumentMixin, Orderable):
    """The external material in another language: a link, a document, or both."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="language_versions")
    language = models.CharField(_("language"), max_length=10, choices=global_settings.LANGUAGES)
    title = models.CharField(
        _("title in that language"),
        max_length=255,
        blank=True,
        help_text=_("As the publisher wrote it, if it differs from the English title."),
    )
    external_url = models.URLField(_("link"), blank=True, max_length=500)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("title"),
        FieldPanel("external_url"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("version in another language")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_version_per_language")
        ]

    def clean(self):
        if not self.external_url and not self.document_id:
            raise ValidationError(
                {"external_url": _("Add a link to this version, upload it, or both.")}
            )

    @property
    def language_name(self) -> str:
        return get_language_info(self.language)["name_local"]


class ResourcePageRelatedResource(Orderable):
    page = ParentalKey(
        ResourcePage, on_delete=models.CASCADE, related_name="related_resource_items"
    )
    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("resource")]

    def clean(self):
        if self.page_id and self.resource_id == self.page_id:
            raise ValidationError({"resource": _("A resource cannot be related to itself.")})
