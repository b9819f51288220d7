from wagtail.snippets.models import register_snippet

from plan_builder.viewsets import TeamViewSet

register_snippet(TeamViewSet)
