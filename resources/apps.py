from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resource library"

    def ready(self):
        from resources.models import SupportOrganisation, Topic
        from website.content_cache import bump_on_save

        bump_on_save(Topic)
        bump_on_save(SupportOrganisation)
