from wagtail import hooks
from wagtail.snippets.models import register_snippet

from resources.plan_attachables import ResourceAttachable, SupportOrganisationAttachable
from resources.viewsets import ResourceLibraryViewSetGroup

register_snippet(ResourceLibraryViewSetGroup)


@hooks.register("register_plan_attachable")
def register_resources_with_plan_builder():
    return [ResourceAttachable, SupportOrganisationAttachable]
