from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from plan_builder.validators import full_text_words
from website.search import MAX_QUERY_LENGTH, site_search


@require_GET
def search(request):
    query = " ".join(request.GET.get("q", "").split())
    too_long = len(query) > MAX_QUERY_LENGTH
    words = full_text_words(query)
    results = site_search(query=words, request=request) if words and not too_long else None
    return render(
        request,
        "website/search.html",
        {
            "query": query,
            "results": results,
            "query_too_long": too_long,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )


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
