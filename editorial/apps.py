from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        from editorial.groups import ensure_editorial_groups

        # After the site's pages app migrates (label "website"), as when the groups lived there.
        post_migrate.connect(ensure_editorial_groups, sender=apps.get_app_config("website"))
