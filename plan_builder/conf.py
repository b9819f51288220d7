"""Settings a site can change, with the defaults the plugin ships."""

from datetime import date

from django.conf import settings


def max_review_months() -> int:
    """How far ahead a review may be set; Greater Manchester's standard is 12 months."""
    return int(getattr(settings, "PLAN_BUILDER_MAX_REVIEW_MONTHS", 12))


def share_link_max_days() -> int:
    return int(getattr(settings, "PLAN_BUILDER_SHARE_LINK_MAX_DAYS", 90))


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
