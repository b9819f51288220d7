from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Background jobs"
    default_auto_field = "django.db.models.AutoField"

    def ready(self) -> None:
        from jobs import checks, progress  # noqa: F401 - checks register themselves

        progress.connect_signals()
