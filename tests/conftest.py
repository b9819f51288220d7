from pathlib import Path

import pytest

# Each test starts in the site's language with an empty cache, as the plugin's own tests do.
from plan_builder.tests.conftest import _clear_cache, _default_language
from tests.factories import build_site_tree

__all__ = ["_clear_cache", "_default_language"]

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
# The hostile-input sweeps try every payload on every field; `--quick` tries each sweep with
# its first case only, so every check still runs once (the full run tries them all).
SWEEPS = TESTS / "security"


def pytest_addoption(parser):
    parser.addoption(
        "--transactional",
        choices=["all", "none", "only"],
        default="all",
        help="run all tests (the default), none or only of those on a committing database"
        " (transactional_db): their flush empties the database, so under pytest-xdist they"
        " must not share a process with the others (./dev test --quick runs them apart)",
    )
    parser.addoption(
        "--quick",
        action="store_true",
        help=f"leave out the tests marked {', '.join(LEFT_OUT_BY_QUICK)}; try each"
        " hostile-input sweep with its first case only",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark tests by place before `-m` selects by marker (hence tryfirst); then `--quick`
    deselects, so it combines with any `-m` given on the command line or in PYTEST_ADDOPTS."""
    for item in items:
        for marker, place in MARKED_BY_PLACE.items():
            if item.path == place or place in item.path.parents:
                item.add_marker(marker)
    transactional = config.getoption("transactional")
    if transactional != "all":
        wanted = transactional == "only"
        kept = [item for item in items if committing(item) == wanted]
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
    if not config.getoption("quick"):
        return
    kept, left_out = [], []
    sweeps_begun = set()
    for item in items:
        quick = not any(item.get_closest_marker(name) for name in LEFT_OUT_BY_QUICK)
        if quick and SWEEPS in item.path.parents and hasattr(item, "callspec"):
            sweep = (item.path, item.originalname)
            quick = sweep not in sweeps_begun
            sweeps_begun.add(sweep)
        (kept if quick else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def committing(item) -> bool:
    """Runs on a database that commits, which pytest-django flushes afterwards."""
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    return (
        "transactional_db" in names
        or "live_server" in names
        or bool(marker and marker.kwargs.get("transaction"))
    )


@pytest.fixture
def site_tree(db):
    return build_site_tree()
