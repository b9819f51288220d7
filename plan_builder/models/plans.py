"""One version of a person's plan, with the sections kept in its own fields (about me, the
contingency plan, agreement and consent, the review). Each review makes a new `Plan` row that
`replaces` the previous one; every earlier version stays readable."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from plan_builder.models.people import Person
from plan_builder.models.teams import Team
from plan_builder.models.text import LONG_TEXT

# The "About me" prompts (PRSB About Me standard) and the contingency plan, in reading order.
ABOUT_ME_FIELDS = (
    "what_matters_most",
    "important_people",
    "communication",
    "wellness",
    "please_do",
    "please_do_not",
    "how_and_when_to_support",
    "also_worth_knowing",
)
CONTINGENCY_FIELDS = ("warning_signs", "contingency_actions", "contingency_contacts")


class ReviewType(models.TextChoices):
    FIRST = "first", _("First plan")
    PLANNED = "planned", _("Planned review")
    REQUESTED = "requested", _("Review the person asked for")
    UNPLANNED = "unplanned", _("Unplanned review")


class AgreedBy(models.TextChoices):
    PERSON = "person", _("The person")
    ATTORNEY = "attorney", _("Their attorney (health and welfare lasting power of attorney)")
    DEPUTY = "deputy", _("Their court-appointed deputy")
    BEST_INTERESTS = "best-interests", _("Someone acting in their best interests")


class ConsentToShare(models.TextChoices):
    NOT_ASKED = "not-asked", _("Not asked yet")
    YES = "yes", _("Yes")
    NO = "no", _("No")


class PlanQuerySet(models.QuerySet["Plan"]):
    def current(self) -> PlanQuerySet:
        return self.filter(is_current=True)

    def for_teams(self, teams: models.QuerySet[Team] | Iterable[Team]) -> PlanQuerySet:
        return self.filter(person__team__in=teams)


class Plan(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="plans")
    version = models.PositiveIntegerField(default=1)
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    is_current = models.BooleanField(default=True, db_index=True)
    review_type = models.CharField(
        max_length=20, choices=ReviewType.choices, default=ReviewType.FIRST
    )
    lead_practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lead practitioner"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    superseded_at = models.DateTimeField(null=True, blank=True)
    edit_revision = models.PositiveIntegerField(
        default=0, help_text="Raised by every change, so a stale form cannot overwrite a newer one."
    )

    # About me
    what_matters_most = models.TextField(
        _("what matters most to me"), max_length=LONG_TEXT, blank=True
    )
    important_people = models.TextField(
        _("people who are important to me"), max_length=LONG_TEXT, blank=True
    )
    communication = models.TextField(
        _("how I communicate and how to communicate with me"), max_length=LONG_TEXT, blank=True
    )
    wellness = models.TextField(_("my wellness"), max_length=LONG_TEXT, blank=True)
    please_do = models.TextField(_("please do"), max_length=LONG_TEXT, blank=True)
    please_do_not = models.TextField(_("please don't"), max_length=LONG_TEXT, blank=True)
    how_and_when_to_support = models.TextField(
        _("how and when to support me"), max_length=LONG_TEXT, blank=True
    )
    also_worth_knowing = models.TextField(
        _("also worth knowing about me"), max_length=LONG_TEXT, blank=True
    )
    about_me_written_with = models.CharField(_("who helped write this"), max_length=200, blank=True)
    about_me_written_on = models.DateField(_("date it was written"), null=True, blank=True)

    # Contingency plan
    warning_signs = models.TextField(
        _("early warning signs"),
        max_length=LONG_TEXT,
        blank=True,
        help_text=_("What tells you or others that things are getting harder."),
    )
    contingency_actions = models.TextField(
        _("what should happen"), max_length=LONG_TEXT, blank=True
    )
    contingency_contacts = models.TextField(_("who to contact"), max_length=LONG_TEXT, blank=True)

    # Agreement and consent
    agreed_by_name = models.CharField(_("agreed by (name)"), max_length=200, blank=True)
    agreed_by = models.CharField(
        _("who agreed the plan"), max_length=20, choices=AgreedBy.choices, blank=True
    )
    agreed_on = models.DateField(_("date agreed"), null=True, blank=True)
    consent_to_share = models.CharField(
        _("consent to share the plan"),
        max_length=20,
        choices=ConsentToShare.choices,
        default=ConsentToShare.NOT_ASKED,
    )
    consent_scope = models.TextField(
        _("who the plan may be shared with"), max_length=LONG_TEXT, blank=True
    )
    best_interests_note = models.TextField(
        _("best-interests decision"),
        max_length=LONG_TEXT,
        blank=True,
        help_text=_("Needed when the person could not agree the plan themselves."),
    )

    # Review
    review_due = models.DateField(_("review date"))
    review_responsible = models.CharField(_("who will review the plan"), max_length=200, blank=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("plan")
        indexes = [
            models.Index(fields=["is_current", "review_due"], name="plan_current_review_due"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="unique_plan_version"),
        ]

    def __str__(self) -> str:
        return f"Plan for {self.person} (version {self.version})"

    @property
    def team(self) -> Team:
        return self.person.team

    @property
    def is_agreed(self) -> bool:
        return bool(self.agreed_on and self.agreed_by)

    def clean(self) -> None:
        if self.agreed_by == AgreedBy.BEST_INTERESTS and not self.best_interests_note:
            raise ValidationError(
                {
                    "best_interests_note": _(
                        "Say why the plan was agreed in the person's best interests."
                    )
                }
            )
        if self.consent_to_share == ConsentToShare.YES and not self.consent_scope:
            raise ValidationError(
                {"consent_scope": _("Say who the person agreed the plan can be shared with.")}
            )
