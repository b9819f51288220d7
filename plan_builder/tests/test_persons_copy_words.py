"""The person's copy says where each goal, action and referral stands in plain words addressed
to the person, not as the status names the practitioner picks from."""

import datetime

import pytest
from django.urls import reverse

from plan_builder.models import (
    ActionStatus,
    AgreedBy,
    Attachment,
    GoalStatus,
    ReferralStatus,
    SupportType,
)
from plan_builder.persons_copy_words import support_words
from plan_builder.tests.factories import ActionFactory, GoalFactory, PlanFactory

pytestmark = pytest.mark.django_db

GOAL_WORDS = {
    GoalStatus.ACTIVE: None,
    GoalStatus.ACHIEVED: "You have done this.",
    GoalStatus.ON_HOLD: "This goal is on hold for now.",
    GoalStatus.STOPPED: "You have stopped working on this goal.",
}
ACTION_WORDS = {
    ActionStatus.PLANNED: None,
    ActionStatus.IN_PROGRESS: "This has started.",
    ActionStatus.DONE: "This is done.",
    ActionStatus.DECLINED: "This is not going ahead.",
}


@pytest.mark.parametrize("status", list(GoalStatus))
def test_a_goals_status_is_said_to_the_person(signed_in, team, status):
    plan = PlanFactory(person__team=team)
    GoalFactory(plan=plan, status=status)

    page = signed_in.get(reverse("plan_builder:my_plan", args=[plan.pk])).content.decode()

    for other_status, words in GOAL_WORDS.items():
        if words:
            assert (words in page) == (other_status == status), words


@pytest.mark.parametrize("status", list(ActionStatus))
def test_an_actions_status_is_said_to_the_person(signed_in, team, status):
    plan = PlanFactory(person__team=team)
    ActionFactory(goal=GoalFactory(plan=plan), status=status)

    page = signed_in.get(reverse("plan_builder:my_plan", args=[plan.pk])).content.decode()

    for other_status, words in ACTION_WORDS.items():
        if words:
            assert (words in page) == (other_status == status), words


@pytest.mark.parametrize(
    ("support_type", "referral_status", "words"),
    [
        (SupportType.SIGNPOSTED, "", "You can contact them yourself when you are ready."),
        (SupportType.REFERRED, ReferralStatus.NOT_SENT, "We are going to ask them"),
        (SupportType.REFERRED, ReferralStatus.SENT, "They should contact you soon."),
        (SupportType.REFERRED, ReferralStatus.ACCEPTED, "They have said yes"),
        (SupportType.REFERRED, ReferralStatus.DECLINED, "Ask us what else could help."),
        (SupportType.REFERRED, ReferralStatus.COMPLETED, "This is now finished."),
    ],
)
def test_what_happens_next_with_an_organisation(support_type, referral_status, words):
    attachment = Attachment(support_type=support_type, referral_status=referral_status)
    assert words in str(support_words(attachment))


def test_the_copy_tells_the_person_they_agreed_it_and_when(signed_in, team):
    plan = PlanFactory(
        person__team=team, agreed_by=AgreedBy.PERSON, agreed_on=datetime.date(2026, 3, 3)
    )

    page = signed_in.get(reverse("plan_builder:my_plan", args=[plan.pk])).content.decode()

    assert "<p>You agreed this plan on Tuesday 3 March 2026.</p>" in page


def test_the_copy_names_whoever_agreed_it_with_the_person(signed_in, team):
    plan = PlanFactory(
        person__team=team,
        agreed_by=AgreedBy.ATTORNEY,
        agreed_by_name="Ann <b>Example</b>",
        agreed_on=datetime.date(2026, 3, 3),
    )

    page = signed_in.get(reverse("plan_builder:my_plan", args=[plan.pk])).content.decode()

    assert (
        '<p><bdi dir="ltr">Ann &lt;b&gt;Example&lt;/b&gt;</bdi> agreed this plan with you'
        " on Tuesday 3 March 2026.</p>"
    ) in page


def test_the_copy_says_nothing_of_agreement_before_the_plan_is_agreed(signed_in, team):
    plan = PlanFactory(person__team=team, agreed_by="", agreed_on=None)

    page = signed_in.get(reverse("plan_builder:my_plan", args=[plan.pk])).content.decode()

    assert "agreed this plan" not in page
