"""The person a plan is for."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from plan_builder.languages import language_name
from plan_builder.models.teams import Team
from plan_builder.models.text import SHORT_TEXT
from plan_builder.validators import (
    format_nhs_number,
    normalise_nhs_number,
    validate_nhs_number,
    validate_phone_number,
)


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

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
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
