from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from website import checks, content_cache  # noqa: F401 - checks register themselves
        from website.groups import ensure_editorial_groups
        from website.locales import ensure_locales
        from website.models import SiteSettings
        from website.public_address import sync_default_site

        post_migrate.connect(ensure_editorial_groups, sender=self)
        post_migrate.connect(ensure_locales, sender=self)
        post_migrate.connect(sync_default_site, sender=self)
        content_cache.connect_signals()
        content_cache.bump_on_save(SiteSettings)
