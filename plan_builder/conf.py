"""Settings a site can change, with the defaults the plugin ships."""

from datetime import date

from django.conf import settings


def max_review_months() -> int:
    """How far ahead a review may be set; Greater Manchester's standard is 12 months."""
    return int(getattr(settings, "PLAN_BUILDER_MAX_REVIEW_MONTHS", 12))


def share_link_max_days() -> int:
    """The longest a shared link may work. A link lasts until the plan's next review by
    default, and a review may be up to 12 months away (366 days in a leap year): 400 days
    covers that, with a few weeks over for a review that happens late."""
    return int(getattr(settings, "PLAN_BUILDER_SHARE_LINK_MAX_DAYS", 400))


def share_link_days_when_review_passed() -> int:
    """How long a new link works by default when the plan's review date has already passed
    (a review is due, and the family still needs the plan until it happens)."""
    return int(getattr(settings, "PLAN_BUILDER_SHARE_LINK_DAYS_WHEN_REVIEW_PASSED", 28))


def session_warning_seconds() -> int:
    """How long before a signed-in session ends the plan builder warns, and offers to keep
    the practitioner signed in. The session's length is Django's SESSION_COOKIE_AGE; the
    plugin expects it to be renewed by every request (SESSION_SAVE_EVERY_REQUEST)."""
    return int(getattr(settings, "PLAN_BUILDER_SESSION_WARNING_SECONDS", 120))


def form_draft_minutes() -> int:
    """How long what was typed into a form sent after the session ended is kept, waiting for
    the practitioner to sign in again. Long enough to find a password, short enough that
    nothing lingers on a shared tablet's server side."""
    return int(getattr(settings, "PLAN_BUILDER_FORM_DRAFT_MINUTES", 60))


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return start.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(start)
