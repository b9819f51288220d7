"""Translations go through the same moderation as the English.

wagtail-localize's translation editor can only publish, which Editors may not do, and its own
"draft" writes the translated text straight onto a live page. This puts the translation as it
stands into a new revision of the translated page or organisation, without touching what is
live, and starts that object's workflow ("Moderators approval"), exactly as submitting an
English page does. Moderators review and publish it from their dashboard.

For the same reason, wagtail-localize's translation editor is adjusted per user (see
translation_editor_state): someone who cannot publish gets this submit action as its main
action and no "Convert to alias page"; and everyone sees where the translation stands.
"""

import json
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, Revision, WorkflowMixin
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, update_translations

from core.languages import page_content_language

# wagtail-localize's page action menu item (ConvertToAliasPageActionMenuItem.name).
CONVERT_TO_ALIAS_ITEM = "localize-convert-to-alias"


class NoWorkflow(Exception):
    """The translated object has no workflow to go through."""


def translation_for(instance) -> Translation | None:
    """The synced translation whose target is this page or snippet, if any."""
    if instance.locale_id is None:
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def can_submit(user: AbstractBaseUser, instance) -> bool:
    if not isinstance(instance, WorkflowMixin | Page) or instance.get_workflow() is None:
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    meta = instance._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


@transaction.atomic
def submit_translation_for_moderation(
    *, translation: Translation, user: AbstractBaseUser
) -> Revision:
    """A new revision of the translated object with the translation so far (English where a
    string is not translated yet), sent into the object's workflow. What is live is unchanged
    until a moderator approves it."""
    instance = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    workflow = instance.get_workflow()
    if workflow is None:
        raise NoWorkflow
    if isinstance(instance, Page) and instance.alias_of_id:
        # An alias shows the English; as a page of its own it shows the same until approved.
        Page.objects.filter(pk=instance.pk).update(alias_of=None)
        instance.alias_of_id = None
    revision = instance.save_revision(user=user)
    current = instance.current_workflow_state
    if current is not None:
        current.cancel(user=user)
    workflow.start(instance, user)
    return revision


def submit_view(request, translation_id: int):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    instance = translation.get_target_instance()
    if not can_submit(request.user, instance):
        raise PermissionDenied
    next_url = request.GET.get("next") or request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if request.method == "POST":
        submit_translation_for_moderation(translation=translation, user=request.user)
        messages.success(
            request,
            _("'%(title)s' in %(language)s was submitted for moderation.")
            % {
                "title": str(instance),
                "language": translation.target_locale.get_display_name(),
            },
        )
        return redirect(next_url or AdminURLFinder(request.user).get_edit_url(instance))
    return TemplateResponse(
        request,
        "editorial/admin/submit_translation.html",
        {
            "instance": instance,
            "translation": translation,
            "workflow": instance.get_workflow(),
            "next": next_url,
            "action_url": reverse("submit_translation_for_moderation", args=[translation.pk]),
        },
    )


def can_publish(user: AbstractBaseUser, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    meta = instance._meta
    return user.has_perm(f"{meta.app_label}.publish_{meta.model_name}")


def translation_status(instance, language: str) -> str:
    """Where a translation stands, in words that never call it live before it is: a page made
    from an alias stays the English copy to visitors until the translation is published."""
    if isinstance(instance, Page) and page_content_language(instance):
        status = _(
            "Not published in %(language)s yet: people reading in %(language)s see the "
            "English page, marked as English."
        )
    elif not getattr(instance, "live", True):
        status = _("Not published in %(language)s yet.")
    elif getattr(instance, "has_unpublished_changes", False):
        status = _(
            "Published in %(language)s. Changes made since then are not live until they are "
            "published."
        )
    else:
        status = _("Published in %(language)s.")
    status %= {"language": language}
    state = instance.current_workflow_state if isinstance(instance, WorkflowMixin | Page) else None
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        status += " " + _("Waiting for approval in '%(workflow)s'.") % {
            "workflow": state.workflow.name
        }
    return status


@dataclass(frozen=True)
class EditorState:
    """What our template override of wagtail-localize's translation editor adds for a user:
    the React props it renders with (see editor_props), the address of the submit action
    when it is this user's main action, and the translation's status."""

    props: str
    submit_url: str | None
    status: str


def translation_editor_state(
    *, props: str, translation: Translation, instance, user
) -> EditorState:
    """For someone who cannot publish, the translation editor's main action is "Submit
    translation for moderation" (its own main action, Publish, is not theirs) and it offers
    no "Convert to alias page", which would change what is live without moderation.
    Moderators keep the editor as wagtail-localize made it."""
    data = json.loads(props)
    submit_url = None
    if not can_publish(user, instance):
        data["links"]["convertToAliasUrl"] = None
        if can_submit(user, instance):
            submit_url = reverse("submit_translation_for_moderation", args=[translation.pk])
    return EditorState(
        props=json.dumps(data, cls=DjangoJSONEncoder),
        submit_url=submit_url,
        status=translation_status(instance, translation.target_locale.get_display_name()),
    )


def convert_to_alias_view(request, page_id: int):
    """wagtail-localize's "Convert to alias page", for those who may publish the page only:
    it replaces what is live in that language with the original at once. What it throws away
    is spelled out on our version of its confirmation page; and a translation waiting for
    moderation is withdrawn, since the page it was for is now an alias."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_publish(request.user, page):
        raise PermissionDenied
    response = convert.convert_to_alias(request, page_id)
    page.refresh_from_db()
    if request.method == "POST" and page.alias_of_id:
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=request.user)
    return response


def hide_convert_to_alias(menu_items, request, context) -> None:
    """construct_page_action_menu: no "Convert to alias page" for those who may not use it."""
    page = context.get("page")
    if page is not None and not can_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS_ITEM]


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages/snippets", whose "Publish immediately" would
    publish every translation at once: only for someone who may publish all of them. For
    anyone else the box is shown switched off, and a posted value is ignored."""

    def get_form(self):
        form = super().get_form()
        targets = [
            translation.get_target_instance()
            for translation in self.object.translations.filter(enabled=True)
        ]
        if not all(can_publish(self.request.user, target) for target in targets):
            field = form.fields["publish_translations"]
            field.disabled = True
            field.initial = False
            field.help_text = _(
                "Only moderators can publish translations. Submit each translation for "
                "moderation from its translation editor."
            )
        return form
