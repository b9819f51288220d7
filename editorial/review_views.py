"""Mark as reviewed: a confirmation page (so a link from anywhere works without JavaScript)
and the POST that records who reviewed what, and when."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from core.review import mark_as_reviewed, review_interval
from editorial.review_items import KINDS, ReviewKind


def can_review(user, instance) -> bool:
    """Reviewing changes what the public reads ("last reviewed"), so it needs the right to edit."""
    if hasattr(instance, "permissions_for_user"):
        return instance.permissions_for_user(user).can_edit()
    meta = instance._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


def kind_of(instance) -> ReviewKind:
    return next(kind for kind in KINDS.values() if isinstance(instance, kind.model))


def _instance(kind_key: str, pk: int) -> tuple[ReviewKind, object]:
    kind = KINDS.get(kind_key)
    if kind is None or not 0 < pk < 2**63:  # SQLite cannot even look up a larger number
        raise Http404
    instance = kind.model._default_manager.filter(pk=pk).first()
    if instance is None:
        raise Http404
    return kind, instance


def _next_url(request: HttpRequest, fallback: str) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return fallback


def mark_reviewed_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    review_kind, instance = _instance(kind, pk)
    if not can_review(request.user, instance):
        raise PermissionDenied
    next_url = _next_url(request, review_kind.edit_url(pk))
    if request.method == "POST":
        mark_as_reviewed(instance, user=request.user)
        messages.success(
            request,
            _("“%(title)s” marked as reviewed today; next review due %(due)s.")
            % {"title": instance, "due": date_format(instance.next_review_due, "j F Y")},
        )
        return redirect(next_url)
    return TemplateResponse(
        request,
        "editorial/admin/mark_reviewed_confirm.html",
        {
            "instance": instance,
            "kind": review_kind,
            "next_url": next_url,
            "next_due": timezone.localdate() + review_interval(),
        },
    )
