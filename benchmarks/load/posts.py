"""What the load run's practitioners post to the plan forms, as a browser would. Kept apart
from benchmarks/load/users.py, which imports Locust (and with it gevent's monkey-patching),
so that plan_builder/tests/test_load_run_posts.py can post the same fields to the forms."""

from __future__ import annotations

import random

RNG = random.Random()  # noqa: S311  # nosec B311 - choosing scores, not secrets


def goal_fields(marker: str) -> dict[str, str]:
    """A new goal as the goal form takes it (the test posts it to the form, so a change to
    the form's fields is caught before a load run)."""
    return {
        "description": f"{marker} I want to walk to the shops again",
        "area": "",
        "importance": str(RNG.randint(1, 10)),
        "status": "active",
        # Dates are day, month and year boxes; an empty date is three empty boxes.
        "target_date-day": "",
        "target_date-month": "",
        "target_date-year": "",
    }


def action_fields(marker: str) -> dict[str, str]:
    """A new action as the action form takes it."""
    return {
        "description": f"{marker} Walk to the corner shop with Ann",
        "who": "Ann (daughter)",
        "due_date-day": "",
        "due_date-month": "",
        "due_date-year": "",
        "timing": "Every Tuesday",
        "status": "planned",
        "confidence": "",
    }
