"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live
server. One browser for the whole session; each test gets fresh contexts (cookies, storage)."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

import pytest
from django.core.signals import request_finished, request_started
from playwright.sync_api import Error as PlaywrightError

from tests.factories import restore_wagtail_initial_data

# Playwright's sync API runs an asyncio event loop in the test thread, so Django's
# async-safety check would refuse the test's own database work (factories, the live server's
# shared in-memory SQLite connection) without this.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

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
TABLET = {"width": 820, "height": 1180}  # iPad Air, portrait
PASSWORD = "correct horse battery staple"  # tests.plan_factories.UserFactory's password


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


class RequestsInFlight:
    """Counts the requests the live server is answering, so a test's end can wait for the
    last of them: a page being closed still sends what it sends on leaving (Wagtail's editor
    releases its editing session), and a request answered while the test's data is flushed
    finds the database locked or closed to it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.changed_at = time.monotonic()

    def started(self, **_kwargs) -> None:
        with self.lock:
            self.count += 1
            self.changed_at = time.monotonic()

    def finished(self, **_kwargs) -> None:
        with self.lock:
            self.count -= 1
            self.changed_at = time.monotonic()

    def wait_until_quiet(self, *, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Until no request has been in flight for `quiet` seconds (at most `timeout`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if self.count <= 0 and time.monotonic() - self.changed_at >= quiet:
                    return
            time.sleep(0.05)


@pytest.fixture(scope="session")
def requests_in_flight():
    counter = RequestsInFlight()
    request_started.connect(counter.started, weak=False)
    request_finished.connect(counter.finished, weak=False)
    yield counter
    request_started.disconnect(counter.started)
    request_finished.disconnect(counter.finished)


@pytest.fixture
def new_context(browser, requests_in_flight):
    """Make browser contexts (separate cookie jars) that are closed after the test, once
    what their pages send on leaving has been answered."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", TABLET)
        options.setdefault("locale", "en-GB")
        options.setdefault("timezone_id", "Europe/London")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        for page in context.pages:
            # A page that cannot leave (it crashed, say) has nothing to send.
            with contextlib.suppress(PlaywrightError):
                page.goto("about:blank")
        context.close()
    requests_in_flight.wait_until_quiet()


@pytest.fixture
def library(live_server, transactional_db):
    """The Wagtail site, one published resource and one support organisation to attach."""
    from tests.factories import (
        ResourcePageFactory,
        SupportOrganisationFactory,
        TopicFactory,
        build_site_tree,
    )

    restore_wagtail_initial_data()
    tree = build_site_tree()
    resource = ResourcePageFactory(
        parent=tree["library"],
        title="My Life, My Goals",
        topics=[TopicFactory(name="Goal setting", slug="goal-setting")],
    )
    organisation = SupportOrganisationFactory(
        name="Dementia UK Admiral Nurse Helpline", phone="0800 888 6678"
    )
    return {**tree, "resource": resource, "organisation": organisation}


@pytest.fixture
def team(transactional_db):
    from tests.plan_factories import TeamFactory

    return TeamFactory(name="Central memory service")


@pytest.fixture
def practitioner_user(team):
    from tests.plan_factories import practitioner

    return practitioner(team, username="sam.adviser", first_name="Sam", last_name="Adviser")


# The Wagtail admin's fixtures (editors, moderators, the editorial workflow), for every admin test,
# and the public site's, for every public test (test_accessibility.py has its own `site`).
from tests.browser.admin import editorial_site, screenshot_on_failure  # noqa: E402, F401
from tests.browser.public import phone_site, site  # noqa: E402, F401
