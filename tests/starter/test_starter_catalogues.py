"""The starter content's translation catalogues: no database, so not with the tests that share
the loaded starter content (pytest-django runs tests without a database last)."""

import polib

from starter import translation as starter_translation
from starter.data.translations import TEMPLATE_PATH


def test_every_starter_catalogue_covers_the_whole_template():
    template = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(TEMPLATE_PATH))}
    for code in starter_translation.catalogue_languages():
        assert set(starter_translation.load_catalogue(code)) >= template, code
