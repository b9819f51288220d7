"""The person's copy of their plan as a tagged, accessible PDF (PDF/UA-1), from the same
template and stylesheet as the web page."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

TEMPLATE = "plan_builder/my_plan.html"
STYLESHEET = "plan_builder/my_plan.css"


def _stylesheet() -> CSS:
    """Read from disk through the static files finders, never over HTTP."""
    path = finders.find(STYLESHEET)
    if not path:
        raise ImproperlyConfigured(f"The static file {STYLESHEET} cannot be found.")
    return CSS(filename=path)


def render_plan_pdf(*, context: dict) -> bytes:
    """Render my_plan.html as a PDF. The title and language come from the page's <title> and
    <html lang>. Every URL fetch is refused: the page needs nothing but its stylesheet, and a
    link in a plan must never make the server fetch anything."""
    html = render_to_string(TEMPLATE, {**context, "for_pdf": True})
    document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=()))
    return document.write_pdf(stylesheets=[_stylesheet()], pdf_variant="pdf/ua-1")
