"""The support-organisation directory: organisations (translatable, moderated snippets) and
the directory page that serves them."""

import logging
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField

from core.blocks import SIMPLE_RICH_TEXT
from core.link_health.extract import links_in_html
from core.link_health.panels import LinkHealthPanel
from core.publishing import PublishingRefused
from core.review import ReviewDatesMixin
from core.validators import (
    phone_number_for_display,
    phone_number_for_link,
    validate_phone_number,
)
from resources.choices import AreaType, Availability, CallCost
from resources.models.mixins import AudienceFieldsMixin, TopicsIndexedMixin
from resources.models.topics import Topic
from resources.widgets import TopicWidget

logger = logging.getLogger(__name__)


class SupportOrganisationTopic(ItemBase):
    tag = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="support_organisation_items"
    )
    content_object = ParentalKey(
        "resources.SupportOrganisation", on_delete=models.CASCADE, related_name="topic_items"
    )


# The ways people can reach an organisation. A directory entry nobody can contact helps no
# one, so one of them is needed before an organisation is published; a location joins them
# when organisations have addresses.
WAYS_TO_REACH = ("phone", "website", "email")


def unreachable_error(values: Mapping[str, object]) -> ValidationError | None:
    """The rule every way of publishing an organisation applies: the editor's publish and
    submit for moderation (resources.forms.SupportOrganisationForm), and workflow approval,
    the translation editor and scheduled publishing (SupportOrganisation.publish). Drafts may
    be saved without it."""
    if any(values.get(name) for name in WAYS_TO_REACH):
        return None
    return ValidationError(
        {
            "phone": _(
                "Add a phone number, website or email address, so people have a way to reach them."
            )
        }
    )


class SupportOrganisationQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def in_language_else_english(self, locale_id: int):
        """Organisations in this language, and, in English, those that have not been
        translated into it yet: a reader is never short of an organisation for want of a
        translation. The one rule for the directory and site search."""
        translated = self.filter(locale_id=locale_id).values("translation_key")
        return self.filter(
            Q(locale_id=locale_id)
            | Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(translation_key__in=translated)
        )


class SupportOrganisation(
    ReviewDatesMixin,
    TopicsIndexedMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    AudienceFieldsMixin,
    index.Indexed,
    ClusterableModel,
):
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, help_text=_("The last part of its web address, e.g. carers-uk.")
    )
    summary = models.TextField(max_length=300, help_text=_("One sentence: who they help and how."))
    what_it_offers = RichTextField(features=SIMPLE_RICH_TEXT, blank=True)
    website = models.URLField(blank=True, max_length=500)
    phone = models.CharField(
        max_length=30,
        blank=True,
        validators=[validate_phone_number],
        help_text=_("Written in full, e.g. 0800 888 6678."),
    )
    phone_label = models.CharField(
        max_length=100, blank=True, help_text=_("What the number is for, e.g. 'Helpline'.")
    )
    call_cost = models.CharField(
        _("cost of a call"),
        max_length=20,
        choices=CallCost.choices,
        blank=True,
        help_text=_(
            "Numbers that start 0800 or 0808 are free to call; numbers that start 03 cost the "
            "same as calling a local number."
        ),
    )
    email = models.EmailField(blank=True)
    opening_hours = models.TextField(
        blank=True, max_length=500, help_text=_("e.g. Monday to Friday, 9am to 5pm.")
    )
    area_type = models.CharField(
        _("area served"), max_length=20, choices=AreaType.choices, default=AreaType.NATIONAL
    )
    area_name = models.CharField(
        _("name of the area"),
        max_length=120,
        blank=True,
        help_text=_("e.g. England, Greater Manchester, Salford."),
    )
    languages = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Languages they offer support in, e.g. English, Welsh, Urdu."),
    )
    interpreters = models.CharField(
        _("interpreters"),
        max_length=3,
        choices=Availability.choices,
        blank=True,
        help_text=_("Can they arrange an interpreter for people who do not speak English?"),
    )
    british_sign_language = models.CharField(
        _("British Sign Language (BSL)"),
        max_length=3,
        choices=Availability.choices,
        blank=True,
        help_text=_("Can people who use BSL contact them, by video relay or with an interpreter?"),
    )
    topics = ClusterTaggableManager(through=SupportOrganisationTopic, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who keeps this entry up to date: reminders of checks due go to them."),
    )

    objects = SupportOrganisationQuerySet.as_manager()

    # The same in every language: addresses, numbers, and the slug (so an organisation's page
    # has the same path in each language and the language switcher can find it).
    # Facts about the service (what a call costs, whether interpreters or BSL are offered) are
    # the same in every language too; opening hours and languages are words, translated.
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("website"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("call_cost"),
        SynchronizedField("interpreters"),
        SynchronizedField("british_sign_language"),
    ]

    panels = [
        LinkHealthPanel(),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("what_it_offers"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("phone_label")]),
                FieldPanel("call_cost"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
            ],
            heading=_("How to contact them"),
            help_text=_(
                "Give at least one way to reach them (a phone number, website or email) "
                "before publishing. A draft can be saved without."
            ),
        ),
        FieldRowPanel([FieldPanel("area_type"), FieldPanel("area_name")], heading=_("Area")),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldRowPanel([FieldPanel("interpreters"), FieldPanel("british_sign_language")]),
            ],
            heading=_("Languages and access"),
        ),
        AudienceFieldsMixin.audience_panel,
        FieldPanel("topics", widget=TopicWidget),
        ReviewDatesMixin.review_panel(
            heading=_("Details checked"),
            last=_("Details checked on"),
            due=_("Next check due"),
        ),
        FieldPanel("owner"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.SearchField("what_it_offers"),
        index.SearchField("area_name"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("live"),
        index.FilterField("locale"),
        index.FilterField("area_type"),
        index.FilterField("for_people_with_dementia"),
        index.FilterField("for_families_and_carers"),
        index.FilterField("for_practitioners"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("support organisation")
        verbose_name_plural = _("support organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_support_organisation_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def external_links(self):
        yield "website", self.website
        for address in links_in_html(self.what_it_offers or ""):
            yield "what_it_offers", address

    def publishing_error(self) -> ValidationError | None:
        """Why this organisation cannot be published as it stands, if it cannot."""
        return unreachable_error(self.ways_to_reach)

    @property
    def ways_to_reach(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in WAYS_TO_REACH}

    @property
    def can_be_reached(self) -> bool:
        """It has a phone number, website or email to show under "How to contact them"."""
        return unreachable_error(self.ways_to_reach) is None

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        """Publish a revision only if it is ready (see unreachable_error). A scheduled
        revision that is not is left scheduled and logged, so the scheduled-publishing
        command goes on to publish everything else."""
        organisation = revision.as_object()
        error = organisation.publishing_error()
        if error is not None:
            if log_action == "wagtail.publish.scheduled":
                logger.warning("Scheduled publishing of %r refused: %s", organisation, error)
                return None
            raise PublishingRefused(error, instance=organisation)
        return super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )

    def clean(self):
        super().clean()
        self.clean_audiences()
        self.clean_review_dates()
        clash = SupportOrganisation.objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.slug and clash.exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("Another organisation already uses this address.")})

    def result_details(self) -> dict:
        """How to reach the organisation, as a directory or search result shows it (plain
        data: results are cached, per language)."""
        return {
            "phone_label": self.phone_label,
            "phone_display": self.phone_display,
            "phone_link": self.phone_link,
            "call_cost": str(self.get_call_cost_display()) if self.call_cost else "",
            "opening_hours": self.opening_hours,
            "interpreters": self.interpreters == Availability.YES,
        }

    @property
    def phone_display(self) -> str:
        return phone_number_for_display(self.phone) if self.phone else ""

    @property
    def phone_link(self) -> str:
        return phone_number_for_link(self.phone) if self.phone else ""

    @cached_property
    def directory_page(self):
        return SupportOrganisationIndexPage.objects.live().filter(locale_id=self.locale_id).first()

    def get_url(self, directory_page=None) -> str | None:
        directory_page = directory_page or self.directory_page
        if directory_page is None:
            return None
        return directory_page.url + directory_page.reverse_subpage("organisation", args=[self.slug])

    def get_preview_template(self, request, mode_name):
        return "resources/support_organisation.html"

    def get_preview_context(self, request, mode_name):
        return {
            "organisation": self,
            "page": self.directory_page,
            "self": self,
        }


class SupportOrganisationIndexPage(RoutablePageMixin, Page):
    """The directory. Organisations are snippets (shared, moderated, translatable); each is
    served here at <directory>/<slug>/ so it has a public page without being a page itself."""

    introduction = models.TextField(blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    results_per_page = 20

    class Meta:
        verbose_name = _("support organisation directory")

    def organisations(self):
        """Live organisations in this directory's language, else in English (see
        `in_language_else_english`), each annotated with the language it is written in."""
        return (
            SupportOrganisation.objects.live()
            .in_language_else_english(self.locale_id)
            .annotate(content_language=F("locale__language_code"))
        )

    @path("")
    def directory(self, request):
        from resources.selectors import support_organisation_listing

        listing = support_organisation_listing(
            directory_page=self, request=request, per_page=self.results_per_page
        )
        return self.render(request, context_overrides={"listing": listing})

    @path("<slug:slug>/", name="organisation")
    def organisation(self, request, slug):
        organisation = self.organisations().filter(slug=slug).first()
        if organisation is None:
            raise Http404
        return self.render(
            request,
            template="resources/support_organisation.html",
            context_overrides={
                "organisation": organisation,
                "content_language_code": organisation.content_language,
            },
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base_url = self.get_full_url(request)
        if base_url is None:
            return urls
        for organisation in self.organisations().only("slug", "last_published_at"):
            urls.append(
                {
                    "location": base_url
                    + self.reverse_subpage("organisation", args=[organisation.slug]),
                    "lastmod": organisation.last_published_at,
                }
            )
        return urls
