"""The badge on an edit view: the links in this item that the daily check found failing."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.panels import Panel

from core.link_health.models import NEEDS_FIXING, CheckedLink


def links_needing_fixing(instance) -> list[CheckedLink]:
    if instance is None or instance.pk is None:
        return []
    content_type = ContentType.objects.get_for_model(type(instance))
    return list(
        CheckedLink.objects.filter(
            state__in=NEEDS_FIXING,
            uses__content_type=content_type,
            uses__object_id=str(instance.pk),
        ).distinct()
    )


class LinkHealthPanel(Panel):
    """Shows nothing when every link works."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/admin/link_health_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.links = links_needing_fixing(self.instance)

        def is_shown(self):
            return bool(self.links) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["links"] = self.links
            return context
