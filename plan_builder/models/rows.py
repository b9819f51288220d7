"""The lists in a plan, added to one row at a time: contacts, strengths and needs, goals with
their ratings and actions, and what was given to the person."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from plan_builder.models.plans import Plan
from plan_builder.models.text import SHORT_TEXT
from plan_builder.registry import AttachmentKind
from plan_builder.validators import validate_phone_number


def one_to_ten(verbose_name: StrOrPromise, **kwargs: Any) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        **kwargs,
    )


class PlanItem(models.Model):
    """A row that belongs to one version of a plan and is copied into the next."""

    sort_order = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True
        ordering = ["sort_order", "pk"]


class ContactKind(models.TextChoices):
    PERSONAL = "personal", _("Family, friend or carer")
    PROFESSIONAL = "professional", _("Professional")


class Contact(PlanItem):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("type of contact"), max_length=20, choices=ContactKind.choices)
    name = models.CharField(_("name"), max_length=200)
    relationship_or_role = models.CharField(
        _("relationship or role"),
        max_length=200,
        blank=True,
        help_text=_("For example daughter, neighbour, GP, dementia adviser."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(
        _("phone number"), max_length=30, blank=True, validators=[validate_phone_number]
    )
    email = models.EmailField(_("email address"), blank=True)
    is_carer = models.BooleanField(_("carer"), default=False)
    is_next_of_kin = models.BooleanField(_("next of kin"), default=False)
    is_emergency_contact = models.BooleanField(_("emergency contact"), default=False)
    is_key_worker = models.BooleanField(_("key worker"), default=False)

    class Meta(PlanItem.Meta):
        verbose_name = _("contact")

    def __str__(self) -> str:
        return self.name

    @property
    def roles(self) -> list[str]:
        flags = [
            (self.is_carer, _("Carer")),
            (self.is_next_of_kin, _("Next of kin")),
            (self.is_emergency_contact, _("Emergency contact")),
            (self.is_key_worker, _("Key worker")),
        ]
        return [str(label) for flag, label in flags if flag]


class StatementKind(models.TextChoices):
    STRENGTH = "strength", _("Strength")
    NEED = "need", _("Need or concern")


class Statement(PlanItem):
    """A strength, or something that is not working, in the person's words."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(max_length=20, choices=StatementKind.choices)
    text = models.TextField(_("in the person's words"), max_length=SHORT_TEXT)

    class Meta(PlanItem.Meta):
        verbose_name = _("strength or need")

    def __str__(self) -> str:
        return self.text


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Working on it")
    ACHIEVED = "achieved", _("Achieved")
    ON_HOLD = "on-hold", _("On hold")
    STOPPED = "stopped", _("Stopped")


class Goal(PlanItem):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    description = models.TextField(
        _("the goal, in the person's words"),
        max_length=SHORT_TEXT,
        help_text=_("For example: I want to walk to the shops on my own again."),
    )
    area = models.CharField(
        _("area of life"),
        max_length=100,
        blank=True,
        help_text=_("For example: getting out, hobbies, keeping in touch, managing money."),
    )
    importance = one_to_ten(_("how important it is (1 to 10)"))
    status = models.CharField(
        _("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.ACTIVE
    )
    target_date = models.DateField(_("hoped for by"), null=True, blank=True)

    class Meta(PlanItem.Meta):
        verbose_name = _("goal")

    def __str__(self) -> str:
        return self.description


class GoalRating(models.Model):
    """How the person rates a goal on a day; the series shows progress over reviews."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="ratings")
    rated_on = models.DateField(_("date of rating"))
    attainment = one_to_ten(_("how well it is going (1 to 10)"))
    satisfaction = one_to_ten(_("how happy they are with it (1 to 10)"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=SHORT_TEXT, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["rated_on", "pk"]
        verbose_name = _("goal rating")

    def __str__(self) -> str:
        return _("Rating of %(date)s: %(attainment)s out of 10") % {
            "date": date_format(self.rated_on, "j E Y"),
            "attainment": self.attainment,
        }


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in-progress", _("In progress")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


class Action(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("what will happen"), max_length=SHORT_TEXT)
    who = models.CharField(_("who will do it"), max_length=200)
    due_date = models.DateField(_("by when"), null=True, blank=True)
    timing = models.CharField(
        _("or how often"), max_length=100, blank=True, help_text=_("For example: every Tuesday.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    confidence = one_to_ten(_("how confident the person feels (1 to 10)"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("action")

    def __str__(self) -> str:
        return self.description


class SupportType(models.TextChoices):
    SIGNPOSTED = "signposted", _("Signposted (information given)")
    REFERRED = "referred", _("Referred")


class ReferralStatus(models.TextChoices):
    NOT_SENT = "not-sent", _("Not sent yet")
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Completed")


class Attachment(PlanItem):
    """Content given to the person. It points at the content generically and keeps a copy of
    what was given, so the plan still reads well after the content changes or goes."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="attachments")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=255)
    kind = models.CharField(max_length=20, choices=AttachmentKind.choices)
    title = models.CharField(max_length=255)
    summary = models.TextField(max_length=SHORT_TEXT, blank=True)
    url = models.URLField(max_length=500, blank=True)
    external_url = models.URLField(max_length=500, blank=True)
    phone = models.CharField(max_length=50, blank=True)
    # Shown when the item is no longer published, marked as being in this language.
    language = models.CharField(_("language of the title and summary"), max_length=35, blank=True)
    reason = models.TextField(
        _("why it was given"),
        max_length=SHORT_TEXT,
        blank=True,
        help_text=_("In plain words, for the person's copy of the plan."),
    )
    goal = models.ForeignKey(
        Goal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
        verbose_name=_("for which goal"),
    )
    support_type = models.CharField(
        _("signposted or referred"), max_length=20, choices=SupportType.choices, blank=True
    )
    referral_status = models.CharField(
        _("referral status"), max_length=20, choices=ReferralStatus.choices, blank=True
    )
    attached_at = models.DateTimeField(auto_now_add=True)
    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta(PlanItem.Meta):
        verbose_name = _("attachment")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "content_type", "object_id"], name="unique_attachment_per_plan"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_service(self) -> bool:
        return self.kind == AttachmentKind.SERVICE
