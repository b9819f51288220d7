from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resource library"

    def ready(self):
        from django.db.models.signals import post_save

        from core.content_cache import bump_on_save
        from resources.models import SupportOrganisation, Topic, TopicLabel
        from resources.topics import keep_source_label_in_step

        post_save.connect(keep_source_label_in_step, sender=Topic, dispatch_uid="topic-label")
        bump_on_save(TopicLabel)
        bump_on_save(Topic)
        bump_on_save(SupportOrganisation)
