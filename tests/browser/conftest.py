"""A real browser for the journeys that matter: Debian's chromium, driven by Playwright.

Playwright's own browser download cannot run here, so we launch the system chromium that
`./dev test` installs. Playwright's sync API runs an event loop in this thread, which Django
refuses to touch the database from unless told it is safe (it is: one test at a time)."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TABLET = {"width": 820, "height": 1180}


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def wagtail_base():
    """What Wagtail's migrations create (default locale, root page, default site). Browser
    tests run in real transactions, and the flush after each one removes those rows."""
    from wagtail.models import Locale, Page, Site

    locale, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    Site.objects.get_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": root}
    )


@pytest.fixture
def tablet(browser):
    context = browser.new_context(viewport=TABLET, accept_downloads=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()
