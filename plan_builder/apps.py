from django.apps import AppConfig


class PlanBuilderConfig(AppConfig):
    """The plan builder plugin. Its models and views arrive with the plan builder issue."""

    name = "plan_builder"
    verbose_name = "Plan builder"
