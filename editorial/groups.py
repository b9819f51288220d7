"""Editor and moderator permissions, kept in code so every environment gets the same groups.

Wagtail's own migrations create the "Editors" and "Moderators" groups with page permissions
on the root page and the default "Moderators approval" workflow; this adds what our own
models need. It runs after every `migrate`, so it is idempotent.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes
from wagtail.models import Workflow, WorkflowContentType
from wagtail.snippets.models import create_extra_permissions

from resources.models import SupportOrganisation

# Editors choose topics from the managed list (view) but do not create or rename them.
EDITOR_PERMISSIONS = [
    "resources.add_supportorganisation",
    "resources.change_supportorganisation",
    "resources.view_supportorganisation",
    "resources.view_topic",
]
MODERATOR_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    "resources.delete_supportorganisation",
    "resources.publish_supportorganisation",
    "resources.lock_supportorganisation",
    "resources.unlock_supportorganisation",
    "resources.add_topic",
    "resources.change_topic",
    "resources.delete_topic",
    "resources.add_topiclabel",
    "resources.change_topiclabel",
    "resources.delete_topiclabel",
    "resources.view_topiclabel",
    "website.change_sitesettings",
    "website.view_sitesettings",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
]
GROUP_PERMISSIONS = {"Editors": EDITOR_PERMISSIONS, "Moderators": MODERATOR_PERMISSIONS}
# The permissions of our own apps are exactly the lists above: one taken off a list is taken
# away from the group on the next migrate. (Wagtail's own permissions, such as admin access
# and page permissions, are left as Wagtail's migrations and administrators set them.)
MANAGED_APPS = {"resources", "website"}


def permissions_for(codenames: list[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in codenames}
    found = [
        permission
        for permission in Permission.objects.select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    if len(found) != len(wanted):
        have = {(p.content_type.app_label, p.codename) for p in found}
        missing = sorted(".".join(item) for item in wanted - have)
        raise LookupError(f"Permissions missing after migrate: {', '.join(missing)}")
    return found


def assign_default_workflow_to_snippets(using: str) -> None:
    workflow = Workflow.objects.using(using).filter(name="Moderators approval").first()
    if workflow is None:
        return
    content_type = (
        global_apps.get_model("contenttypes", "ContentType")
        .objects.db_manager(using)
        .get_for_model(SupportOrganisation)
    )
    WorkflowContentType.objects.using(using).get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )


def ensure_editorial_groups(sender, using="default", **kwargs) -> None:
    for app_config in global_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)
    create_extra_permissions(global_apps.get_app_config("wagtailsnippets"), using=using)
    for group_name, codenames in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.using(using).get_or_create(name=group_name)
        wanted = permissions_for(codenames)
        group.permissions.add(*wanted)
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label__in=MANAGED_APPS).exclude(
                pk__in=[permission.pk for permission in wanted]
            )
        )
    assign_default_workflow_to_snippets(using)
