"""Translations go through the same moderation as the English.

wagtail-localize's translation editor can only publish, which Editors may not do, and its own
"draft" writes the translated text straight onto a live page. This puts the translation as it
stands into a new revision of the translated page or organisation, without touching what is
live, and starts that object's workflow ("Moderators approval"), exactly as submitting an
English page does. Moderators review and publish it from their dashboard.
"""

from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, Revision, WorkflowMixin
from wagtail_localize.models import Translation


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
        "website/admin/submit_translation.html",
        {
            "instance": instance,
            "translation": translation,
            "workflow": instance.get_workflow(),
            "next": next_url,
            "action_url": reverse("submit_translation_for_moderation", args=[translation.pk]),
        },
    )
