from datetime import time

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from core.review import ReviewDatesMixin
from editorial import link_report, review_report, review_views, translation_moderation
from editorial.review_digest import send_review_digests
from editorial.review_panel import DueForReviewPanel
from jobs.schedule import Every, PeriodicJob


@hooks.register("register_admin_urls")
def register_translation_moderation_url():
    return [
        path(
            "translations/<int:translation_id>/submit/",
            translation_moderation.submit_view,
            name="submit_translation_for_moderation",
        )
    ]


@hooks.register("register_admin_urls", order=-1)
def guard_publishing_from_wagtail_localize():
    """The addresses of wagtail-localize's "Convert to alias page" and "Sync translated
    pages", matched before its own (this hook runs first), so that only those who may publish
    can change what is live through them."""
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_moderation.convert_to_alias_view,
            name="convert_translation_to_alias",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translation_moderation.UpdateTranslationsView.as_view(),
            name="update_translations_for_moderation",
        ),
    ]


hooks.register("construct_page_action_menu", translation_moderation.hide_convert_to_alias)


def submit_translation_button(instance, user, next_url=None):
    if not translation_moderation.can_submit(user, instance):
        return
    translation = translation_moderation.translation_for(instance)
    if translation is None:
        return
    url = reverse("submit_translation_for_moderation", args=[translation.pk])
    if next_url:
        url += "?" + urlencode({"next": next_url})
    yield ListingButton(
        _("Submit translation for moderation"), url, priority=61, icon_name="resubmit"
    )


@hooks.register("register_page_listing_more_buttons")
@hooks.register("register_page_header_buttons")
def page_submit_translation_button(page, user, view_name=None, next_url=None):
    yield from submit_translation_button(page.specific, user, next_url)


@hooks.register("register_snippet_listing_buttons")
def snippet_submit_translation_button(snippet, user, next_url=None):
    yield from submit_translation_button(snippet, user, next_url)


def report_urls(address: str, view, name: str) -> list:
    """A report and the filtered results it fetches, as Wagtail's own reports have."""
    return [
        path(f"reports/{address}/", view.as_view(), name=name),
        path(
            f"reports/{address}/results/", view.as_view(results_only=True), name=f"{name}_results"
        ),
    ]


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        *report_urls("due-for-review", review_report.DueForReviewView, "editorial_review_report"),
        *report_urls("links-to-fix", link_report.LinksToFixView, "editorial_link_report"),
        path(
            "review/<str:kind>/<int:pk>/mark-reviewed/",
            review_views.mark_reviewed_view,
            name="editorial_mark_reviewed",
        ),
    ]


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return MenuItem(
        _("Due for review"), reverse("editorial_review_report"), icon_name="time", order=50
    )


@hooks.register("register_reports_menu_item")
def link_report_menu_item():
    return MenuItem(_("Links to fix"), reverse("editorial_link_report"), icon_name="link", order=51)


@hooks.register("register_periodic_job")
def weekly_review_digest():
    return PeriodicJob("review_digest", send_review_digests, every=Every.WEEK, at=time(7, 0))


@hooks.register("construct_homepage_panels")
def review_dashboard_panel(request, panels):
    panels.append(DueForReviewPanel(request.user))


def mark_reviewed_button(instance, user, next_url=None):
    if not isinstance(instance, ReviewDatesMixin) or not review_views.can_review(user, instance):
        return
    kind = review_views.kind_of(instance)
    url = reverse("editorial_mark_reviewed", args=[kind.key, instance.pk])
    if next_url:
        url += "?" + urlencode({"next": next_url})
    yield ListingButton(_("Mark as reviewed"), url, priority=62, icon_name="time")


@hooks.register("register_page_header_buttons")
def page_mark_reviewed_button(page, user, view_name=None, next_url=None):
    yield from mark_reviewed_button(page.specific, user, next_url)


@hooks.register("register_snippet_listing_buttons")
def snippet_mark_reviewed_button(snippet, user, next_url=None):
    yield from mark_reviewed_button(snippet, user, next_url)
