"""The plan page: it opens with the NHS.UK task list (what is done and what is left, worked out
by selectors.plan_tasks), offers a review only once there is something to review, and shows
"saved" in the section that changed."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.models import ContactKind, Plan, StatementKind
from plan_builder.selectors import has_something_to_review, plan_detail, plan_tasks
from tests.factories import ResourcePageFactory
from tests.plan_factories import (
    ActionFactory,
    ContactFactory,
    GoalFactory,
    PersonFactory,
    PlanFactory,
    StatementFactory,
    date_post,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 3)


@pytest.fixture
def empty_plan(team):
    """A plan with the person's details and review date only, as "Start a new plan" makes."""
    return PlanFactory(
        person=PersonFactory(
            team=team,
            full_name="Peggy Example",
            date_of_birth=None,
            phone="",
            gp_practice="",
        ),
        what_matters_most="",
        warning_signs="",
        review_responsible="",
        review_due=TODAY + datetime.timedelta(days=200),
    )


def tasks_of(plan) -> dict:
    """Each section's (status, hint), by its anchor on the plan page."""
    return {
        task.anchor: (str(task.status.label), task.hint)
        for task in plan_tasks(plan_detail(Plan.objects.get(pk=plan.pk)), today=TODAY)
    }


def status_of(plan, anchor: str) -> str:
    return tasks_of(plan)[anchor][0]


# The status of each section ---------------------------------------------------------------


def test_a_new_plan_has_every_section_to_do(empty_plan):
    tasks = tasks_of(empty_plan)

    assert list(tasks) == [
        "person",
        "goals",
        "attachments",
        "about-me",
        "strengths",
        "needs",
        "contacts",
        "contingency",
        "agreement",
        "review",
    ], "in the order of the page"
    assert tasks == {
        "person": (
            "In progress",
            "Still to add: date of birth, a way to contact them, GP practice",
        ),
        "goals": ("Not started", ""),
        "attachments": ("Not started", ""),
        "about-me": ("Not started", ""),
        "strengths": ("Not started", ""),
        "needs": ("Not started", ""),
        "contacts": ("Not started", ""),
        "contingency": ("Not started", ""),
        "agreement": ("Not agreed yet", "Consent to share not asked yet"),
        "review": ("In progress", "Review by Saturday 19 September 2026. Say who will review it"),
    }


def test_the_persons_details_are_complete_with_birth_date_gp_and_a_way_to_reach_them(
    empty_plan,
):
    person = empty_plan.person
    person.date_of_birth = datetime.date(1944, 5, 17)
    person.gp_practice = "Example Medical Centre"
    person.save()
    assert tasks_of(empty_plan)["person"] == ("In progress", "Still to add: a way to contact them")

    person.email = "peggy@example.org"
    person.save()
    assert tasks_of(empty_plan)["person"] == ("Completed", "")


def test_goals_are_complete_when_every_goal_has_an_action(empty_plan):
    first = GoalFactory(plan=empty_plan)
    GoalFactory(plan=empty_plan)
    ActionFactory(goal=first)

    assert tasks_of(empty_plan)["goals"] == (
        "In progress",
        "2 goals, 1 action. 1 goal has no action yet",
    )

    ActionFactory(goal=empty_plan.goals.last())
    assert tasks_of(empty_plan)["goals"] == ("Completed", "2 goals, 2 actions")


def test_resources_and_organisations_are_complete_once_something_is_given(
    empty_plan, user, site_tree
):
    resource = ResourcePageFactory(parent=site_tree["library"])
    services.attachment_create(
        plan=empty_plan,
        actor=user,
        attachable_key="resources.resourcepage",
        object_id=str(resource.pk),
    )

    assert tasks_of(empty_plan)["attachments"] == ("Completed", "1 resource, 0 organisations")


def test_about_me_is_complete_when_every_question_is_answered(empty_plan):
    empty_plan.what_matters_most = "My garden"
    empty_plan.save()
    assert tasks_of(empty_plan)["about-me"] == ("In progress", "1 of 8 questions answered")

    for name in [
        "important_people",
        "communication",
        "wellness",
        "please_do",
        "please_do_not",
        "how_and_when_to_support",
        "also_worth_knowing",
    ]:
        setattr(empty_plan, name, "Something")
    empty_plan.save()
    assert tasks_of(empty_plan)["about-me"] == ("Completed", "8 of 8 questions answered")


def test_strengths_and_needs_are_complete_once_one_is_recorded(empty_plan):
    StatementFactory(plan=empty_plan, kind=StatementKind.STRENGTH)
    StatementFactory(plan=empty_plan, kind=StatementKind.STRENGTH)

    tasks = tasks_of(empty_plan)
    assert tasks["strengths"] == ("Completed", "2 strengths")
    assert tasks["needs"] == ("Not started", "")

    StatementFactory(plan=empty_plan, kind=StatementKind.NEED)
    assert tasks_of(empty_plan)["needs"] == ("Completed", "1 need or concern")


def test_contacts_are_complete_once_there_is_an_emergency_contact(empty_plan):
    ContactFactory(plan=empty_plan, kind=ContactKind.PROFESSIONAL, is_emergency_contact=False)
    assert tasks_of(empty_plan)["contacts"] == (
        "In progress",
        "1 contact. No emergency contact yet",
    )

    ContactFactory(plan=empty_plan, is_emergency_contact=True)
    assert tasks_of(empty_plan)["contacts"] == ("Completed", "2 contacts")


def test_the_contingency_plan_is_complete_with_all_three_parts(empty_plan):
    empty_plan.warning_signs = "Stops answering the phone"
    empty_plan.save()
    assert status_of(empty_plan, "contingency") == "In progress"

    empty_plan.contingency_actions = "Ring Ann"
    empty_plan.contingency_contacts = "Ann, 0161 496 0001"
    empty_plan.save()
    assert status_of(empty_plan, "contingency") == "Completed"


def test_the_agreement_says_agreed_and_whether_consent_was_asked(empty_plan):
    empty_plan.agreed_by = "person"
    empty_plan.agreed_by_name = "Peggy Example"
    empty_plan.agreed_on = TODAY
    empty_plan.consent_to_share = "yes"
    empty_plan.consent_scope = "Her daughter Ann"
    empty_plan.save()

    assert tasks_of(empty_plan)["agreement"] == ("Agreed", "Consent to share: Yes")


def test_the_review_is_complete_when_someone_will_do_it_and_overdue_after_its_date(empty_plan):
    empty_plan.review_responsible = "Sam, dementia adviser"
    empty_plan.save()
    assert tasks_of(empty_plan)["review"] == (
        "Completed",
        "Review by Saturday 19 September 2026",
    )

    Plan.objects.filter(pk=empty_plan.pk).update(review_due=TODAY - datetime.timedelta(days=1))
    assert status_of(empty_plan, "review") == "Overdue"


def test_an_earlier_version_is_never_overdue(team):
    earlier = PlanFactory(reviewed=True, person__team=team).replaces
    Plan.objects.filter(pk=earlier.pk).update(review_due=TODAY - datetime.timedelta(days=9))

    assert status_of(earlier, "review") != "Overdue"


# On the page ------------------------------------------------------------------------------


def task_list(html: str) -> str:
    return html.split('id="plan-sections"', 1)[1].split("</section>", 1)[0]


def test_the_plan_page_opens_with_the_task_list(signed_in, empty_plan):
    GoalFactory(plan=empty_plan)

    html = signed_in.get(reverse("plan_builder:plan_detail", args=[empty_plan.pk])).content.decode()

    assert html.index('id="plan-sections"') < html.index('id="person"')
    tasks = task_list(html)
    assert "0 of 10 sections complete." in tasks
    assert 'href="#goals" aria-describedby="task-goals-hint task-goals-status">' in tasks
    assert "1 goal, 0 actions. 1 goal has no action yet" in tasks
    assert '<strong class="nhsuk-tag nhsuk-tag--blue">In progress</strong>' in tasks
    for anchor in ["person", "goals", "attachments", "about-me", "contacts", "review"]:
        assert f'href="#{anchor}"' in tasks
        assert f'id="{anchor}"' in html, "each link goes to its section"


def test_a_completed_section_is_shown_as_the_task_list_shows_done_tasks(signed_in, plan):
    html = signed_in.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()

    tasks = task_list(html)
    assert re.search(
        r'<div class="nhsuk-task-list__status nhsuk-task-list__status--completed" '
        r'id="task-person-status">\s*Completed\s*</div>',
        tasks,
    )


def test_an_earlier_version_shows_the_task_list_too(signed_in, team):
    earlier = PlanFactory(reviewed=True, person__team=team).replaces

    html = signed_in.get(reverse("plan_builder:plan_detail", args=[earlier.pk])).content.decode()

    assert "This is an earlier version" in html
    assert 'href="#goals"' in task_list(html)


# Starting a review ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    ["goal", "strength", "need", "contact", "about me", "contingency", "agreement", "resource"],
)
def test_anything_beyond_the_persons_details_is_something_to_review(
    empty_plan, user, site_tree, content
):
    assert not has_something_to_review(plan_detail(empty_plan))
    if content == "goal":
        GoalFactory(plan=empty_plan)
    elif content in ("strength", "need"):
        StatementFactory(plan=empty_plan, kind=content)
    elif content == "contact":
        ContactFactory(plan=empty_plan)
    elif content == "resource":
        services.attachment_create(
            plan=empty_plan,
            actor=user,
            attachable_key="resources.resourcepage",
            object_id=str(ResourcePageFactory(parent=site_tree["library"]).pk),
        )
    else:
        field, value = {
            "about me": ("please_do", "Talk to me, not about me"),
            "contingency": ("contingency_contacts", "Ann"),
            "agreement": ("agreed_on", TODAY),
        }[content]
        setattr(empty_plan, field, value)
        empty_plan.agreed_by = "person" if content == "agreement" else ""
        empty_plan.save()

    assert has_something_to_review(plan_detail(Plan.objects.get(pk=empty_plan.pk)))


def test_a_new_plan_does_not_offer_a_review(signed_in, empty_plan):
    html = signed_in.get(reverse("plan_builder:plan_detail", args=[empty_plan.pk])).content.decode()

    assert "Start a review" not in html
    assert reverse("plan_builder:start_review", args=[empty_plan.pk]) not in html


def test_the_review_address_of_a_new_plan_explains_and_makes_no_version(signed_in, empty_plan):
    url = reverse("plan_builder:start_review", args=[empty_plan.pk])

    page = signed_in.get(url)
    sent = signed_in.post(
        url, {"review_type": "planned", **date_post("review_due", timezone.localdate())}
    )

    for response in (page, sent):
        assert response.status_code == 200
        html = response.content.decode()
        assert "There is nothing to review yet" in html
        assert "This plan has only the person's details so far." in html
        assert "Start the review" not in html
    assert Plan.objects.filter(person=empty_plan.person).count() == 1


def test_a_plan_with_a_goal_offers_a_review(signed_in, empty_plan):
    GoalFactory(plan=empty_plan)

    html = signed_in.get(reverse("plan_builder:plan_detail", args=[empty_plan.pk])).content.decode()
    form = signed_in.get(reverse("plan_builder:start_review", args=[empty_plan.pk]))

    assert "Start a review" in html
    assert "Start the review" in form.content.decode()


# "Saved", where the change was made -------------------------------------------------------


def section(html: str, anchor: str) -> str:
    """The section of the plan page whose heading has this id."""
    return html.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize(
    ("url_name", "args", "data", "anchor", "message"),
    [
        ("row_add", ["goals"], {"description": "Bake bread", "importance": 6}, "goals", "Added."),
        ("section_edit", ["contingency"], {"warning_signs": "Quiet"}, "contingency", "Saved."),
        ("row_add", ["strengths"], {"text": "Good with plants"}, "strengths", "Added."),
        (
            "person_edit",
            [],
            {"full_name": "Peggy Example", "preferred_language": "en"},
            "person",
            "Saved.",
        ),
    ],
    ids=["goal", "contingency", "strength", "person"],
)
def test_saved_is_said_in_the_section_that_changed(
    signed_in, plan, url_name, args, data, anchor, message
):
    url = reverse(f"plan_builder:{url_name}", args=[plan.pk, *args])
    data = {"status": "active", **data, "revision": Plan.objects.get(pk=plan.pk).edit_revision}

    response = signed_in.post(url, data)

    assert response["Location"].endswith(f"#{anchor}")
    html = signed_in.get(response["Location"]).content.decode()
    saved = section(html, anchor)
    assert 'role="alert"' in saved
    assert f'<p class="nhsuk-notification-banner__heading">{message}</p>' in saved
    top = html.split('id="plan-sections"', 1)[0]
    assert "nhsuk-notification-banner" not in top, "not at the top, out of sight"
    assert html.count("nhsuk-notification-banner--success") == 1


def test_a_message_about_the_whole_plan_stays_at_the_top(signed_in, team):
    response = signed_in.post(
        reverse("plan_builder:plan_create"),
        {
            "full_name": "Harold Example",
            "preferred_language": "en",
            "team": team.pk,
            **date_post("review_due", timezone.localdate() + datetime.timedelta(days=60)),
        },
    )

    html = signed_in.get(response["Location"]).content.decode()

    top = html.split('id="plan-sections"', 1)[0]
    assert "Plan started. Now add what matters to them." in top
