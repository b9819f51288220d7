"""Read-only links for the person and their family."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from plan_builder import forms, services
from plan_builder.models import ShareLink
from plan_builder.selectors import share_link_default_expiry
from plan_builder.views.base import PlanMixin

NEW_LINK_TAG = "new-share-link"


class ShareLinksView(PlanMixin, TemplateView):
    """Make a link (shown once, never stored) and see or stop the ones already made."""

    template_name = "plan_builder/share.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault(
            "form",
            forms.ShareLinkForm(initial={"expires_on": share_link_default_expiry(self.plan)}),
        )
        context["share_links"] = ShareLink.objects.filter(person=self.plan.person)
        context["now"] = timezone.now()
        context["new_link"] = next(
            (
                str(message)
                for message in messages.get_messages(self.request)
                if NEW_LINK_TAG in message.tags
            ),
            None,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = forms.ShareLinkForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        expires_at = timezone.make_aware(
            datetime.combine(form.cleaned_data["expires_on"], time.max)
        )
        _share_link, token = services.share_link_create(
            plan=self.plan,
            actor=self.request.user,
            label=form.cleaned_data["label"],
            expires_at=expires_at,
        )
        new_link = request.build_absolute_uri(
            reverse("plan_builder:shared_plan", kwargs={"token": token})
        )
        # Post/redirect/get, so reloading the page cannot make a second link. The link rides
        # in a one-time message (Django keeps these in a signed cookie first), never in the
        # database.
        messages.add_message(request, messages.INFO, new_link, extra_tags=NEW_LINK_TAG)
        return redirect("plan_builder:share", plan_id=self.plan.pk)


class StopSharingView(PlanMixin, View):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        share_link = get_object_or_404(
            ShareLink, pk=kwargs["share_link_id"], person=self.plan.person
        )
        services.share_link_revoke(plan=self.plan, actor=self.request.user, share_link=share_link)
        messages.success(request, _("That link has stopped working."))
        return redirect("plan_builder:share", plan_id=self.plan.pk)
