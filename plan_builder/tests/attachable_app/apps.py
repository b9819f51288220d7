from django.apps import AppConfig


class AttachableAppConfig(AppConfig):
    """Test-only: a third kind of content, registered the way any site would register one."""

    name = "plan_builder.tests.attachable_app"
    label = "attachable_app"
    default_auto_field = "django.db.models.AutoField"
