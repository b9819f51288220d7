from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tests.factories import build_site_tree

TESTS = Path(__file__).resolve().parent
# Markers given by where a test lives, so a new test there is marked without anyone
# remembering to: a directory marks everything under it, a file its own tests.
MARKED_BY_PLACE = {
    "browser": TESTS / "browser",
    "lighthouse": TESTS / "browser" / "test_lighthouse.py",
    "static_analysis": TESTS / "security" / "test_static_checks.py",
}
# What `--quick` (`./dev test --quick`) leaves out: the slow tests that need chromium, Node,
# Java or the network, none of which daily work on the code usually touches.
LEFT_OUT_BY_QUICK = ("browser", "lighthouse", "static_analysis")


def pytest_addoption(parser):
    parser.addoption(
        "--quick",
        action="store_true",
        help=f"leave out the tests marked {', '.join(LEFT_OUT_BY_QUICK)}",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark tests by place before `-m` selects by marker (hence tryfirst); then `--quick`
    deselects, so it combines with any `-m` given on the command line or in PYTEST_ADDOPTS."""
    for item in items:
        for marker, place in MARKED_BY_PLACE.items():
            if item.path == place or place in item.path.parents:
                item.add_marker(marker)
    if not config.getoption("quick"):
        return
    kept, left_out = [], []
    for item in items:
        quick = not any(item.get_closest_marker(name) for name in LEFT_OUT_BY_QUICK)
        (kept if quick else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


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
