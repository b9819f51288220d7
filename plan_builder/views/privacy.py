from functools import wraps

from django.utils.cache import add_never_cache_headers


def private_response(view):
    """No cache, proxy or search engine keeps a plan page; no link leaks its URL."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped
