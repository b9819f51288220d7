from django import template
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from core.languages import page_content_language
from editorial.translation_moderation import EditorState, translation_editor_state

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor(context) -> EditorState:
    """What templates/wagtail_localize/admin/edit_translation.html adds for this user."""
    return translation_editor_state(
        props=context["props"],
        translation=context["translation"],
        instance=context["instance"],
        user=context["request"].user,
    )


def _english_copy_language(page) -> str | None:
    if page is None or not getattr(page, "live", False):
        return None
    code = page_content_language(page)
    return get_language_info(code)["name_translated"] if code else None


@register.simple_tag
def live_status_label(page) -> str:
    """The page header's "Live", saying so when what is live is the English copy."""
    language = _english_copy_language(page)
    return _("Live in %(language)s") % {"language": language} if language else _("Live")


@register.simple_tag
def page_status_string(page) -> str:
    """Wagtail's status for page listings ("live + draft"), saying so when what is live is
    the English copy."""
    language = _english_copy_language(page)
    if not language:
        return page.status_string
    if page.has_unpublished_changes:
        return _("live in %(language)s + draft") % {"language": language}
    return _("live in %(language)s") % {"language": language}
