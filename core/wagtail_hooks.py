from datetime import time

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static

from core.link_health.tasks import check_all_links
from core.review import MARKED_REVIEWED
from jobs.schedule import Every, PeriodicJob


def admin_module(path: str) -> str:
    return format_html('<script type="module" src="{}"></script>', versioned_static(path))


@hooks.register("insert_global_admin_js")
def tag_field_keyboard():
    """Every tag field in the admin (pages, snippets, images, documents): Enter adds the tag
    and never submits the form."""
    return admin_module("core/admin/tag_field.js")


@hooks.register("register_log_actions")
def review_log_actions(actions):
    actions.register_action(MARKED_REVIEWED, _("Mark as reviewed"), _("Marked as reviewed"))


@hooks.register("register_periodic_job")
def daily_link_check():
    return PeriodicJob("check_links", check_all_links, every=Every.DAY, at=time(2, 0))
