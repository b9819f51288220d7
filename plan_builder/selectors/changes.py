"""What changed in a version of a plan since the one it replaces, section by section. Which
sections are compared, and how each reads as lines, is the catalogue's (plan_builder.sections)."""

from __future__ import annotations

from dataclasses import dataclass, field

from plan_builder.models import Plan
from plan_builder.selectors.detail import PlanDetail, plan_detail


@dataclass
class SectionChange:
    section: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def _plan_lines(detail: PlanDetail) -> dict[str, dict[str, str]]:
    """Each section as {identity: readable line}, so versions can be compared as sets."""
    from plan_builder.sections import sections_compared  # the catalogue imports the forms

    return {str(summary.title): summary.lines(detail) for summary in sections_compared()}


def plan_changes(plan: Plan, detail: PlanDetail | None = None) -> list[SectionChange] | None:
    """What changed in this version since the one it replaces; None for a first version."""
    if plan.replaces_id is None:
        return None
    previous = Plan.objects.filter(pk=plan.replaces_id).first()
    if previous is None:
        return None
    before = _plan_lines(plan_detail(previous, as_given=True))
    after = _plan_lines(detail or plan_detail(plan))
    changes = []
    for section, now in after.items():
        then = before.get(section, {})
        change = SectionChange(
            section=section,
            added=[key for key in now if key not in then],
            removed=[key for key in then if key not in now],
            changed=[key for key in now if key in then and now[key] != then[key]],
        )
        if change.added or change.removed or change.changed:
            changes.append(change)
    return changes
