from django.apps import AppConfig


class StarterConfig(AppConfig):
    name = "starter"
    verbose_name = "Starter content"
