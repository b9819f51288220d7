"""The site's own answers outside the page tree: robots.txt, error pages and the sign-in
pause."""

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView

robots_txt = cache_control(max_age=3600, public=True)(
    TemplateView.as_view(template_name="robots.txt", content_type="text/plain")
)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """A form sent from a page that is too old (or from another site): say what to do."""
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    # Rendered without context processors: whatever broke may be the database.
    return HttpResponseServerError(loader.get_template("500.html").render())


def sign_in_paused(request, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer when sign-in is paused (AXES_LOCKOUT_CALLABLE), on both sign-in
    pages: 429 with Retry-After, and a page that says when to try again. Every attempt during
    the pause starts it again (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), this one
    included, so it ends one cool-off after this attempt and Retry-After is the whole cool-off,
    however long this answer took to make. Without a cool-off the pause lasts until someone
    unlocks the account, and the page says only that."""
    cool_off = get_cool_off(request)
    if cool_off is None:
        return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
    attempt_time = getattr(request, "axes_attempt_time", None) or timezone.now()
    ends_at = attempt_time + cool_off
    seconds = math.ceil(cool_off.total_seconds())
    response = render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"try_again_at": ends_at, "minutes": max(1, math.ceil(seconds / 60))},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
