from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from plan_builder.registry import PlanAttachable, registry


@checks.register()
def check_plan_attachables(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Fail at start-up, not on a practitioner's tablet, when a registration is incomplete."""
    try:
        attachables = registry.populate()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="plan_builder.E001")]
    errors: list[checks.CheckMessage] = []
    for attachable in attachables.values():
        missing = [
            name
            for name in PlanAttachable.required_methods
            if getattr(type(attachable), name) is getattr(PlanAttachable, name)
        ]
        if missing:
            errors.append(
                checks.Error(
                    f"{type(attachable).__name__} (for {attachable.model._meta.label}) does not "
                    f"implement {', '.join(missing)}.",
                    hint="Plans need a title, a summary, a URL and the published items of "
                    "every attachable type.",
                    obj=type(attachable),
                    id="plan_builder.E002",
                )
            )
    return errors
