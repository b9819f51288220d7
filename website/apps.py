from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from website.groups import ensure_editorial_groups

        post_migrate.connect(ensure_editorial_groups, sender=self)
