"""What every plan view shares: only team members get in, and only to their teams' plans."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from plan_builder.models import Plan
from plan_builder.selectors import is_practitioner, is_team_lead, plan_for_user
from plan_builder.views.session import (
    keep_signed_out_post,
    session_has_ended,
    session_timeout_context,
    signed_out_message,
)

if TYPE_CHECKING:
    from django.views.generic import TemplateView

    from plan_builder.views.session import SignedInRequest

    _ViewBase = TemplateView
else:
    _ViewBase = object


class PractitionerRequiredMixin(LoginRequiredMixin, _ViewBase):
    """Signed out: to the sign-in page. Signed in but in no plan team (an editor, say): 403."""

    # Whether a post that arrives after the session ended is kept, to be given back after
    # signing in again (views.session). Off for forms that only confirm something.
    keeps_draft = False
    request: SignedInRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.signed_out(request, **kwargs)
        if not is_practitioner(request.user):
            raise PermissionDenied("Only members of a plan team can use the plan builder.")
        self.load_objects(request, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def signed_out(self, request: HttpRequest, **kwargs: Any) -> HttpResponseBase:
        """To the sign-in page, keeping what a form brought and saying why, when the session
        ended by itself or a form was sent."""
        posted_form = request.method == "POST" and self.keeps_draft
        timed_out = session_has_ended(request)  # before keeping the form starts a new session
        if posted_form or timed_out:
            kept = posted_form and keep_signed_out_post(request, plan_id=kwargs.get("plan_id"))
            signed_out_message(request, timed_out=timed_out, kept=kept)
        return self.handle_no_permission()

    def load_objects(self, request: HttpRequest, **kwargs: Any) -> None:
        """Fetch what the URL names, after the user is known to be a practitioner."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["session_timeout"] = session_timeout_context(
            self.request, keeps_form=self.keeps_draft
        )
        return context


class PlanMixin(PractitionerRequiredMixin):
    """Loads `self.plan` from the URL's plan_id; any plan outside the user's teams is a 404,
    exactly as if it did not exist. Views that change a plan take the current version only."""

    current_only = True
    team_lead_only = False
    plan: Plan

    def load_objects(self, request: HttpRequest, **kwargs: Any) -> None:
        self.plan = plan_for_user(
            user=self.request.user, plan_id=kwargs["plan_id"], current_only=self.current_only
        )
        if self.team_lead_only and not is_team_lead(self.request.user, self.plan.person.team_id):
            raise PermissionDenied("Only team leads can do this.")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["plan"] = self.plan
        context["person"] = self.plan.person
        return context
