from functools import wraps

from django.utils.cache import add_never_cache_headers


def private_response(view):
    """No browser, proxy or search engine keeps a plan page.

    The site-wide `Referrer-Policy: same-origin` already keeps share-link tokens from leaking
    to other sites; `no-referrer` here would make browsers send `Origin: null` on form posts,
    which CSRF protection rightly refuses."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped
