"""The person's copy of their plan as a tagged, accessible PDF (PDF/UA-1), from the same
template and stylesheet as the web page, in the language it is rendered in (the caller
activates the person's language)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_bidi, gettext
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

TEMPLATE = "plan_builder/my_plan.html"
STYLESHEETS = ("plan_builder/my_plan.css", "plan_builder/my_plan_pdf.css")
FONT_SUFFIXES = {".woff", ".ttf", ".otf"}
# Placeholders no translation can contain, swapped for the page counters.
COUNTERS = {"\x00page-number\x00": "counter(page)", "\x00page-count\x00": "counter(pages)"}
MARGIN_FONTS = 'Arial, "Liberation Sans", "DejaVu Sans", sans-serif'
# Languages whose letters the margin fonts above lack (see my_plan_pdf.css).
MARGIN_FONTS_BY_LANGUAGE = {"ur": f'"Amiri", {MARGIN_FONTS}'}


def _stylesheet_path(name: str) -> Path:
    """Read from disk through the static files finders, never over HTTP."""
    path = finders.find(name)
    if not path:
        raise ImproperlyConfigured(f"The static file {name} cannot be found.")
    return Path(path)


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


def page_margins_css() -> str:
    """The running header and the page numbers, in the active language and on the side it
    reads from: "Page 2 of 3" is a sentence to translate, with the counters in place of its
    placeholders."""
    number, count = COUNTERS
    sentence = gettext("Page %(number)s of %(total)s") % {"number": number, "total": count}
    pieces = sentence.replace(number, f"\x00{number}\x00").replace(count, f"\x00{count}\x00")
    content = " ".join(
        COUNTERS.get(f"\x00{piece}\x00") or _css_string(piece)
        for piece in pieces.split("\x00")
        if piece
    )
    fonts = MARGIN_FONTS_BY_LANGUAGE.get(get_language(), MARGIN_FONTS)
    start, end = ("right", "left") if get_language_bidi() else ("left", "right")
    margin = f"font-family: {fonts}; color: #0b0c0c;"
    return (
        "@page {"
        f"@top-{end} {{ content: none; }}"
        f"@top-{start} {{ content: string(plan-for); font-size: 12pt; {margin} }}"
        f"@bottom-center {{ content: {content}; font-size: 14pt; {margin} }}"
        "}"
    )


class FontFilesOnly(URLFetcher):
    """Fetches nothing but the stylesheet's own font files, from disk: a link in a plan must
    never make the server fetch anything."""

    def __init__(self, font_directory: Path) -> None:
        super().__init__(allowed_protocols=("file",))
        self.font_directory = font_directory.resolve()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        if path.parent != self.font_directory or path.suffix not in FONT_SUFFIXES:
            raise ValueError(f"The PDF may not fetch {url}")
        return super().fetch(url, headers)


def render_plan_pdf(*, context: dict) -> bytes:
    """Render my_plan.html as a PDF. The title and language come from the page's <title> and
    <html lang>; Urdu gets the bundled Nastaliq font, whatever fonts the server has."""
    html = render_to_string(TEMPLATE, {**context, "for_pdf": True})
    paths = [_stylesheet_path(name) for name in STYLESHEETS]
    fetcher = FontFilesOnly(paths[0].parent / "fonts")
    # The stylesheets' @font-face rules only reach the layout through a shared configuration.
    font_config = FontConfiguration()
    stylesheets = [
        *(CSS(filename=str(path), url_fetcher=fetcher, font_config=font_config) for path in paths),
        CSS(string=page_margins_css(), font_config=font_config),
    ]
    document = HTML(string=html, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=stylesheets, font_config=font_config, pdf_variant="pdf/ua-1"
    )
