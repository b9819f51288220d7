import pytest
from django.core.cache import cache

from tests.factories import build_site_tree


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    return build_site_tree()
