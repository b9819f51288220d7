"""Page checkers for the browser tests: axe-core in a Playwright page, the Nu HTML checker
(vnu) over many saved pages in one Java process, and Lighthouse over many addresses in one
Chrome. All three come from package.json (`npm ci`, run by `./dev test`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse"
CHROMIUM = Path("/usr/bin/chromium")

# What the site promises: WCAG 2.2 AA (axe tags each rule with the versions and levels it
# belongs to; 2.2 added only one AA rule axe can test, target-size).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BEST_PRACTICE_TAGS = ["best-practice"]


def need(path: Path, what: str) -> None:
    if not path.exists():
        pytest.skip(f"{what} is not installed ({path}); run `./dev test`, which runs npm ci")


def need_command(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"`{name}` is not installed; `./dev test` installs it")
    return path


# Content


def load_starter_content(monkeypatch, languages: tuple[str, ...]) -> None:
    """The real starter content (`manage.py load_starter_content`), translated only into
    `languages`: mirroring and translating the tree into every language would double the
    time it takes, for pages these tests do not open. Needs Wagtail's initial data (see
    tests.factories.restore_wagtail_initial_data)."""
    from django.conf import settings
    from django.core.management import call_command
    from wagtail_localize.models import LocaleSynchronization

    from starter import translation as starter_translation

    LocaleSynchronization.objects.exclude(locale__language_code__in=languages).delete()
    monkeypatch.setattr(
        starter_translation,
        "catalogue_languages",
        lambda: [code for code in languages if code != settings.LANGUAGE_CODE],
    )
    call_command("load_starter_content", verbosity=0)


# axe-core


@dataclass
class AxeIssue:
    page: str
    rule: str
    impact: str | None
    help: str
    tags: list[str]
    targets: list[str]

    def __str__(self) -> str:
        where = "; ".join(self.targets[:5]) + (" ..." if len(self.targets) > 5 else "")
        return f"{self.page}: {self.rule} ({self.impact}) {self.help} -> {where}"


# Exceptions: (page name, rule id) -> why the rule cannot be met there. Keep it empty unless a
# rule truly cannot be met; every entry names one page and one rule.
AXE_EXCEPTIONS: dict[tuple[str, str], str] = {}


def run_axe(page, name: str, *, tags: list[str] | None = None) -> list[AxeIssue]:
    """Run axe-core on what `page` shows now; return its violations. axe is evaluated through
    the DevTools protocol, so the page's own Content-Security-Policy does not apply to it (and
    is not weakened for the page either)."""
    need(AXE_JS, "axe-core")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, tags: v.tags,
                targets: v.nodes.map(n => n.target.join(" ")),
            }));
        }""",
        tags or [*WCAG_TAGS, *BEST_PRACTICE_TAGS],
    )
    issues = [
        AxeIssue(name, v["id"], v["impact"], v["help"], v["tags"], v["targets"]) for v in result
    ]
    return [issue for issue in issues if (name, issue.rule) not in AXE_EXCEPTIONS]


def is_wcag(issue: AxeIssue) -> bool:
    return any(tag in WCAG_TAGS for tag in issue.tags)


SIDEWAYS_OVERFLOW = """() => {
  const doc = document.documentElement;
  if (doc.scrollWidth <= doc.clientWidth) return "";
  const wide = [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > doc.clientWidth + 1
               || el.getBoundingClientRect().left < -1)
    .filter(el => getComputedStyle(el).position !== "fixed")
    .slice(0, 3)
    .map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim()
      .split(/\\s+/).join(".") : ""));
  return `scrollWidth ${doc.scrollWidth} > ${doc.clientWidth}: ${wide.join(", ")}`;
}"""


def sideways_overflow(page, width: int = 320) -> str:
    """Resize the page to `width` CSS pixels and say what, if anything, makes it scroll
    sideways ("" if nothing). Resizing re-lays the page out without loading it again."""
    size = page.viewport_size
    page.set_viewport_size({"width": width, "height": 640})
    try:
        # The NHS.UK header moves menu items under "More" in the animation frame after a
        # resize: measure after it.
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        return page.evaluate(SIDEWAYS_OVERFLOW)
    finally:
        page.set_viewport_size(size)


# The Nu HTML checker


@dataclass
class HtmlCollector:
    """Raw HTML response bodies, saved one file per page, checked together at the end."""

    directory: Path
    files: dict[Path, str] = field(default_factory=dict)

    def add(self, name: str, html: bytes | str) -> None:
        if isinstance(html, str):
            html = html.encode("utf-8")
        path = self.directory / f"{len(self.files):03d}.html"
        path.write_bytes(html)
        self.files[path] = name

    def add_response(self, name: str, response) -> None:
        """Keep the body of a Playwright navigation response (what the server sent, before
        any script ran)."""
        assert response is not None, f"{name}: no response"
        self.add(name, response.body())


@dataclass
class VnuMessage:
    page: str
    type: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}, line {self.line}: {self.message} [{self.extract.strip()[:80]}]"


def run_vnu(collector: HtmlCollector) -> tuple[list[VnuMessage], list[VnuMessage]]:
    """Check every collected page in one Java process. Returns (errors, warnings)."""
    need(VNU_JAR, "The Nu HTML checker (vnu-jar)")
    java = need_command("java")
    if not collector.files:
        return [], []
    completed = subprocess.run(  # noqa: S603 - fixed arguments and our own files
        [
            java,
            "-Xss1024k",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, collector.files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu writes its JSON report to standard error.
    report = json.loads(completed.stderr or completed.stdout)
    by_path = {path.resolve(): name for path, name in collector.files.items()}
    errors, warnings = [], []
    for message in report["messages"]:
        source = Path(unquote(urlparse(message.get("url", "")).path)).resolve()
        item = VnuMessage(
            page=by_path.get(source, str(source)),
            type=message.get("subType") or message["type"],
            line=message.get("lastLine"),
            message=message.get("message", ""),
            extract=message.get("extract", ""),
        )
        if message["type"] == "error" or message.get("subType") == "fatal":
            errors.append(item)
        elif message["type"] == "info":
            warnings.append(item)
    return errors, warnings


# Lighthouse

LIGHTHOUSE_SCRIPT = r"""
import fs from "node:fs";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [urls, out] = [JSON.parse(process.argv[1]), process.argv[2]];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update"],
});
const results = {};
try {
  for (const url of urls) {
    const runner = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const lhr = runner.lhr;
    results[url] = {
      runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
      scores: Object.fromEntries(
        Object.entries(lhr.categories).map(([id, c]) => [id, c.score])),
      failing: Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id,
        c.auditRefs.filter(ref => ref.weight > 0)
          .map(ref => lhr.audits[ref.id])
          .filter(a => a.score !== null && a.score < 1
                  && !["notApplicable", "manual", "informative"].includes(a.scoreDisplayMode))
          .map(a => `${a.id} (${a.score}): ${a.title}`)])),
      console: (lhr.audits["errors-in-console"]?.details?.items || [])
        .map(i => `${i.source}: ${i.description}`),
    };
  }
} finally {
  await chrome.kill();
}
fs.writeFileSync(out, JSON.stringify(results, null, 2));
"""


def run_lighthouse(urls: list[str], report: Path) -> dict:
    """Run Lighthouse (its default: a mobile device on a throttled connection, simulated) on
    each address in turn, in one Chrome; return {url: {scores, failing audits, console}}."""
    need(LIGHTHOUSE, "Lighthouse")
    need(CHROMIUM, "Chromium")
    node = need_command("node")
    report.parent.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(  # noqa: S603 - fixed script, addresses of our own server
        [node, "--input-type=module", "-e", LIGHTHOUSE_SCRIPT, json.dumps(urls), str(report)],
        cwd=ROOT,  # so `import "lighthouse"` resolves to node_modules here
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"Lighthouse failed ({completed.returncode}):\n{completed.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))
