from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class CallCost(models.TextChoices):
    """What a call to an organisation's number costs, in the words people see beside it."""

    NOT_KNOWN = "", _("Not known")
    FREE = "free", _("Free to call, from landlines and mobiles")
    LOCAL_RATE = "local-rate", _("Costs the same as calling a local number")
    NATIONAL_RATE = "national-rate", _("Charged at the national rate")
    MOBILE_CHARGES = "mobile-charges", _("Free from a landline, but calls from mobiles may cost")
    TEXT_ONLY = "text-only", _("For text messages only")


class Availability(models.TextChoices):
    """Whether an organisation offers something, for facts that can also be "not known"
    (stored as an empty value, and then not shown)."""

    NOT_KNOWN = "", _("Not known")
    YES = "yes", pgettext_lazy("an organisation offers it", "Yes")
    NO = "no", pgettext_lazy("an organisation offers it", "No")
