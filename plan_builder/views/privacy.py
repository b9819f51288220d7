from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers


def private_response(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """No browser, proxy or search engine keeps a plan page, nor the 404 or 403 that
    answers a plan someone may not see.

    The site-wide `Referrer-Policy: same-origin` already keeps share-link tokens from leaking
    to other sites; `no-referrer` here would make browsers send `Origin: null` on form posts,
    which CSRF protection rightly refuses."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            response = view(request, *args, **kwargs)
        except (Http404, PermissionDenied) as refusal:
            response = response_for_exception(request, refusal)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped
