"""The person's copy of their plan as a tagged, accessible PDF (PDF/UA-1), from the same
template and stylesheet as the web page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

TEMPLATE = "plan_builder/my_plan.html"
STYLESHEET = "plan_builder/my_plan.css"
FONT_SUFFIXES = {".woff", ".ttf", ".otf"}


def _stylesheet_path() -> Path:
    """Read from disk through the static files finders, never over HTTP."""
    path = finders.find(STYLESHEET)
    if not path:
        raise ImproperlyConfigured(f"The static file {STYLESHEET} cannot be found.")
    return Path(path)


class FontFilesOnly(URLFetcher):
    """Fetches nothing but the stylesheet's own font files, from disk: a link in a plan must
    never make the server fetch anything."""

    def __init__(self, font_directory: Path):
        super().__init__(allowed_protocols=("file",))
        self.font_directory = font_directory.resolve()

    def fetch(self, url, headers=None):
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        if path.parent != self.font_directory or path.suffix not in FONT_SUFFIXES:
            raise ValueError(f"The PDF may not fetch {url}")
        return super().fetch(url, headers)


def render_plan_pdf(*, context: dict) -> bytes:
    """Render my_plan.html as a PDF. The title and language come from the page's <title> and
    <html lang>; Urdu gets the bundled Nastaliq font, whatever fonts the server has."""
    html = render_to_string(TEMPLATE, {**context, "for_pdf": True})
    stylesheet_path = _stylesheet_path()
    fetcher = FontFilesOnly(stylesheet_path.parent / "fonts")
    # The stylesheet's @font-face rules only reach the layout through a shared configuration.
    font_config = FontConfiguration()
    stylesheet = CSS(filename=str(stylesheet_path), url_fetcher=fetcher, font_config=font_config)
    document = HTML(string=html, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[stylesheet], font_config=font_config, pdf_variant="pdf/ua-1"
    )
