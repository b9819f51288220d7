"""Personalised care and support plans, by concern; every model is importable from
`plan_builder.models`.

Plans hold special-category health data, so they are plain Django models: never Wagtail pages,
never indexed for search, reachable only through the signed-in views of this app."""

from plan_builder.models.audit import AuditAction, AuditEvent, AuditEventQuerySet
from plan_builder.models.drafts import FormDraft
from plan_builder.models.people import ContactMethod, Person
from plan_builder.models.plans import (
    ABOUT_ME_FIELDS,
    CONTINGENCY_FIELDS,
    AgreedBy,
    ConsentToShare,
    Plan,
    PlanQuerySet,
    ReviewType,
)
from plan_builder.models.rows import (
    Action,
    ActionStatus,
    Attachment,
    Contact,
    ContactKind,
    Goal,
    GoalRating,
    GoalStatus,
    PlanItem,
    ReferralStatus,
    Statement,
    StatementKind,
    SupportType,
    one_to_ten,
)
from plan_builder.models.sharing import ShareLink
from plan_builder.models.teams import Team, TeamMembership
from plan_builder.models.text import LONG_TEXT, SHORT_TEXT

__all__ = [
    "ABOUT_ME_FIELDS",
    "CONTINGENCY_FIELDS",
    "LONG_TEXT",
    "SHORT_TEXT",
    "Action",
    "ActionStatus",
    "AgreedBy",
    "Attachment",
    "AuditAction",
    "AuditEvent",
    "AuditEventQuerySet",
    "ConsentToShare",
    "Contact",
    "ContactKind",
    "ContactMethod",
    "FormDraft",
    "Goal",
    "GoalRating",
    "GoalStatus",
    "Person",
    "Plan",
    "PlanItem",
    "PlanQuerySet",
    "ReferralStatus",
    "ReviewType",
    "ShareLink",
    "Statement",
    "StatementKind",
    "SupportType",
    "Team",
    "TeamMembership",
    "one_to_ten",
]
