"""Factories for plans, people and teams: test and benchmark data for the plan builder."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from plan_builder.models import (
    Action,
    Attachment,
    Contact,
    ContactKind,
    Goal,
    GoalRating,
    Person,
    Plan,
    Statement,
    StatementKind,
    Team,
    TeamMembership,
)
from plan_builder.sections import ROW_KINDS


def date_post(name: str, value: datetime.date | str) -> dict[str, str]:
    """A date as the plan forms take it: typed into day, month and year boxes. A string is
    put into all three as it is (for tests of what people get wrong)."""
    if isinstance(value, str):
        return {f"{name}-{part}": value for part in ("day", "month", "year")}
    return {
        f"{name}-day": str(value.day),
        f"{name}-month": str(value.month),
        f"{name}-year": str(value.year),
    }


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"practitioner{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Practitioner{n}")
    password = factory.django.Password("correct horse battery staple")


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Memory service {n}")


class TeamMembershipFactory(DjangoModelFactory):
    class Meta:
        model = TeamMembership

    team = factory.SubFactory(TeamFactory)
    user = factory.SubFactory(UserFactory)
    is_lead = False


def practitioner(team: Team | None = None, *, is_lead: bool = False, **user_fields):
    """A user who belongs to `team` (a new team when none is given)."""
    user = UserFactory(**user_fields)
    TeamMembershipFactory(team=team or TeamFactory(), user=user, is_lead=is_lead)
    return user


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    team = factory.SubFactory(TeamFactory)
    full_name = factory.Sequence(lambda n: f"Margaret Example {n}")
    preferred_name = "Peggy"
    date_of_birth = datetime.date(1944, 5, 17)
    nhs_number = "9434765919"
    phone = "0161 496 0000"
    preferred_language = "en"
    gp_practice = "Example Medical Centre"


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    person = factory.SubFactory(PersonFactory)
    review_due = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=180))
    review_responsible = "Sam, dementia adviser"
    what_matters_most = "Seeing my grandchildren and working in my garden."
    warning_signs = "I stop answering the phone."


class ContactFactory(DjangoModelFactory):
    class Meta:
        model = Contact

    plan = factory.SubFactory(PlanFactory)
    kind = ContactKind.PERSONAL
    name = factory.Sequence(lambda n: f"Ann Example {n}")
    relationship_or_role = "Daughter"
    phone = "0161 496 0001"
    is_carer = True


class StatementFactory(DjangoModelFactory):
    class Meta:
        model = Statement

    plan = factory.SubFactory(PlanFactory)
    kind = StatementKind.STRENGTH
    text = factory.Sequence(lambda n: f"I know every plant in my garden ({n}).")


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(PlanFactory)
    description = factory.Sequence(lambda n: f"I want to walk to the shops on my own ({n}).")
    area = "Getting out"
    importance = 8
    sort_order = factory.Sequence(lambda n: n)


class GoalRatingFactory(DjangoModelFactory):
    class Meta:
        model = GoalRating

    goal = factory.SubFactory(GoalFactory)
    rated_on = factory.LazyFunction(timezone.localdate)
    attainment = 4
    satisfaction = 5


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action

    goal = factory.SubFactory(GoalFactory)
    description = "Walk to the corner shop with Ann on Tuesdays."
    who = "Ann (daughter)"
    timing = "Every Tuesday"
    confidence = 7


def rows_of_every_kind(*, plan: Plan, goal, attachment) -> dict:
    """One row of each list the plan page edits (plan_builder.sections), keyed by its slug."""
    given = {Goal: goal, Attachment: attachment}
    factories = {
        Contact: ContactFactory,
        Statement: StatementFactory,
        Action: ActionFactory,
        GoalRating: GoalRatingFactory,
    }
    rows = {}
    for slug, kind in ROW_KINDS.items():
        if kind.model in given:
            rows[slug] = given[kind.model]
        else:
            owner = {"goal": goal} if kind.belongs_to_goal else {"plan": plan}
            rows[slug] = factories[kind.model](**owner, **kind.fixed_values)
    return rows


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
