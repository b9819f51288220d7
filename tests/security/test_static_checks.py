"""Static security checks, run by `./dev test` like every other test: Django's deploy checks
with the production settings, bandit over our own code, pip-audit over the locked
dependencies, and no inline script or style in the public templates (the
Content-Security-Policy would refuse it). Each gives the same answer on every database, so CI
runs them on its SQLite pass only."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest

from tests.production import production_env

pytestmark = pytest.mark.backend_independent

REPO_ROOT = Path(__file__).resolve().parents[2]
# The site's own packages, as the layer contract names them (so a new app is scanned too).
SITE_APPS = [
    package
    for package in tomllib.loads(
        (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    )["tool"]["importlinter"]["root_packages"]
    if package != "plan_builder"
]
BANDIT_TARGETS = [*SITE_APPS, "plan_builder", "benchmarks", "manage.py"]
PUBLIC_TEMPLATE_DIRS = [
    "templates",
    *(f"{app}/templates" for app in SITE_APPS),
    "plan_builder/templates",
]
# Admin-only templates (the admin has its own policy) are not public.
ADMIN_TEMPLATES = "editorial/templates/editorial/admin/"


def run(args: list[str], *, env: dict[str, str] | None = None, timeout: int = 300):
    return subprocess.run(  # noqa: S603 - our own interpreter and tools, fixed arguments
        args,
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# Django's deploy checks ----------------------------------------------------------------------


def test_deploy_checks_pass_with_the_production_settings(tmp_path):
    """What .ci/run used to do: `manage.py check --deploy --fail-level WARNING` with only what
    a production host would set."""
    env = production_env(tmp_path, ALLOWED_HOSTS="dementia-wellbeing.example.org")

    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env=env
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


# bandit ---------------------------------------------------------------------------------------


def test_bandit_finds_nothing_unanswered_in_our_code():
    """Configured in pyproject.toml ([tool.bandit]). A finding is answered on its line: fixed,
    or `# nosec Bxxx` with the reason."""
    result = run(
        [
            *(sys.executable, "-m", "bandit"),
            *("-c", "pyproject.toml", "--format", "json", "--quiet", "-r"),
            *BANDIT_TARGETS,
        ]
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"bandit did not run (exit {result.returncode}):\n{result.stderr}")

    findings = [
        f"{issue['filename']}:{issue['line_number']}: {issue['test_id']} "
        f"({issue['issue_severity'].lower()}) {issue['issue_text']}"
        for issue in report["results"]
    ]
    errors = [f"{error['filename']}: {error['reason']}" for error in report["errors"]]
    assert not findings, "bandit findings (fix, or `# nosec Bxxx` and why):\n" + "\n".join(findings)
    assert not errors, "bandit could not read:\n" + "\n".join(errors)
    assert report["metrics"]["_totals"]["loc"] > 1000  # it did read our code


# pip-audit ------------------------------------------------------------------------------------


def uv() -> str:
    found = shutil.which("uv") or REPO_ROOT / ".tools" / "bin" / "uv"
    if not Path(found).exists():
        pytest.fail("uv is not installed (./dev test installs it into .tools/)")
    return str(found)


AUDIT_PROBE = "https://pypi.org/pypi/pip-audit/2.10.1/json"


def vulnerability_data_unreachable() -> str | None:
    """Why pip-audit's data source cannot be read from here, or None when it can. pip-audit
    reads each release's advisories from PyPI's per-release JSON API; some registry mirrors
    serve only the package index and answer that API with 404."""
    try:
        with urllib.request.urlopen(AUDIT_PROBE, timeout=20) as response:
            json.load(response)
    except (OSError, ValueError) as error:
        return f"{AUDIT_PROBE} cannot be read from this machine ({error})"
    return None


def test_locked_dependencies_have_no_known_vulnerabilities(tmp_path):
    """Every package pinned in uv.lock (the dev group too), against PyPI's vulnerability data
    (the advisories PyPI publishes from the Python Packaging Advisory Database and OSV).
    Skipped, saying why, only where that service does not exist for this machine; once the
    service answers, any package it could not check fails the test."""
    unreachable = vulnerability_data_unreachable()
    if unreachable:
        pytest.skip(f"PyPI's vulnerability data is not available here: {unreachable}")
    requirements = tmp_path / "requirements.txt"
    exported = run(
        [
            *(uv(), "export", "--frozen", "--format", "requirements-txt"),
            *("--no-emit-project", "--quiet", "--output-file", str(requirements)),
        ],
        env={**os.environ, "UV_PYTHON_DOWNLOADS": "never"},
        timeout=60,
    )
    assert exported.returncode == 0, f"uv export failed:\n{exported.stderr}"

    audit = run(
        [
            *(sys.executable, "-m", "pip_audit", "--requirement", str(requirements)),
            *("--no-deps", "--disable-pip", "--vulnerability-service", "pypi"),
            *("--format", "json", "--progress-spinner", "off", "--timeout", "20"),
        ]
    )
    try:
        report = json.loads(audit.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"pip-audit could not audit the lock file (exit {audit.returncode}); is PyPI "
            f"reachable from here?\n{audit.stderr.strip()}"
        )

    dependencies = report["dependencies"]
    skipped = [dep for dep in dependencies if "skip_reason" in dep]
    assert not skipped, (
        f"pip-audit could not check {len(skipped)} of {len(dependencies)} locked packages "
        f"against PyPI's vulnerability data, so nothing is known about them. PyPI's JSON API "
        f"(https://pypi.org/pypi/<name>/<version>/json) must be reachable. First reasons:\n"
        + "\n".join(f"  {dep['name']}: {dep['skip_reason']}" for dep in skipped[:5])
    )
    vulnerable = [
        f"  {dep['name']} {dep['version']}: {vuln['id']}"
        + (f" ({', '.join(vuln['aliases'])})" if vuln.get("aliases") else "")
        + f", fixed in {', '.join(vuln['fix_versions']) or 'no release yet'}"
        for dep in dependencies
        for vuln in dep.get("vulns", [])
    ]
    assert not vulnerable, (
        "known vulnerabilities in locked packages (package version: id, fixed in):\n"
        + "\n".join(vulnerable)
    )
    assert len(dependencies) > 50  # it read the whole lock file


# Nothing inline in the public templates --------------------------------------------------------

INLINE = {
    "an inline <script>": re.compile(
        r"<script\b(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:ld\+)?json\")[^>]*>", re.I
    ),
    "a <style> element": re.compile(r"<style\b", re.I),
    "a style attribute": re.compile(r"\sstyle\s*=", re.I),
    "an event handler attribute": re.compile(r"\son[a-z]+\s*=", re.I),
    "a javascript: URL": re.compile(r"javascript:", re.I),
}


def public_templates() -> list[Path]:
    return sorted(
        path
        for folder in PUBLIC_TEMPLATE_DIRS
        for path in (REPO_ROOT / folder).rglob("*.html")
        if not path.relative_to(REPO_ROOT).as_posix().startswith(ADMIN_TEMPLATES)
    )


def test_public_templates_have_no_inline_script_or_style():
    """The public and plan pages' policy (script-src and style-src 'self') would refuse them."""
    templates = public_templates()
    assert len(templates) > 40
    found = [
        f"{path.relative_to(REPO_ROOT)}:{text[: match.start()].count(chr(10)) + 1}: {what}"
        for path in templates
        for text in [path.read_text(encoding="utf-8")]
        for what, pattern in INLINE.items()
        for match in pattern.finditer(text)
    ]
    assert not found, "inline code the Content-Security-Policy refuses:\n" + "\n".join(found)
