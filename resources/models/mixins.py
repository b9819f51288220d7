"""What resources and organisations have in common."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from resources.choices import Audience


class AudienceFieldsMixin(models.Model):
    for_people_with_dementia = models.BooleanField(_("people living with dementia"), default=False)
    for_families_and_carers = models.BooleanField(_("families and carers"), default=False)
    for_practitioners = models.BooleanField(_("practitioners"), default=False)

    audience_panel = MultiFieldPanel(
        [
            FieldPanel("for_people_with_dementia"),
            FieldPanel("for_families_and_carers"),
            FieldPanel("for_practitioners"),
        ],
        heading=_("Who it is for"),
    )

    class Meta:
        abstract = True

    @property
    def audiences(self) -> list[Audience]:
        return [audience for audience in Audience if getattr(self, audience.field_name)]

    def clean_audiences(self) -> None:
        if not self.audiences:
            raise ValidationError(
                {"for_people_with_dementia": _("Choose at least one group of people it is for.")}
            )


class TopicsIndexedMixin:
    """Index the object again once its topics are saved, so a search for a topic's name
    finds it. Wagtail indexes from the post_save signal, which fires before modelcluster
    writes the topics (child relations are committed after the row itself), so the index
    built then has no topic names in it."""

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "topics" in update_fields:
            index.insert_or_update_object(self)
        return result


class LinkOrDocumentMixin:
    """Material given as a web link, an uploaded document, or both (`external_url`,
    `document`)."""

    @property
    def link_url(self) -> str:
        """Where a link to the material goes: the web address where there is one, else the
        document."""
        if self.external_url:
            return self.external_url
        return self.document.url if self.document_id else ""
