from wagtail import hooks

from plan_builder.registry import AttachmentKind, PlanAttachable
from plan_builder.tests.attachable_app.models import Leaflet


class LeafletAttachable(PlanAttachable):
    model = Leaflet
    kind = AttachmentKind.INFORMATION

    def get_queryset(self):
        return Leaflet.objects.filter(is_published=True).order_by("title")

    def get_title(self, obj):
        return obj.title

    def get_summary(self, obj):
        return obj.summary

    def get_url(self, obj):
        return obj.url

    def search(self, queryset, query):
        return queryset.filter(title__icontains=query)


@hooks.register("register_plan_attachable")
def register_leaflets():
    return LeafletAttachable
