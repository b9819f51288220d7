from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resources.forms import (
    SupportOrganisationForm,
    TopicForm,
    label_field_name,
    translated_languages,
)
from resources.models import SupportOrganisation, Topic


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
    edit_handler = ObjectList(SupportOrganisation.panels, base_form_class=SupportOrganisationForm)


def label_column(language_code: str, language_name: str) -> Column:
    def label(topic: Topic) -> str:
        names = {item.locale.language_code: item.name for item in topic.labels.all()}
        return names.get(language_code) or _("Not translated: shown in English")

    return Column(label_field_name(language_code), label=language_name, accessor=label)


class TopicViewSet(SnippetViewSet):
    """The managed list of topics. Moderators create and rename a topic here, with its name
    in every language; editors may only look (they choose topics in the page and
    organisation editors). Topics have no workflow: a saved name is live."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            *(FieldPanel(label_field_name(code)) for code, _name in translated_languages()),
        ],
        base_form_class=TopicForm,
    )

    @property
    def list_display(self):
        return ["name", *(label_column(code, name) for code, name in translated_languages())]

    def get_queryset(self, request):
        return Topic.objects.prefetch_related("labels__locale")


class ResourceLibraryViewSetGroup(SnippetViewSetGroup):
    items = (SupportOrganisationViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Resource library")
    menu_name = "resource-library"
