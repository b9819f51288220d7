import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tests.factories import build_site_tree


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's language: a request's LocaleMiddleware leaves the
    language it chose active in the thread, which would carry into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    return build_site_tree()
