from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanBuilderConfig(AppConfig):
    """Personalised care and support plans. A reusable plugin: it learns which content can be
    attached to a plan from the `register_plan_attachable` hook and imports no site app."""

    name = "plan_builder"
    verbose_name = _("Plan builder")

    def ready(self) -> None:
        from plan_builder import checks  # noqa: F401 - registers the system check
