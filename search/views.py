from django.shortcuts import render
from django.views.decorators.http import require_GET

from plan_builder.validators import full_text_words
from search.selectors import MAX_QUERY_LENGTH, site_search


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
        },
    )
