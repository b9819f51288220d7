"""Locales follow settings: every content language gets a Wagtail Locale that mirrors the
English tree (wagtail-localize's "sync from"), so a page that is not translated yet is still
there in every language, as an alias in English, until a translator replaces it.

Runs after every `migrate`, so adding a language to WAGTAIL_CONTENT_LANGUAGES is enough.
"""

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization


def ensure_locales(**kwargs) -> None:
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None:
        return
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if language_code == default.language_code:
            continue
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
