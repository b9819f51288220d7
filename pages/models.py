"""Site-wide page types and settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import ContentPageBodyBlock, LinkBlock
from core.languages import page_links
from core.link_health.extract import links_in_stream
from core.link_health.panels import LinkHealthPanel
from core.review import ReviewDatesMixin, ReviewedPageForm
from core.validators import (
    phone_number_for_display,
    phone_number_for_link,
    validate_phone_number,
)
from resources.selectors import home_page_entry_points


class HomePage(Page):
    introduction = models.TextField(
        max_length=500, help_text=_("Two or three short sentences: what people can do here.")
    )
    personalised_care_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page that explains personalised care, linked from the home page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("personalised_care_page"),
        InlinePanel("featured_resource_items", label=_("Featured resources"), max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.ContentPage",
        "resources.ResourceIndexPage",
        "resources.SupportOrganisationIndexPage",
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_resources"] = page_links(
            (
                item.resource
                for item in self.featured_resource_items.select_related("resource__locale")
            ),
            request,
            specific=True,
        )
        context.update(home_page_entry_points(home_page=self))
        return context


class HomePageFeaturedResource(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_resource_items")
    resource = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("resource")]


class ContentPage(ReviewDatesMixin, Page):
    """Explanatory pages written in plain words, built from NHS.UK components."""

    summary = models.TextField(
        max_length=300, help_text=_("One or two sentences, shown in lists and search results.")
    )
    body = StreamField(ContentPageBodyBlock(), use_json_field=True)

    base_form_class = ReviewedPageForm
    content_panels = [
        LinkHealthPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        ReviewDatesMixin.review_panel(),
    ]
    parent_page_types = ["website.HomePage", "website.ContentPage"]
    subpage_types = ["website.ContentPage"]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
    ]

    class Meta:
        verbose_name = _("content page")

    def external_links(self):
        for address in links_in_stream(self.body):
            yield "body", address

    def clean(self):
        super().clean()
        self.clean_review_dates()


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Header, footer and contact details, editable per site."""

    organisation_name = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Who runs this service, shown in the header and the footer."),
    )
    contact_phone = models.CharField(max_length=30, blank=True, validators=[validate_phone_number])
    contact_phone_hours = models.CharField(
        max_length=200, blank=True, help_text=_("e.g. Monday to Friday, 9am to 5pm.")
    )
    contact_email = models.EmailField(blank=True)
    footer_links = StreamField([("link", LinkBlock())], blank=True, use_json_field=True, max_num=8)

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("contact_phone"),
                FieldPanel("contact_phone_hours"),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact details"),
        ),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def contact_phone_display(self) -> str:
        return phone_number_for_display(self.contact_phone) if self.contact_phone else ""

    @property
    def contact_phone_link(self) -> str:
        return phone_number_for_link(self.contact_phone) if self.contact_phone else ""
