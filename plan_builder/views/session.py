"""When a signed-in session ends. Sessions end after SESSION_COOKIE_AGE without a request (a
tablet left on a kitchen table must not stay open), so the plan builder warns before that
and lets the practitioner carry on with one tap (`StaySignedInView`, called by
static/plan_builder/session_timeout.js); and when a form arrives after the session has ended
anyway, what was typed is kept on the server and given back after signing in again.

The kept form is found again through a token held in the browser's session (server-side
data; the browser holds only the session's id), never in the browser's own storage, so
nothing of the plan stays on a shared device."""

from __future__ import annotations

from datetime import timedelta
from math import ceil
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from plan_builder import conf, services
from plan_builder.models import Plan, Team
from plan_builder.selectors import is_practitioner

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    class SignedInRequest(HttpRequest):
        """A request whose user has signed in: what the plan views handle (for type checking
        only)."""

        user: User


SESSION_KEY = "plan_builder_form_drafts"
MAX_DRAFTS_PER_SESSION = 10
NOT_KEPT = {"csrfmiddlewaretoken"}  # stale by the time the draft comes back


def time_in_words(seconds: int) -> str:
    """A length of time as people say it: whole minutes, or seconds when under a minute."""
    if seconds >= 60:
        minutes = ceil(seconds / 60)
        return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    return ngettext("%(count)s second", "%(count)s seconds", seconds) % {"count": seconds}


def session_timeout_context(request: HttpRequest, *, keeps_form: bool) -> dict:
    """What the timeout warning on a signed-in page needs: when the session ends (it was
    renewed by this very request), when to warn, and whether this page's form is kept if
    it is sent after the end."""
    seconds = request.session.get_expiry_age()
    warning = min(conf.session_warning_seconds(), seconds)
    return {
        "seconds": seconds,
        "warning_seconds": warning,
        "warning_in_words": time_in_words(warning),
        "idle_in_words": time_in_words(seconds),
        "keeps_form": keeps_form,
        # Read by the script to send forms with the current CSRF token (see its comments).
        "csrf_cookie": (
            ""
            if settings.CSRF_COOKIE_HTTPONLY or settings.CSRF_USE_SESSIONS
            else settings.CSRF_COOKIE_NAME
        ),
    }


def session_has_ended(request: HttpRequest) -> bool:
    """Whether this signed-out request still carries the cookie of a session that ended by
    itself. Signing out deletes the cookie, so this is a session that timed out."""
    return bool(
        request.COOKIES.get(settings.SESSION_COOKIE_NAME) and request.session.session_key is None
    )


def signed_out_message(request: HttpRequest, *, timed_out: bool, kept: bool) -> None:
    """Say on the sign-in page why they were signed out, and that their typing is safe."""
    if timed_out:
        reason = _(
            "You were signed out because you had not used the plan builder for %(time)s. "
            "This keeps plans safe on a shared device."
        ) % {"time": time_in_words(settings.SESSION_COOKIE_AGE)}
    else:
        reason = _("You are signed out.")
    if kept:
        message = reason + " " + _("We have kept what you typed. Sign in to carry on.")
    else:
        message = reason + " " + _("Sign in to carry on.")
    messages.warning(request, message)


def keep_signed_out_post(request: HttpRequest, *, plan_id: int | None) -> bool:
    """Keep a plan form that arrived signed out, for whoever signs in next in this browser
    and may read the plan. `plan_id` is the plan the address names (not checked here: the
    draft is only given back to someone who may read that plan); None for a new plan, whose
    team is the one chosen in the form. Returns whether anything was kept."""
    data = {name: values for name, values in request.POST.lists() if name not in NOT_KEPT}
    typed = [value for name, values in data.items() if name != "revision" for value in values]
    if not any(value.strip() for value in typed):
        return False
    plan = team = None
    if plan_id is not None:
        plan = Plan.objects.filter(pk=plan_id).first()
    else:
        team_id = request.POST.get("team", "")
        chosen = team_id.isascii() and team_id.isdigit()  # "²" is a digit, not a number
        team = Team.objects.filter(pk=team_id).first() if chosen else None
    token = services.form_draft_keep(
        path=request.get_full_path(),
        data=data,
        plan=plan,
        team=team,
        lifetime=timedelta(minutes=conf.form_draft_minutes()),
    )
    if token is None:
        return False
    tokens = [*request.session.get(SESSION_KEY, []), token]
    request.session[SESSION_KEY] = tokens[-MAX_DRAFTS_PER_SESSION:]
    return True


def take_draft(request: SignedInRequest) -> QueryDict | None:
    """The form data kept for this page in this browser, if the signed-in user may have it:
    given back once, then gone."""
    tokens = request.session.get(SESSION_KEY)
    if not tokens:
        return None
    path = request.get_full_path()
    for token in tokens:
        data = services.form_draft_take(token=token, path=path, actor=request.user)
        if data is not None:
            request.session[SESSION_KEY] = [other for other in tokens if other != token]
            kept = QueryDict(mutable=True)
            for name, values in data.items():
                kept.setlist(name, values)
            return kept
    return None


def settle_drafts_after_sign_in(request: HttpRequest) -> None:
    """Right after signing in: drafts the new user may not read are deleted at once, without
    a word (someone from another team picked up the tablet), and so is every draft anywhere
    whose time is up."""
    services.form_draft_purge_expired()
    tokens = request.session.get(SESSION_KEY)
    if tokens:
        request.session[SESSION_KEY] = services.form_draft_discard_unreadable(
            tokens=tokens,
            actor=cast("User", request.user),  # signed in just now
        )


class StaySignedInView(View):
    """ "Stay signed in" on the timeout warning: renews the session and says for how long.

    Not audited: it reads and changes no plan (sign-ins themselves are recorded by
    django-axes), and the audit log is about who did what to a person's plan."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return JsonResponse({"signed_in": False}, status=401)
        if not is_practitioner(request.user):
            raise PermissionDenied("Only members of a plan team can use the plan builder.")
        # Saved with a new expiry even where SESSION_SAVE_EVERY_REQUEST is off.
        request.session.modified = True
        return JsonResponse(
            {"signed_in": True, "session_seconds": request.session.get_expiry_age()}
        )
