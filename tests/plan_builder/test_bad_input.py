"""Bad input on the plan forms that test_forms.py does not already try: the person's details,
contacts, actions, ratings, the review date, starting a review, agreement, what was given and
share links. Each says what is wrong beside the field, keeps everything else typed, saves
nothing, and never fails with a server error."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.conf import add_months
from plan_builder.models import Person, Plan, ShareLink
from plan_builder.tests.reading import field_error
from tests.factories import SupportOrganisationFactory
from tests.plan_factories import GoalFactory, PlanFactory, TeamFactory, date_post

pytestmark = pytest.mark.django_db


def days(count: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=count)


TOO_FAR = add_months(timezone.localdate(), 12) + datetime.timedelta(days=1)


def kept_date(name: str, value: datetime.date) -> str:
    """A date still in its boxes on the page."""
    return f'name="{name}-year" value="{value.year}"'


@pytest.fixture
def goal(plan):
    return GoalFactory(plan=plan, description="Sing in the choir again.")


def unchanged(plan) -> tuple:
    """Anything a form saves moves the plan's revision on or adds a version or a link."""
    return (
        Plan.objects.get(pk=plan.pk).edit_revision,
        Plan.objects.count(),
        ShareLink.objects.count(),
        Person.objects.values_list("full_name", "nhs_number", "phone").get(pk=plan.person_id),
    )


PERSON = {
    "full_name": "Peggy Example",
    "preferred_name": "Peggy",
    "nhs_number": "943 476 5919",
    "phone": "0161 496 0000",
    "preferred_language": "en",
    "gp_practice": "Example Medical Centre",
}
CONTACT = {"kind": "personal", "name": "Ann Daughter", "phone": "0161 496 0001"}
ACTION = {"description": "Ring the choir leader", "who": "Ann", "status": "planned"}
RATING = {**date_post("rated_on", days(0)), "attainment": "5", "note": "Went with Ann"}
AGREEMENT = {
    "agreed_by": "person",
    "agreed_by_name": "Margaret Example",
    **date_post("agreed_on", days(0)),
    "consent_to_share": "no",
}
REVIEW_DATE = {**date_post("review_due", days(60)), "review_responsible": "Jo, community nurse"}
START_REVIEW = {"review_type": "requested", **date_post("review_due", days(60))}
SHARE = {"label": "Peggy and Ann", **date_post("expires_on", days(28))}
DATE_FIELDS = {
    "date_of_birth",
    "due_date",
    "about_me_written_on",
    "agreed_on",
    "review_due",
    "expires_on",
    "rated_on",
}

# (form, data it starts from, field, bad value, message beside the field, something else
# typed that must still be on the page). A date is typed into its three boxes; a string for a
# date field goes into all three.
CASES = [
    ("person", PERSON, "nhs_number", "9434765918", "not a valid NHS number", "Example Medical"),
    ("person", PERSON, "nhs_number", "943476591X", "10 digits", "Example Medical"),
    ("person", PERSON, "nhs_number", "12345", "10 digits", "Example Medical"),
    ("person", PERSON, "date_of_birth", days(1), "Enter a date of birth in the past", "943 476"),
    (
        "person",
        PERSON,
        "date_of_birth",
        datetime.date(1899, 12, 31),
        "after 1 January 1900",
        "Example Medical",
    ),
    ("person", PERSON, "date_of_birth", "x", "Date of birth must be a real date", "Example"),
    ("person", PERSON, "phone", "not a number", "area code", "Example Medical"),
    ("person", PERSON, "email", "peggy@", "Enter an email address in the correct", "Example"),
    ("person", PERSON, "full_name", "", "Enter the person's full name", "Example Medical"),
    ("contacts", CONTACT, "phone", "not a number", "area code", "Ann Daughter"),
    ("contacts", CONTACT, "email", "ann at example", "in the correct format", "Ann Daughter"),
    ("contacts", CONTACT, "kind", "stranger", "Choose the type of contact", "Ann Daughter"),
    ("contacts", CONTACT, "name", "", "Enter the contact's name", "0161 496 0001"),
    ("actions", ACTION, "confidence", "11", "Choose how confident the person", "Ring the choir"),
    ("actions", ACTION, "due_date", "next Tuesday", "must be a real date", "Ring the choir"),
    ("actions", ACTION, "who", "", "Enter who will do it", "Ring the choir leader"),
    ("actions", ACTION, "description", "", "Enter what will happen", 'value="Ann"'),
    ("actions", ACTION, "status", "", "Choose the action's status", "Ring the choir leader"),
    ("ratings", RATING, "attainment", "lots", "Choose how well it is going", "Went with Ann"),
    ("ratings", RATING, "satisfaction", "0", "Choose how happy they are", "Went with Ann"),
    ("ratings", RATING, "rated_on", "", "Enter the date of the rating", "Went with Ann"),
    (
        "about-me",
        {"wellness": "Sleeps well"},
        "about_me_written_on",
        days(1),
        "The date it was written must be today or in the past",
        "Sleeps",
    ),
    ("agreement", AGREEMENT, "agreed_on", days(1), "must be today or in the past", "Margaret"),
    ("agreement", AGREEMENT, "agreed_on", "", "Enter the date the plan was agreed", "Margaret"),
    ("agreement", AGREEMENT, "agreed_by", "", "Choose who agreed the plan", "Margaret"),
    ("agreement", AGREEMENT, "consent_to_share", "", "Choose whether they agreed", "Margaret"),
    ("review-date", REVIEW_DATE, "review_due", days(-1), "today or in the future", "Jo, comm"),
    ("review-date", REVIEW_DATE, "review_due", TOO_FAR, "within 12 months", "Jo, community"),
    ("review-date", REVIEW_DATE, "review_due", "", "Enter the date of the next review", "Jo"),
    ("review", START_REVIEW, "review_due", days(-1), "today or in the future", 'value="requ'),
    ("review", START_REVIEW, "review_due", TOO_FAR, "within 12 months", 'value="requested"'),
    (
        "review",
        START_REVIEW,
        "review_type",
        "first",
        "Choose the type of review",
        kept_date("review_due", days(60)),
    ),
    ("share", SHARE, "expires_on", days(-1), "after today", "Peggy and Ann"),
    ("share", SHARE, "expires_on", days(401), "at most 400 days", "Peggy and Ann"),
    ("share", SHARE, "expires_on", "", "Enter the date the link stops working", "Peggy and"),
    ("share", SHARE, "label", "", "Enter who the link is for", kept_date("expires_on", days(28))),
    (
        "share",
        SHARE,
        "label",
        "x" * 101,
        "“Who is this link for?” must be 100 characters or fewer",
        kept_date("expires_on", days(28)),
    ),
]


def typed(field: str, value) -> dict:
    if field in DATE_FIELDS:
        return date_post(field, value)
    return {field: value}


def form_url(form: str, plan, goal) -> str:
    if form == "person":
        return reverse("plan_builder:person_edit", args=[plan.pk])
    if form in ("actions", "ratings"):
        return reverse("plan_builder:goal_row_add", args=[plan.pk, goal.pk, form])
    if form == "contacts":
        return reverse("plan_builder:row_add", args=[plan.pk, form])
    if form == "review":
        return reverse("plan_builder:start_review", args=[plan.pk])
    if form == "share":
        return reverse("plan_builder:share", args=[plan.pk])
    return reverse("plan_builder:section_edit", args=[plan.pk, form])


@pytest.mark.parametrize(
    ("form", "data", "field", "value", "message", "kept"),
    CASES,
    ids=[f"{case[0]}-{case[2]}-{str(case[3])[:12]}" for case in CASES],
)
def test_bad_input_is_explained_beside_the_field_and_nothing_is_lost(
    signed_in, plan, goal, form, data, field, value, message, kept
):
    before = unchanged(plan)

    response = signed_in.post(
        form_url(form, plan, goal), {**data, **typed(field, value), "revision": plan.edit_revision}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert message in field_error(html, f"id_{field}"), field_error(html, f"id_{field}")
    assert "There is a problem" in html
    assert "<title>Error: " in html
    assert kept in html
    assert unchanged(plan) == before
    assert not goal.actions.exists() and not goal.ratings.exists()


def test_a_referral_without_a_status_is_explained_and_keeps_the_reason(
    signed_in, plan, user, site_tree
):
    attachment = services.attachment_create(
        plan=plan,
        actor=user,
        attachable_key="resources.supportorganisation",
        object_id=str(SupportOrganisationFactory().pk),
    )
    before = unchanged(plan)

    response = signed_in.post(
        reverse("plan_builder:row_edit", args=[plan.pk, "attachments", attachment.pk]),
        {
            "reason": "Advice for Ann as your carer",
            "support_type": "referred",
            "referral_status": "",
            "revision": Plan.objects.get(pk=plan.pk).edit_revision,
        },
    )

    html = response.content.decode()
    assert "Choose where the referral has got to" in field_error(html, "id_referral_status")
    assert "Advice for Ann as your carer" in html
    assert unchanged(plan) == before
    attachment.refresh_from_db()
    assert attachment.support_type == "signposted"


def test_a_new_plan_needs_a_team_and_a_review_date(signed_in):
    response = signed_in.post(
        reverse("plan_builder:plan_create"),
        {"full_name": "Margaret Example", "preferred_language": "en", "gp_practice": "Example"},
    )

    html = response.content.decode()
    assert field_error(html, "id_team") == "Choose the team the plan belongs to"
    assert field_error(html, "id_review_due") == "Enter the date of the next review"
    assert 'value="Margaret Example"' in html
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    "url_name", ["plan_builder:row_edit", "plan_builder:row_delete"], ids=["edit", "remove"]
)
@pytest.mark.parametrize("kind", ["contacts", "goals", "actions", "ratings", "attachments"])
def test_ids_made_up_or_from_another_teams_plan_are_not_found(signed_in, plan, url_name, kind):
    elsewhere = GoalFactory(plan=PlanFactory(person__team=TeamFactory()))
    rows = {
        "contacts": elsewhere.plan.contacts.create(kind="personal", name="Someone"),
        "goals": elsewhere,
        "actions": elsewhere.actions.create(description="Walk", who="Bob"),
        "ratings": elsewhere.ratings.create(rated_on=timezone.localdate(), attainment=3),
    }
    row_id = rows[kind].pk if kind in rows else 424242

    for method in (signed_in.get, signed_in.post):
        response = method(reverse(url_name, args=[plan.pk, kind, row_id]))
        assert response.status_code == 404
        assert "Someone" not in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).edit_revision == plan.edit_revision


@pytest.mark.parametrize("path", ["/plans/abc/", "/plans/99999999999999999999/", "/plans/0/"])
def test_made_up_plan_addresses_are_not_found(signed_in, path):
    assert signed_in.get(path).status_code == 404
