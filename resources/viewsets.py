from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resources.models import SupportOrganisation, Topic, TopicLabel


class SupportOrganisationFilterSet(WagtailFilterSet):
    class Meta:
        model = SupportOrganisation
        fields = ["area_type", "live", "locale"]


class SupportOrganisationViewSet(SnippetViewSet):
    model = SupportOrganisation
    icon = "group"
    menu_label = _("Support organisations")
    list_display = ["name", "area_type", "area_name", LiveStatusTagColumn(), UpdatedAtColumn()]
    list_export = ["name", "website", "phone", "email", "area_type", "area_name", "live"]
    filterset_class = SupportOrganisationFilterSet
    search_fields = ["name", "summary", "area_name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TopicLabelFilterSet(WagtailFilterSet):
    class Meta:
        model = TopicLabel
        fields = ["locale"]


class TopicLabelViewSet(SnippetViewSet):
    """Topic names per language. The English names follow the topics themselves; translate
    them from here with "Translate", like an organisation."""

    model = TopicLabel
    icon = "tag"
    menu_label = _("Topic names")
    list_display = ["name", "topic", "locale"]
    filterset_class = TopicLabelFilterSet
    search_fields = ["name"]
    panels = [FieldPanel("topic"), FieldPanel("name")]


class ResourceLibraryViewSetGroup(SnippetViewSetGroup):
    items = (SupportOrganisationViewSet, TopicViewSet, TopicLabelViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Resource library")
    menu_name = "resource-library"
