"""Refusing to publish something that is not ready, however the publishing was asked for.

A model's rule for going live is checked in its form (so the editor sees the problem beside
the field) and again when a revision is published, because Wagtail also publishes without a
form: a moderator's approval on the dashboard, a translation published from wagtail-localize's
editor. This is the exception for that second check, and the middleware that turns it into
the admin's own error message where no view expected it."""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder

logger = logging.getLogger(__name__)


class PublishingRefused(ValidationError):
    """``instance`` cannot be published as it stands; the messages say why."""

    def __init__(self, error: ValidationError, *, instance):
        super().__init__(error)
        self.instance = instance

    @property
    def reasons(self) -> str:
        return " ".join(self.messages)


class PublishingRefusedMiddleware:
    """A refusal to publish from a view with no form to show it on (Wagtail's workflow
    approval, from the dashboard or its modal) becomes an error message on the object's edit
    page instead of a server error. Nothing was published: the approval's transaction was
    rolled back, so the object is still waiting in moderation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishingRefused):
            return None
        logger.info("Publishing refused for %r: %s", exception.instance, exception.reasons)
        messages.error(
            request,
            _("'%(title)s' was not published. %(reasons)s")
            % {"title": str(exception.instance), "reasons": exception.reasons},
        )
        url = AdminURLFinder(request.user).get_edit_url(exception.instance)
        url = url or reverse("wagtailadmin_home")
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's modal workflow follows a "success" step's redirect.
            return JsonResponse({"step": "success", "redirect": url})
        return redirect(url)
