"""Run by tests/security/test_error_pages_in_production.py in a subprocess started with
website.settings.production (tests/production.py gives it a production host's environment):
sets up a database and static files as a deployment does, asks for normal pages and for every
kind of error page over HTTPS, and prints each response's status and headers as JSON.

Run on its own: `python -m tests.security.production_responses` with the production
environment variables set."""

from __future__ import annotations

import json
import sys

import django

HOST = "example.org"
# The headers the tests compare; Retry-After is only on the sign-in pause.
HEADERS = [
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
    "Strict-Transport-Security",
    "Retry-After",
]


def main() -> None:
    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from pages.models import HomePage
    from tests.factories import build_site_tree
    from tests.plan_factories import UserFactory

    assert not settings.DEBUG and settings.SECURE_HSTS_SECONDS, "not the production settings"
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    build_site_tree()
    UserFactory(username="editor", is_staff=True)  # in no plan team

    def client(**options) -> Client:
        return Client(raise_request_exception=False, HTTP_HOST=HOST, **options)

    responses = {}

    def record(name: str, response) -> None:
        responses[name] = {
            "status": response.status_code,
            "headers": {header: response.get(header) for header in HEADERS},
        }

    visitor = client()
    record("home page", visitor.get("/en/", secure=True))
    record("plan builder sign-in", visitor.get("/plans/sign-in/", secure=True))
    record("admin sign-in", visitor.get("/admin/login/", secure=True))

    record("not found", visitor.get("/en/no-such-page/", secure=True))
    record("not found in the plan builder", visitor.get("/plans/no-such-page/", secure=True))

    editor = client()
    editor.force_login(UserFactory(username="not-in-a-team"))
    record("permission denied", editor.get("/plans/", secure=True))

    record(
        "form sent without its security token",
        client(enforce_csrf_checks=True).post(
            "/plans/sign-in/", {"username": "editor", "password": "wrong"}, secure=True
        ),
    )

    for name, url, username in [
        ("sign-in paused (plan builder)", "/plans/sign-in/", "editor"),
        ("sign-in paused (admin)", "/admin/login/", "another-editor"),
    ]:
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            response = visitor.post(url, {"username": username, "password": "wrong"}, secure=True)
        record(name, response)

    # A bug in a page's code: the exception is raised in the view.
    serve = HomePage.serve
    HomePage.serve = lambda *args, **kwargs: 1 / 0
    try:
        record("server error: a bug in a page", visitor.get("/en/", secure=True))
    finally:
        HomePage.serve = serve

    # The database fails under a signed-in person: the sessions layer, outside the view,
    # raises while it answers.
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE django_session RENAME TO django_session_unreadable")
    try:
        record("server error: the database fails", editor.get("/en/", secure=True))
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE django_session_unreadable RENAME TO django_session")

    sys.stdout.write(json.dumps(responses) + "\n")


if __name__ == "__main__":
    main()
