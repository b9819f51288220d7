"""The FHIR R4 mapping in detail, straight from `plan_bundle` and `person_bundle`."""

import datetime

import pytest

from plan_builder import services
from plan_builder.fhir import SNOMED, person_bundle, plan_bundle
from plan_builder.models import (
    ActionStatus,
    AgreedBy,
    ConsentToShare,
    ContactKind,
    GoalStatus,
    ReferralStatus,
    ReviewType,
    StatementKind,
    SupportType,
)
from tests.factories import ResourcePageFactory, SupportOrganisationFactory
from tests.plan_builder.fhir_bundles import by_url, only, references, resources_of, validate
from tests.plan_factories import (
    ActionFactory,
    ContactFactory,
    GoalFactory,
    GoalRatingFactory,
    PersonFactory,
    PlanFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
REVIEW_OF_CARE_PLAN = "425268008"
BASE_URL = "http://testserver/"
TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def plan(team, user):
    person = PersonFactory(
        team=team, preferred_language="cy", email="peggy@example.org", nhs_number="9434765919"
    )
    plan = PlanFactory(
        person=person,
        lead_practitioner=user,
        review_due=datetime.date(2026, 9, 1),
        review_responsible="Sam, dementia adviser",
    )
    ContactFactory(plan=plan, name="Ann Example", is_next_of_kin=True)
    ContactFactory(
        plan=plan,
        kind=ContactKind.PROFESSIONAL,
        name="Dr Patel",
        relationship_or_role="GP",
        organisation="Example Surgery",
        is_carer=False,
        is_key_worker=True,
    )
    StatementFactory(plan=plan, kind=StatementKind.STRENGTH, text="I love my garden.")
    StatementFactory(plan=plan, kind=StatementKind.NEED, text="I get lost in town.")
    walking = GoalFactory(plan=plan, description="I want to walk to the shops.", importance=9)
    GoalFactory(plan=plan, description="I want to sing again.", importance=3)
    GoalRatingFactory(goal=walking, rated_on=TODAY, attainment=3, satisfaction=4)
    GoalRatingFactory(
        goal=walking, rated_on=TODAY + datetime.timedelta(days=30), attainment=6, satisfaction=7
    )
    ActionFactory(
        goal=walking,
        description="Walk with Ann",
        status=ActionStatus.PLANNED,
        due_date=datetime.date(2026, 5, 1),
        timing="Every Tuesday",
    )
    ActionFactory(
        goal=walking,
        description="Buy walking shoes",
        status=ActionStatus.DONE,
        due_date=datetime.date(2026, 4, 1),
        timing="",
    )
    ActionFactory(goal=walking, description="Use a taxi", status=ActionStatus.DECLINED)
    ActionFactory(
        goal=walking, description="Practise the route", status=ActionStatus.IN_PROGRESS, timing=""
    )
    return plan


@pytest.fixture
def attached(site_tree, plan, user):
    """A resource, an organisation the person was referred to and one they were told about."""
    resource = ResourcePageFactory(parent=site_tree["library"], title="Walking with dementia")
    referred = SupportOrganisationFactory(name="Walking Group")
    signposted = SupportOrganisationFactory(name="Singing for the Brain")
    walking = plan.goals.get(description__startswith="I want to walk")
    return {
        "resource": services.attachment_create(
            plan=plan,
            actor=user,
            attachable_key="resources.resourcepage",
            object_id=str(resource.pk),
            reason="To plan safe routes.",
        ),
        "referred": services.attachment_create(
            plan=plan,
            actor=user,
            attachable_key="resources.supportorganisation",
            object_id=str(referred.pk),
            goal=walking,
            support_type=SupportType.REFERRED,
            referral_status=ReferralStatus.SENT,
        ),
        "signposted": services.attachment_create(
            plan=plan,
            actor=user,
            attachable_key="resources.supportorganisation",
            object_id=str(signposted.pk),
            support_type=SupportType.SIGNPOSTED,
        ),
    }


def test_bundle_is_valid_r4_and_every_reference_resolves(plan, attached):
    bundle = plan_bundle(plan, base_url=BASE_URL)

    validate(bundle)
    assert bundle["type"] == "collection"
    full_urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(full_urls) == len(set(full_urls))
    assert all(url.startswith("urn:uuid:") for url in full_urls)
    refs = references(bundle["entry"])
    assert refs
    assert set(refs) <= set(full_urls)


def test_full_urls_are_stable_for_a_site_and_differ_between_sites(plan):
    first = [entry["fullUrl"] for entry in plan_bundle(plan, base_url=BASE_URL)["entry"]]
    again = [entry["fullUrl"] for entry in plan_bundle(plan, base_url=BASE_URL)["entry"]]
    elsewhere = plan_bundle(plan, base_url="https://other.example/")["entry"]

    assert first == again
    assert not set(first) & {entry["fullUrl"] for entry in elsewhere}


def test_patient_carries_nhs_number_language_and_gp(plan):
    patient = only(plan_bundle(plan, base_url=BASE_URL), "Patient")

    assert patient["identifier"] == [{"system": NHS_NUMBER_SYSTEM, "value": "9434765919"}]
    assert patient["birthDate"] == "1944-05-17"
    assert {"use": "usual", "text": "Peggy"} in patient["name"]
    (communication,) = patient["communication"]
    assert communication["preferred"] is True
    assert communication["language"]["coding"] == [
        {"system": "urn:ietf:bcp:47", "code": "cy", "display": "Welsh"}
    ]
    assert {"system": "email", "value": "peggy@example.org"} in patient["telecom"]
    assert patient["generalPractitioner"] == [{"display": "Example Medical Centre"}]


def test_patient_without_nhs_number_has_no_identifier(plan):
    plan.person.nhs_number = ""
    plan.person.save()

    patient = only(plan_bundle(plan, base_url=BASE_URL), "Patient")

    assert "identifier" not in patient


def test_goals_carry_the_persons_words_and_their_ratings(plan):
    bundle = plan_bundle(plan, base_url=BASE_URL)
    goals = {goal["description"]["text"]: goal for goal in resources_of(bundle, "Goal")}
    care_plan = only(bundle, "CarePlan")
    lookup = by_url(bundle)

    assert set(goals) == {"I want to walk to the shops.", "I want to sing again."}
    assert len(care_plan["goal"]) == 2
    walking = goals["I want to walk to the shops."]
    assert walking["lifecycleStatus"] == "active"
    assert walking["achievementStatus"]["coding"][0]["code"] == "improving"
    assert walking["priority"]["coding"][0]["code"] == "high-priority"
    assert goals["I want to sing again."]["priority"]["coding"][0]["code"] == "low-priority"
    assert walking["expressedBy"] == walking["subject"]
    ratings = [lookup[ref["reference"]] for ref in walking["outcomeReference"]]
    assert [rating["valueInteger"] for rating in ratings] == [3, 6]
    assert [rating["component"][0]["valueInteger"] for rating in ratings] == [4, 7]
    assert all(rating["status"] == "final" for rating in ratings)
    assert ratings[0]["code"]["text"] == "Goal attainment rating"
    assert ratings[0]["effectiveDateTime"] == TODAY.isoformat()
    assert lookup[ratings[0]["focus"][0]["reference"]] is walking


def test_goal_status_maps_to_lifecycle(plan):
    plan.goals.filter(description__startswith="I want to sing").update(status=GoalStatus.ACHIEVED)

    goals = resources_of(plan_bundle(plan, base_url=BASE_URL), "Goal")
    singing = next(goal for goal in goals if goal["description"]["text"].startswith("I want to s"))

    assert singing["lifecycleStatus"] == "completed"
    assert singing["achievementStatus"]["coding"][0]["code"] == "achieved"


def test_each_action_is_an_activity_with_its_status_schedule_and_goal(plan):
    bundle = plan_bundle(plan, base_url=BASE_URL)
    care_plan = only(bundle, "CarePlan")
    lookup = by_url(bundle)
    details = {
        activity["detail"]["description"]: activity["detail"]
        for activity in care_plan["activity"]
        if "description" in activity.get("detail", {})
    }

    assert {name: detail["status"] for name, detail in details.items()} == {
        "Walk with Ann": "not-started",
        "Buy walking shoes": "completed",
        "Use a taxi": "cancelled",
        "Practise the route": "in-progress",
    }
    walk = details["Walk with Ann"]
    assert walk["scheduledTiming"] == {
        "code": {"text": "Every Tuesday"},
        "repeat": {"boundsPeriod": {"end": "2026-05-01"}},
    }
    assert details["Buy walking shoes"]["scheduledPeriod"] == {"end": "2026-04-01"}
    assert details["Use a taxi"]["scheduledString"] == "Every Tuesday"
    assert "scheduledString" not in details["Practise the route"]
    assert walk["performer"] == [{"display": "Ann (daughter)"}]
    goal = lookup[walk["goal"][0]["reference"]]
    assert goal["description"]["text"] == "I want to walk to the shops."


def test_review_is_an_activity_coded_review_of_care_plan(plan):
    care_plan = only(plan_bundle(plan, base_url=BASE_URL), "CarePlan")

    (review,) = [
        activity["detail"]
        for activity in care_plan["activity"]
        if activity.get("detail", {}).get("code", {}).get("coding", [{}])[0].get("system") == SNOMED
    ]
    assert review["code"]["coding"][0]["code"] == "425268008"
    assert review["code"]["coding"][0]["display"] == "Review of care plan"
    assert review["scheduledTiming"] == {"event": ["2026-09-01"]}
    assert review["status"] == "not-started"
    assert review["performer"] == [{"display": "Sam, dementia adviser"}]


def test_care_plan_describes_the_plan(plan, user):
    care_plan = only(plan_bundle(plan, base_url=BASE_URL), "CarePlan")
    notes = [note["text"] for note in care_plan["note"]]

    assert care_plan["intent"] == "plan"
    assert care_plan["status"] == "draft"
    assert care_plan["author"] == {"display": user.get_full_name()}
    assert "period" in care_plan
    assert "created" in care_plan
    assert "What matters most to me: Seeing my grandchildren and working in my garden." in notes
    assert "Strength: I love my garden." in notes
    assert "Need or concern: I get lost in town." in notes
    assert "replaces" not in care_plan


def test_an_agreed_current_plan_is_active(plan):
    plan.agreed_by = AgreedBy.PERSON
    plan.agreed_by_name = "Margaret"
    plan.agreed_on = TODAY
    plan.save()

    care_plan = only(plan_bundle(plan, base_url=BASE_URL), "CarePlan")

    assert care_plan["status"] == "active"


def test_family_are_related_people_in_the_care_team(plan, user):
    bundle = plan_bundle(plan, base_url=BASE_URL)
    care_team = only(bundle, "CareTeam")
    related = only(bundle, "RelatedPerson")
    lookup = by_url(bundle)

    assert related["name"] == [{"text": "Ann Example"}]
    assert {"system": "phone", "value": "0161 496 0001"} in related["telecom"]
    codes = [
        coding["code"]
        for concept in related["relationship"]
        for coding in concept.get("coding", [])
    ]
    assert codes == ["N"]
    members = [participant["member"] for participant in care_team["participant"]]
    assert any(lookup.get(member.get("reference")) is related for member in members)
    assert {"display": "Dr Patel, Example Surgery"} in members
    assert {"display": user.get_full_name()} in members
    assert only(bundle, "CarePlan")["careTeam"] == [
        {"reference": next(url for url, res in lookup.items() if res is care_team)}
    ]


def test_attached_resource_is_a_document_reference_in_supporting_info(plan, attached):
    bundle = plan_bundle(plan, base_url=BASE_URL)
    document = only(bundle, "DocumentReference")
    care_plan = only(bundle, "CarePlan")
    lookup = by_url(bundle)

    assert document["status"] == "current"
    urls = [content["attachment"]["url"] for content in document["content"]]
    assert urls[0] == attached["resource"].url
    assert urls[0].startswith("http://")
    assert document["content"][0]["attachment"]["title"] == "Walking with dementia"
    supporting = [lookup[ref["reference"]] for ref in care_plan["supportingInfo"]]
    assert any(item is document for item in supporting)


def test_referral_is_a_service_request_and_signposting_is_not(plan, attached):
    bundle = plan_bundle(plan, base_url=BASE_URL)
    lookup = by_url(bundle)
    organisations = {org["name"]: org for org in resources_of(bundle, "Organization")}
    (referral,) = resources_of(bundle, "ServiceRequest")

    assert set(organisations) == {"Walking Group", "Singing for the Brain"}
    assert {"system": "phone", "value": attached["referred"].phone} in organisations[
        "Walking Group"
    ]["telecom"]
    assert referral["status"] == "active"
    assert referral["intent"] == "order"
    assert lookup[referral["performer"][0]["reference"]] is organisations["Walking Group"]
    assert lookup[referral["subject"]["reference"]]["resourceType"] == "Patient"
    goal = lookup[referral["supportingInfo"][0]["reference"]]
    assert goal["description"]["text"] == "I want to walk to the shops."
    activity_refs = [
        activity["reference"]["reference"]
        for activity in only(bundle, "CarePlan")["activity"]
        if "reference" in activity
    ]
    assert [lookup[ref] for ref in activity_refs] == [referral]


@pytest.mark.parametrize(
    ("referral_status", "fhir_status"),
    [
        (ReferralStatus.NOT_SENT, "draft"),
        (ReferralStatus.ACCEPTED, "active"),
        (ReferralStatus.DECLINED, "revoked"),
        (ReferralStatus.COMPLETED, "completed"),
    ],
)
def test_referral_status_maps_to_service_request_status(
    plan, attached, referral_status, fhir_status
):
    attached["referred"].referral_status = referral_status
    attached["referred"].save()

    referral = only(plan_bundle(plan, base_url=BASE_URL), "ServiceRequest")

    assert referral["status"] == fhir_status


@pytest.mark.parametrize(
    ("consent", "status", "provision_type"),
    [
        (ConsentToShare.YES, "active", "permit"),
        (ConsentToShare.NO, "rejected", "deny"),
        (ConsentToShare.NOT_ASKED, "proposed", None),
    ],
)
def test_consent_to_share(plan, consent, status, provision_type):
    plan.consent_to_share = consent
    plan.consent_scope = "My GP and the memory clinic" if consent == ConsentToShare.YES else ""
    plan.save()

    bundle = plan_bundle(plan, base_url=BASE_URL)
    validate(bundle)
    resource = only(bundle, "Consent")

    assert resource["status"] == status
    assert resource["scope"]["coding"][0]["code"] == "patient-privacy"
    assert resource["category"][0]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "59284-0",
        "display": "Patient Consent",
    }
    assert "policyRule" in resource
    assert resource.get("provision", {}).get("type") == provision_type
    if consent == ConsentToShare.YES:
        actor = resource["provision"]["actor"][0]
        assert actor["reference"] == {"display": "My GP and the memory clinic"}


def test_a_reviewed_plan_replaces_the_version_before(plan, attached, user):
    first_pk = plan.pk
    second = services.plan_start_review(
        plan=plan, actor=user, review_type=ReviewType.PLANNED, review_due=TODAY
    )
    everything = person_bundle(second.person, base_url=BASE_URL)
    latest = plan_bundle(second, base_url=BASE_URL)

    validate(everything)
    validate(latest)
    lookup = by_url(everything)
    care_plans = {
        care_plan["title"]: care_plan for care_plan in resources_of(everything, "CarePlan")
    }
    first = care_plans["Personalised care and support plan, version 1"]
    current = care_plans["Personalised care and support plan, version 2"]
    assert lookup[current["replaces"][0]["reference"]] is first
    assert first["status"] == "completed"
    assert current["status"] == "draft"
    assert len(resources_of(everything, "Patient")) == 1
    assert len(resources_of(everything, "Goal")) == 4
    assert set(references(everything["entry"])) <= set(lookup)
    # On its own the new version names the old one by identifier, not by a dangling reference.
    (replaces,) = only(latest, "CarePlan")["replaces"]
    first_url = next(url for url, resource in lookup.items() if resource is first)
    assert replaces == {"identifier": {"system": "urn:ietf:rfc:3986", "value": first_url}}
    assert set(references(latest["entry"])) <= {entry["fullUrl"] for entry in latest["entry"]}
    assert first_pk != second.pk
