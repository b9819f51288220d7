"""Error pages carry the same security headers as every other page, under the production
settings: not found, permission denied, a form sent without its security token, the sign-in
pause on both sign-in pages, and the server error page, both for a bug in a page and for a
database that fails outside the view (in the sessions layer).

The responses come from a subprocess running website.settings.production with only what a
production host sets (tests/production.py), over HTTPS, so HSTS is included. The headers do
not depend on the database, so CI asks once, on its SQLite pass."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.production import production_env
from tests.security.production_responses import HEADERS

pytestmark = pytest.mark.backend_independent

REPO_ROOT = Path(__file__).resolve().parents[2]
SECURITY_HEADERS = [header for header in HEADERS if header != "Retry-After"]

# Each error page, its status, and the normal page whose headers it must repeat: the public
# site and the plan builder share one policy; the admin's sign-in has the admin's.
ERROR_PAGES = {
    "not found": (404, "home page"),
    "not found in the plan builder": (404, "plan builder sign-in"),
    "permission denied": (403, "plan builder sign-in"),
    "form sent without its security token": (403, "plan builder sign-in"),
    "sign-in paused (plan builder)": (429, "plan builder sign-in"),
    "sign-in paused (admin)": (429, "admin sign-in"),
    "server error: a bug in a page": (500, "home page"),
    "server error: the database fails": (500, "home page"),
}


@pytest.fixture(scope="module")
def responses(tmp_path_factory) -> dict:
    tmp_path = tmp_path_factory.mktemp("production")
    result = subprocess.run(
        [sys.executable, "-m", "tests.security.production_responses"],
        cwd=REPO_ROOT,
        env=production_env(tmp_path, LOG_LEVEL="CRITICAL"),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_normal_pages_send_every_security_header(responses):
    for name in ["home page", "plan builder sign-in", "admin sign-in"]:
        response = responses[name]
        assert response["status"] == 200, name
        missing = [header for header in SECURITY_HEADERS if not response["headers"][header]]
        assert not missing, (name, missing)
        assert "max-age=31536000" in response["headers"]["Strict-Transport-Security"]
    assert (
        responses["home page"]["headers"]["Content-Security-Policy"]
        == responses["plan builder sign-in"]["headers"]["Content-Security-Policy"]
    )


@pytest.mark.parametrize("name", list(ERROR_PAGES))
def test_error_pages_send_the_same_security_headers_as_a_normal_page(responses, name):
    status, normal_page = ERROR_PAGES[name]
    error, normal = responses[name], responses[normal_page]

    assert error["status"] == status
    for header in SECURITY_HEADERS:
        assert error["headers"][header] == normal["headers"][header], header


@pytest.mark.parametrize("name", ["sign-in paused (plan builder)", "sign-in paused (admin)"])
def test_the_sign_in_pause_says_when_to_try_again(responses, name):
    from django.conf import settings

    assert responses[name]["headers"]["Retry-After"] == str(
        int(settings.AXES_COOLOFF_TIME.total_seconds())
    )
