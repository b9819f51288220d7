"""Personalised care and support plans.

Plans hold special-category health data, so they are plain Django models: never Wagtail pages,
never indexed for search, reachable only through the signed-in views of this app. Each review
makes a new `Plan` row that `replaces` the previous one; every earlier version stays readable.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from plan_builder.languages import language_name
from plan_builder.registry import AttachmentKind
from plan_builder.validators import (
    format_nhs_number,
    normalise_nhs_number,
    validate_nhs_number,
    validate_phone_number,
)

LONG_TEXT = 2000
SHORT_TEXT = 500
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


def one_to_ten(verbose_name: str, **kwargs) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        **kwargs,
    )


class Team(ClusterableModel):
    name = models.CharField(max_length=200, unique=True)
    # The team's name is how staff tell teams apart ("Salford MAS, north"); the person and
    # their family know the service by another name, and want a number to ring.
    public_name = models.CharField(
        _("name people and families know the service by"),
        max_length=200,
        blank=True,
        help_text=_(
            "For example: Salford Memory Service. Shown on the plans people are given and on "
            "shared links. Leave it empty to use the team's name."
        ),
    )
    phone = models.CharField(
        _("phone number for people and families"),
        max_length=30,
        blank=True,
        validators=[validate_phone_number],
        help_text=_("Shown on the person's copy of their plan, for questions about it."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("public_name"),
        FieldPanel("phone"),
        InlinePanel("memberships", label=_("Members")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("plan team")
        verbose_name_plural = _("plan teams")

    def __str__(self):
        return self.name

    @admin.display(description=_("members"))
    def member_count(self) -> int:
        return self.memberships.count()

    @property
    def display_name(self) -> str:
        """The name the person and their family know the service by."""
        return self.public_name or self.name


class TeamMembership(models.Model):
    team = ParentalKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_team_memberships"
    )
    is_lead = models.BooleanField(
        _("team lead"),
        default=False,
        help_text=_("Team leads can read the audit log and delete a person's records."),
    )

    panels = [FieldPanel("user"), FieldPanel("is_lead")]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="unique_team_membership")
        ]

    def __str__(self):
        return f"{self.user} in {self.team}"


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Phone")
    TEXT = "text", _("Text message")
    EMAIL = "email", _("Email")
    LETTER = "letter", _("Letter")
    IN_PERSON = "in-person", _("In person")
    THROUGH_CARER = "through-carer", _("Through a family member or carer")


class Person(models.Model):
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="people")
    full_name = models.CharField(_("full name"), max_length=200)
    preferred_name = models.CharField(
        _("preferred name"), max_length=100, blank=True, help_text=_("What they like to be called.")
    )
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    nhs_number = models.CharField(
        _("NHS number"),
        max_length=12,
        blank=True,
        validators=[validate_nhs_number],
        help_text=_("Optional. 10 digits, for example 943 476 5919."),
    )
    address = models.TextField(_("address"), max_length=SHORT_TEXT, blank=True)
    phone = models.CharField(
        _("phone number"), max_length=30, blank=True, validators=[validate_phone_number]
    )
    email = models.EmailField(_("email address"), blank=True)
    preferred_contact_method = models.CharField(
        _("preferred way to be contacted"), max_length=20, choices=ContactMethod.choices, blank=True
    )
    # A BCP 47 code from plan_builder.languages (not model choices: a site may change the
    # list, and a code stored earlier must survive that), or ANOTHER_LANGUAGE.
    preferred_language = models.CharField(_("preferred language"), max_length=35, default="en")
    preferred_language_other = models.CharField(
        _("another language"),
        max_length=100,
        blank=True,
        help_text=_("The language they prefer, when it is not in the list."),
    )
    gp_practice = models.CharField(_("GP practice"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        if self.nhs_number:
            self.nhs_number = normalise_nhs_number(self.nhs_number)
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name

    def get_preferred_language_display(self) -> str:
        """The language's name in the reader's language, "Urdu (اردو)", or the words typed for
        another language: what Django would give for a field with choices."""
        return language_name(self.preferred_language, self.preferred_language_other)

    @property
    def nhs_number_display(self) -> str:
        return format_nhs_number(self.nhs_number) if self.nhs_number else ""


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


class PlanQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)

    def for_teams(self, teams):
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

    def __str__(self):
        return f"Plan for {self.person} (version {self.version})"

    @property
    def team(self) -> Team:
        return self.person.team

    @property
    def is_agreed(self) -> bool:
        return bool(self.agreed_on and self.agreed_by)

    def clean(self):
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

    def __str__(self):
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

    def __str__(self):
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

    def __str__(self):
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

    def __str__(self):
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

    def __str__(self):
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

    def __str__(self):
        return self.title

    @property
    def is_service(self) -> bool:
        return self.kind == AttachmentKind.SERVICE


class ShareLink(models.Model):
    """A read-only link for the person and their family. Only a digest of the token is
    stored, so a copy of the database cannot be used to open plans."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="share_links")
    token_digest = models.CharField(max_length=64, unique=True)
    label = models.CharField(
        _("who it is for"),
        max_length=100,
        help_text=_("For example: Mary and her daughter Ann."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    use_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.label


class FormDraft(models.Model):
    """What was typed into a plan form that arrived after the practitioner's session had
    ended, kept on the server (never in the browser) for a short time so it can be given
    back once they sign in again. Only a digest of its token is stored, as for shared links;
    the token itself lives in that browser's session. Single use, and deleted with the plan
    (and so with the person) it belongs to."""

    token_digest = models.CharField(max_length=64, unique=True)
    path = models.CharField(max_length=500)
    # The plan the form changes, or for a new plan the team it was being started in: who
    # may have the draft back is decided from these.
    plan = models.ForeignKey(Plan, null=True, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(Team, null=True, on_delete=models.CASCADE, related_name="+")
    # The raw form post as JSON text ({name: [values]}), whatever shape its fields have. Text
    # rather than a JSON column: PostgreSQL's jsonb cannot hold a NUL character.
    data = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"Form draft {self.pk} for {self.path}"


class AuditAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    CREATE = "create", _("Created")
    CHANGE = "change", _("Changed")
    REVIEW = "review", _("Started a review")
    EXPORT = "export", _("Exported")
    SHARE = "share", _("Shared")
    SHARE_REVOKE = "share-revoke", _("Stopped sharing")
    SHARED_VIEW = "shared-view", _("Opened through a shared link")
    DELETE = "delete", _("Deleted")
    DRAFT_KEPT = "draft-kept", _("Kept a form sent after sign-in ended")
    DRAFT_RESTORED = "draft-restored", _("Gave back a kept form")
    DRAFT_DISCARDED = "draft-discarded", _("Discarded a kept form")


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # Deleting a person or user nulls their links; nothing else may rewrite history.
        if set(kwargs) - {"actor", "plan", "person"}:
            raise PermissionError("Audit events cannot be changed.")
        return super().update(**kwargs)


class AuditEvent(models.Model):
    """Who did what to which plan, and when. Holds ids and labels only, never plan content,
    so it can outlive a deleted person."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    person = models.ForeignKey(
        Person, null=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    person_ref = models.PositiveIntegerField(null=True, db_index=True)
    plan = models.ForeignKey(Plan, null=True, on_delete=models.SET_NULL, related_name="+")
    plan_ref = models.PositiveIntegerField(null=True)
    plan_version = models.PositiveIntegerField(null=True)
    team_ref = models.PositiveIntegerField(null=True)
    detail = models.CharField(max_length=255, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.actor_name} {self.get_action_display()} plan {self.plan_ref} at {self.at}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events cannot be deleted.")
