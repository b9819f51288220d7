"""Sharing, deleting a person, and signing in."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from plan_builder.conf import share_link_max_days
from plan_builder.fields import DateField
from plan_builder.forms.base import (
    NHSFormMixin,
    Wording,
)
from plan_builder.models import (
    Person,
)


class ShareLinkForm(NHSFormMixin, forms.Form):
    label = forms.CharField(
        label=_("Who is this link for?"),
        max_length=100,
        help_text=_("For example: Peggy and her daughter Ann. Only you and your team see this."),
    )
    expires_on = DateField(
        label=_("The link stops working after"),
        example=lambda: timezone.localdate() + timedelta(days=28),
    )

    wording = {
        "label": Wording(
            name=_("“Who is this link for?”"), required=_("Enter who the link is for")
        ),
        "expires_on": Wording(
            name=_("The date the link stops working"),
            required=_("Enter the date the link stops working"),
        ),
    }

    def clean_expires_on(self) -> date:
        value = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        latest = today + timedelta(days=share_link_max_days())
        if value <= today:
            raise forms.ValidationError(_("Choose a date after today."))
        if value > latest:
            raise forms.ValidationError(
                _("A link can work for at most %(days)s days: enter a date on or before %(date)s")
                % {"days": share_link_max_days(), "date": date_format(latest, "j E Y")}
            )
        return value


class PersonDeleteForm(NHSFormMixin, forms.Form):
    confirm_name = forms.CharField(
        label=_("Type the person's full name to confirm"), max_length=200
    )

    wording = {
        "confirm_name": Wording(
            name=_("The name you typed"), required=_("Type the person's full name to confirm")
        )
    }

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_confirm_name(self) -> str:
        value = self.cleaned_data["confirm_name"]
        if value.strip().casefold() != self.person.full_name.strip().casefold():
            raise forms.ValidationError(_("The name does not match. Nothing has been deleted."))
        return value


class SignInForm(NHSFormMixin, AuthenticationForm):
    """Django's sign-in form with its username length enforced. AuthenticationForm sets the
    length only on the widget, so an over-long name reached authentication and django-axes'
    record of the failure, which PostgreSQL refused (a server error)."""

    wording = {
        "username": Wording(required=_("Enter your username")),
        "password": Wording(required=_("Enter your password")),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        username = cast(forms.CharField, self.fields["username"])
        username.validators.append(MaxLengthValidator(username.max_length))
