"""The plugin's factories (plan_builder/tests/factories.py), and a full plan built with the
site's own attachable content for the site's tests and the benchmark."""

from plan_builder.models import ContactKind, Plan, StatementKind
from plan_builder.tests.factories import (
    ActionFactory,
    ContactFactory,
    GoalFactory,
    GoalRatingFactory,
    PersonFactory,
    PlanFactory,
    StatementFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
    date_post,
    fill_rows,
    practitioner,
    review_plan,
    rows_of_every_kind,
    share_plan,
)

__all__ = [
    "ActionFactory",
    "ContactFactory",
    "GoalFactory",
    "GoalRatingFactory",
    "PersonFactory",
    "PlanFactory",
    "StatementFactory",
    "TeamFactory",
    "TeamMembershipFactory",
    "UserFactory",
    "build_full_plan",
    "date_post",
    "fill_rows",
    "practitioner",
    "review_plan",
    "rows_of_every_kind",
    "share_plan",
]


def build_full_plan(*, library, practitioner, team, goals: int, attachments: int) -> Plan:
    """A plan as full as a long-running one gets: every section, goals with two actions and
    two ratings each, and half resources (from `library`), half organisations attached."""
    from plan_builder import services
    from plan_builder.models import ReferralStatus, SupportType
    from tests.factories import ResourcePageFactory, SupportOrganisationFactory

    plan = PlanFactory(person=PersonFactory(team=team), lead_practitioner=practitioner)
    for kind in ContactKind:
        ContactFactory.create_batch(3, plan=plan, kind=kind)
    for kind in StatementKind:
        StatementFactory.create_batch(4, plan=plan, kind=kind)
    plan_goals = GoalFactory.create_batch(goals, plan=plan)
    for goal in plan_goals:
        ActionFactory.create_batch(2, goal=goal)
        GoalRatingFactory.create_batch(2, goal=goal)
    resources = list(library.get_children().live().specific()[: attachments // 2])
    resources += [
        ResourcePageFactory(parent=library) for _ in range(attachments // 2 - len(resources))
    ]
    for index, resource in enumerate(resources):
        services.attachment_create(
            plan=plan,
            actor=practitioner,
            attachable_key="resources.resourcepage",
            object_id=str(resource.pk),
            reason="To help with the goal.",
            goal=plan_goals[index % goals] if goals else None,
        )
    for organisation in SupportOrganisationFactory.create_batch(attachments - attachments // 2):
        services.attachment_create(
            plan=plan,
            actor=practitioner,
            attachable_key="resources.supportorganisation",
            object_id=str(organisation.pk),
            support_type=SupportType.REFERRED,
            referral_status=ReferralStatus.SENT,
        )
    plan.refresh_from_db()
    return plan
