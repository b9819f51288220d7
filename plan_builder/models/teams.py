"""The teams practitioners work in: a plan belongs to a person in one team, and only its members
read it."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from plan_builder.validators import validate_phone_number


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

    def __str__(self) -> str:
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

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"
