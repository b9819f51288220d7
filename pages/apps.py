from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PagesConfig(AppConfig):
    """The site's own pages and settings.

    Labelled "website", the label these models had when they lived in the project package, so
    that existing databases keep their tables (website_homepage...), content types, permissions
    (website.change_sitesettings) and migration history, and Wagtail still finds their
    templates under templates/website/."""

    name = "pages"
    label = "website"
    verbose_name = "Website"

    def ready(self):
        from core import content_cache
        from core.locales import ensure_locales
        from core.public_address import sync_default_site
        from pages.models import SiteSettings

        post_migrate.connect(ensure_locales, sender=self)
        post_migrate.connect(sync_default_site, sender=self)
        content_cache.bump_on_save(SiteSettings)
