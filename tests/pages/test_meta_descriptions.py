"""Every public page has one meta description, in the reader's language: what search engines
and link previews show under the page's title. Search has its own, with and without words."""

import pytest
from wagtail.models import Locale

from starter import translation as starter
from tests.core.markup import parse

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "cy", "ur", "pl"]
INTRODUCTIONS = {
    "cy": "Dewch o hyd i adnoddau a chymorth ar gyfer byw'n dda gyda dementia.",
    "ur": "ڈیمنشیا کے ساتھ اچھی زندگی کے لیے معلومات اور مدد تلاش کریں",
    "pl": "Znajdź materiały i wsparcie, które pomagają dobrze żyć z demencją.",
}


def descriptions(client, url: str, status: int = 200) -> list[str]:
    response = client.get(url)
    assert response.status_code == status, url
    return [
        meta.get("content", "")
        for meta in parse(response).find_all("meta")
        if meta.get("name") == "description"
    ]


@pytest.fixture
def every_language(site_tree):
    """Each language's tree, with the home page translated: its introduction describes the
    site on pages that have no description of their own."""
    starter.sync_locale_trees()
    home = site_tree["home"]
    for language in ["cy", "ur", "pl"]:
        outcome = starter.translate(
            starter.Translatable(home, "home"),
            Locale.objects.get(language_code=language),
            {
                ("home", home.title): f"{home.title} ({language})",
                ("home", home.slug): home.slug,
                ("home", home.introduction): INTRODUCTIONS[language],
            },
        )
        assert outcome == starter.TRANSLATED
    return site_tree


@pytest.mark.parametrize(
    ("kind", "path", "status"),
    [
        ("search", "/search/", 200),
        ("search results", "/search/?q=memory+cafe", 200),
        ("nothing found", "/search/?q=xylophone", 200),
        ("page not found", "/no-such-page/", 404),
    ],
)
def test_pages_without_a_page_of_their_own_have_a_description_in_the_readers_language(
    client, every_language, kind, path, status
):
    found = {language: descriptions(client, f"/{language}{path}", status) for language in LANGUAGES}

    for language, described in found.items():
        assert len(described) == 1, (kind, language, described)
        assert len(described[0]) >= 40, (kind, language, described)
    english = found["en"][0]
    for language in ["cy", "ur", "pl"]:
        assert found[language][0] != english, f"{kind} in {language} is described in English"
    if "q=" in path:
        words = path.split("q=")[1].replace("+", " ")
        assert all(words in described[0] for described in found.values()), found


def test_search_results_describe_what_was_searched_for(client, site_tree):
    empty = descriptions(client, "/en/search/")[0]
    searched = descriptions(client, "/en/search/?q=money")[0]

    assert empty != searched
    assert "“money”" in searched
    # Markup typed into the search box stays text in the description.
    hostile = descriptions(client, '/en/search/?q="><script>x</script>')[0]
    assert "<script>x</script>" in hostile
    response = client.get('/en/search/?q="><script>x</script>')
    assert b"<script>x</script>" not in response.content
