from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from plan_builder.validators import full_text_words
from search.selectors import MAX_QUERY_LENGTH, SearchResults, site_search


@require_GET
def search(request):
    query = " ".join(request.GET.get("q", "").split())
    too_long = len(query) > MAX_QUERY_LENGTH
    words = full_text_words(query)
    results = site_search(query=words, request=request) if words and not too_long else None
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "query_too_long": too_long,
            "max_query_length": MAX_QUERY_LENGTH,
            "description": search_description(query=query, results=results),
        },
    )


def search_description(*, query: str, results: SearchResults | None) -> str:
    """The page's meta description: what was found, and the other ways to find things."""
    other_ways = _("You can also find resources by topic or by who they are for.")
    if results is None:
        return f"{_('Type a word or two about what you need and press Search.')} {other_ways}"
    if results.result_count:
        found = ngettext(
            "%(counter)s result for “%(query)s”",
            "%(counter)s results for “%(query)s”",
            results.result_count,
        ) % {"counter": results.result_count, "query": query}
    else:
        found = _("We found nothing for “%(query)s”") % {"query": query}
    return f"{found} \N{EN DASH} {other_ways}"
