"""Translations of the starter pages and topics: one PO catalogue per language
(`<language>.po`, the format wagtail-localize exports for translators), merged from the
template `starter.pot` that `load_starter_content --write-translation-template` writes.

The catalogues were drafted with a language model, so what they translate is loaded as
machine-drafted text and sent for a native speaker's review. Each entry's `msgctxt` is the
natural key of what it belongs to (a page's slug, or `topic:<slug>`) and its `msgid` is the
English text of one segment, so a catalogue does not depend on database ids.
"""

from pathlib import Path

from starter.data.pages import CONTENT_PAGES, RESOURCE_LIBRARY, SUPPORT_DIRECTORY
from starter.data.service_pages import SERVICE_PAGES
from starter.data.topics import TOPICS

CATALOGUE_DIRECTORY = Path(__file__).parent
TEMPLATE_PATH = CATALOGUE_DIRECTORY / "starter.pot"

# What the catalogues translate, in the template's order: the home page, these pages under it
# (by slug), then these topics. Resources and organisations are left for editors: until one is
# translated, each language shows it in English.
TRANSLATED_CHILD_PAGES = [
    RESOURCE_LIBRARY["slug"],
    SUPPORT_DIRECTORY["slug"],
    *(page["slug"] for page in CONTENT_PAGES),
    *(page["slug"] for page in SERVICE_PAGES),
]
TRANSLATED_TOPICS = [topic["slug"] for topic in TOPICS]
