from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    WORKBOOK = "workbook", _("Workbook")
    GUIDE = "guide", _("Guide")
    FRAMEWORK = "framework", _("Framework")
    PLANNING_TOOL = "planning-tool", _("Planning tool")
    VIDEO = "video", _("Video")
    E_LEARNING = "e-learning", _("E-learning course")
    WEBSITE = "website", _("Website")
    LEAFLET = "leaflet", _("Leaflet")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    FREE_WITH_REGISTRATION = "free-registration", _("Free, you need to register")
    PAID = "paid", _("There is a charge")


class AreaType(models.TextChoices):
    NATIONAL = "national", _("National")
    REGION = "region", _("Region")
    LOCAL_AUTHORITY = "local-authority", _("Local authority area")


class Audience(models.TextChoices):
    """Who a resource or organisation is for. Each value maps to a boolean field of the same
    name with underscores (see AudienceFieldsMixin), which wagtail-localize syncs to
    translations; a many-to-many would be skipped."""

    PEOPLE_WITH_DEMENTIA = "people-with-dementia", _("People living with dementia")
    FAMILIES_AND_CARERS = "families-and-carers", _("Families and carers")
    PRACTITIONERS = "practitioners", _("Practitioners")

    @property
    def field_name(self) -> str:
        return "for_" + self.value.replace("-", "_")
