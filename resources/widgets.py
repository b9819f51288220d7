"""Admin widgets of the resource library."""

from django.utils.translation import gettext
from wagtail.admin.widgets import AdminTagWidget


class TopicWidget(AdminTagWidget):
    """Wagtail's tag field, explained for a managed list (its own help text is about typing
    new multi-word tags, which editors cannot do here)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["help_text"] = gettext(
            "Start typing, then choose a topic from the list. Moderators add new topics."
        )
        return context
