from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from plan_builder.models import Team


class TeamViewSet(SnippetViewSet):
    """Teams and who is in them. Only people given the team permissions (superusers by
    default) see this; plans themselves never appear in the admin."""

    model = Team
    icon = "group"
    menu_label = _("Plan teams")
    menu_name = "plan-teams"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["name", "member_count"]
    search_fields = ["name"]
    inspect_view_enabled = False
