"""The production settings with the cache switched off (Django's DummyCache): used only by
`./dev load` to measure what the content cache is worth. Nothing else differs."""

from website.settings.production import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
