"""Factories for plans, people and teams: test and benchmark data for the plan builder.

Named states are traits: `PlanFactory(full=True)` fills every section,
`PlanFactory(reviewed=True)` is the second version made by a review of a full plan (the first
is `plan.replaces`), and `PlanFactory(shared=True)` has a shared link (`plan.share_link`, its
token on `plan.share_token`). A trait's step takes its arguments as `step__argument`:
`rows__goals=[...]` (fill_rows), `review__actor=...` (review_plan), `share__label=...`
(share_plan). A test that needs rows made between two steps calls the step itself."""

import datetime
from collections.abc import Sequence

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.utils import timezone
from factory.django import DjangoModelFactory

from plan_builder import services
from plan_builder.models import (
    Action,
    AgreedBy,
    Attachment,
    ConsentToShare,
    Contact,
    ContactKind,
    Goal,
    GoalRating,
    Person,
    Plan,
    ReviewType,
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
        skip_postgeneration_save = True

    class Params:
        full = factory.Trait(
            important_people="My daughter Ann and my sister Jean.",
            communication="Give me time to find my words.",
            wellness="I sleep better after a walk.",
            please_do="Speak to me, not about me.",
            please_do_not="Rush me.",
            how_and_when_to_support="Mornings are best.",
            also_worth_knowing="I sang in the church choir for forty years.",
            contingency_actions="Ann rings the memory service.",
            contingency_contacts="Ann on 0161 496 0001.",
            consent_to_share=ConsentToShare.YES,
            consent_scope="My GP and my daughter Ann.",
            agreed_by=AgreedBy.PERSON,
            agreed_by_name=factory.SelfAttribute("person.full_name"),
            agreed_on=factory.LazyFunction(timezone.localdate),
            rows=factory.PostGeneration(
                lambda plan, create, extracted, **kw: fill_rows(plan, **kw)
            ),
        )
        reviewed = factory.Trait(
            full=True,
            review=factory.PostGeneration(
                lambda plan, create, extracted, **kw: review_plan(plan, **kw)
            ),
        )
        shared = factory.Trait(
            share=factory.PostGeneration(
                lambda plan, create, extracted, **kw: share_plan(plan, **kw)
            ),
        )

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


def fill_rows(plan: Plan, *, goals: Sequence[str] | None = None) -> None:
    """A row in every list of the plan: family and a professional (one the emergency
    contact), a strength, a need, and goals, each with an action and a rating. The goals are
    two, or one in the words of each of `goals`: none when it is empty, for a test that adds
    its own."""
    ContactFactory(plan=plan, is_emergency_contact=True)
    ContactFactory(
        plan=plan, kind=ContactKind.PROFESSIONAL, name="Jo Nurse", relationship_or_role="Nurse"
    )
    StatementFactory(plan=plan, kind=StatementKind.STRENGTH)
    StatementFactory(plan=plan, kind=StatementKind.NEED, text="I get lost on the bus.")
    if goals is None:
        made = GoalFactory.create_batch(2, plan=plan)
    else:
        made = [GoalFactory(plan=plan, description=description) for description in goals]
    for goal in made:
        ActionFactory(goal=goal)
        GoalRatingFactory(goal=goal)


def review_plan(plan: Plan, *, actor: User | None = None) -> None:
    """Start a review: `plan` becomes the next version (the one before is `plan.replaces`),
    keeping the plan's review date, so that `PlanFactory(reviewed=True, review_due=...)`
    gives the date asked for."""
    services.plan_start_review(
        plan=plan,
        actor=actor or plan.lead_practitioner or UserFactory(),
        review_type=ReviewType.PLANNED,
        review_due=plan.review_due,
    )


def share_plan(
    plan: Plan, *, actor: User | None = None, label: str = "Peggy and her daughter Ann"
) -> None:
    """Make a shared link, open for four weeks. It is kept on `plan.share_link` and its
    token, shown only once, on `plan.share_token`."""
    plan.share_link, plan.share_token = services.share_link_create(
        plan=plan,
        actor=actor or plan.lead_practitioner or UserFactory(),
        label=label,
        expires_at=timezone.now() + datetime.timedelta(days=28),
    )
