from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import checks, content_cache  # noqa: F401 - checks register themselves

        content_cache.connect_signals()
