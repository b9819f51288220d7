"""The FHIR R4 export, validated entry by entry with the `fhir.resources` R4B models, and the
export of everything held about a person."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from plan_builder import services
from plan_builder.fhir import SNOMED, person_bundle, plan_bundle
from plan_builder.models import (
    ActionStatus,
    AgreedBy,
    AuditAction,
    AuditEvent,
    ConsentToShare,
    ContactKind,
    GoalStatus,
    ReferralStatus,
    ReviewType,
    StatementKind,
    SupportType,
)
from tests.factories import ResourcePageFactory, SupportOrganisationFactory
from tests.plan_factories import (
    ActionFactory,
    ContactFactory,
    GoalFactory,
    GoalRatingFactory,
    PersonFactory,
    PlanFactory,
    StatementFactory,
    TeamFactory,
    practitioner,
)

pytestmark = pytest.mark.django_db

NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
REVIEW_OF_CARE_PLAN = "425268008"
BASE_URL = "http://testserver/"
TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def world(site_tree):
    team = TeamFactory()
    user = practitioner(team)
    plan = PlanFactory(
        person__team=team,
        person__nhs_number="9434765919",
        person__preferred_language="ur",
        consent_to_share=ConsentToShare.YES,
        consent_scope="My GP and my daughter",
    )
    goal = GoalFactory(plan=plan, description="I want to walk to the shops on my own.")
    GoalFactory(plan=plan, description="I want to keep singing.")
    GoalRatingFactory(goal=goal, attainment=3, satisfaction=4)
    GoalRatingFactory(goal=goal, attainment=6, satisfaction=7)
    ActionFactory(goal=goal, description="Walk with Ann on Tuesdays.", status="in-progress")
    ActionFactory(goal=goal, description="Ask about a day centre.", status="done")
    ContactFactory(plan=plan, name="Ann Example", relationship_or_role="Daughter")
    resource = ResourcePageFactory(
        parent=site_tree["library"], title="My Life, My Goals", external_url="https://example.org/g"
    )
    services.attachment_create(
        plan=plan,
        actor=user,
        attachable_key="resources.resourcepage",
        object_id=str(resource.pk),
        goal=goal,
    )
    for name, support_type in [("Referred Line", "referred"), ("Signposted Line", "signposted")]:
        organisation = SupportOrganisationFactory(name=name)
        services.attachment_create(
            plan=plan,
            actor=user,
            attachable_key="resources.supportorganisation",
            object_id=str(organisation.pk),
            support_type=support_type,
            referral_status="sent",
        )
    return {"plan": plan, "user": user}


def export(client, world, plan=None) -> dict:
    client.force_login(world["user"])
    plan = plan or world["plan"]
    response = client.get(reverse("plan_builder:plan_fhir", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    return json.loads(response.content)


def resources_of(bundle: dict, resource_type: str) -> list[dict]:
    return [
        entry["resource"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == resource_type
    ]


def references(value) -> list[str]:
    """Every `reference` anywhere inside a resource."""
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [ref for item in value.values() for ref in references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in references(item)]
    return []


def test_the_bundle_and_every_entry_validate_against_fhir_r4(client, world):
    bundle = export(client, world)

    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"].startswith("urn:uuid:")


def test_every_reference_resolves_inside_the_bundle(client, world):
    bundle = export(client, world)

    full_urls = {entry["fullUrl"] for entry in bundle["entry"]}
    for entry in bundle["entry"]:
        for reference in references(entry["resource"]):
            assert reference in full_urls, (entry["resource"]["resourceType"], reference)


def test_the_patient_carries_the_nhs_number_and_language(client, world):
    (patient,) = resources_of(export(client, world), "Patient")

    assert {"system": NHS_NUMBER_SYSTEM, "value": "9434765919"} in [
        {"system": i["system"], "value": i["value"]} for i in patient["identifier"]
    ]
    language = patient["communication"][0]["language"]["coding"][0]
    assert language["code"] == "ur"


def test_goals_ratings_actions_and_the_review_are_all_there(client, world):
    bundle = export(client, world)

    goals = resources_of(bundle, "Goal")
    assert sorted(goal["description"]["text"] for goal in goals) == [
        "I want to keep singing.",
        "I want to walk to the shops on my own.",
    ]
    observations = resources_of(bundle, "Observation")
    assert sorted(observation["valueInteger"] for observation in observations) == [3, 6]
    walking = next(goal for goal in goals if "walk" in goal["description"]["text"])
    assert len(walking["outcomeReference"]) == 2

    (care_plan,) = resources_of(bundle, "CarePlan")
    assert care_plan["intent"] == "plan"
    details = [activity["detail"] for activity in care_plan["activity"] if "detail" in activity]
    statuses = {detail.get("description"): detail["status"] for detail in details}
    assert statuses["Walk with Ann on Tuesdays."] == "in-progress"
    assert statuses["Ask about a day centre."] == "completed"
    review_codes = [
        coding["code"] for detail in details for coding in detail.get("code", {}).get("coding", [])
    ]
    assert REVIEW_OF_CARE_PLAN in review_codes


def test_resources_are_documents_and_only_referrals_are_service_requests(client, world):
    bundle = export(client, world)

    (document,) = resources_of(bundle, "DocumentReference")
    attachments = [content["attachment"] for content in document["content"]]
    assert {attachment["title"] for attachment in attachments} == {"My Life, My Goals"}
    urls = {attachment["url"] for attachment in attachments}
    assert "https://example.org/g" in urls  # the material itself
    assert any(url.endswith("/resources/my-life-my-goals/") for url in urls)  # our page
    (care_plan,) = resources_of(bundle, "CarePlan")
    document_url = next(
        entry["fullUrl"] for entry in bundle["entry"] if entry["resource"] is document
    )
    assert {"reference": document_url} in [
        {"reference": info["reference"]} for info in care_plan["supportingInfo"]
    ]
    (referral,) = resources_of(bundle, "ServiceRequest")
    assert referral["status"] == "active"
    names = {
        resource["name"]
        for resource in resources_of(bundle, "Organization")
        + resources_of(bundle, "HealthcareService")
    }
    assert names == {"Referred Line", "Signposted Line"}


def test_family_are_related_people_in_the_care_team_and_consent_is_recorded(client, world):
    bundle = export(client, world)

    (related,) = resources_of(bundle, "RelatedPerson")
    assert related["name"][0]["text"] == "Ann Example"
    assert resources_of(bundle, "CareTeam")
    (consent,) = resources_of(bundle, "Consent")
    assert consent["status"] == "active"


def test_a_review_version_replaces_the_previous_one(client, world):
    plan = world["plan"]
    new_plan = services.plan_start_review(
        plan=type(plan).objects.get(pk=plan.pk),
        actor=world["user"],
        review_type=ReviewType.PLANNED,
        review_due=timezone.localdate() + datetime.timedelta(days=100),
    )

    (care_plan,) = resources_of(export(client, world, new_plan), "CarePlan")

    assert care_plan["replaces"]


def test_the_export_is_audited(client, world):
    export(client, world)

    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.actor == world["user"] and event.plan_ref == world["plan"].pk


def test_everything_held_comes_as_json_without_secrets(client, world):
    plan = world["plan"]
    _link, token = services.share_link_create(
        plan=plan,
        actor=world["user"],
        label="Peggy and Ann",
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    services.plan_start_review(
        plan=type(plan).objects.get(pk=plan.pk),
        actor=world["user"],
        review_type=ReviewType.REQUESTED,
        review_due=timezone.localdate() + datetime.timedelta(days=100),
    )
    client.force_login(world["user"])

    response = client.get(reverse("plan_builder:person_export", args=[plan.pk, "json"]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert plan.person.full_name not in response["Content-Disposition"]
    body = response.content.decode()
    data = json.loads(body)
    assert [version["version"] for version in data["plans"]] == [1, 2]
    assert data["share_links"][0]["label"] == "Peggy and Ann"
    assert "token_digest" not in body and token not in body
    assert {event["action"] for event in data["audit_events"]} >= {"share", "review"}


def test_everything_held_comes_as_a_valid_fhir_bundle_too(client, world):
    client.force_login(world["user"])

    response = client.get(reverse("plan_builder:person_export", args=[world["plan"].pk, "fhir"]))

    Bundle.model_validate(json.loads(response.content))
    assert response["Content-Type"] == "application/fhir+json"
    unknown = client.get(reverse("plan_builder:person_export", args=[world["plan"].pk, "xml"]))
    assert unknown.status_code == 404


# The mapping in detail, straight from `plan_bundle` and `person_bundle` --------------------


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


def validate(bundle: dict) -> None:
    """Parse the bundle back as R4B, and each entry by its own R4B model."""
    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def only(bundle: dict, resource_type: str) -> dict:
    (resource,) = resources_of(bundle, resource_type)
    return resource


def by_url(bundle: dict) -> dict[str, dict]:
    return {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}


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


# The view ----------------------------------------------------------------------------------


def fhir_url(plan):
    return reverse("plan_builder:plan_fhir", kwargs={"plan_id": plan.pk})


def test_view_exports_an_earlier_version(client, plan, user):
    first_pk = plan.pk
    services.plan_start_review(
        plan=plan, actor=user, review_type=ReviewType.PLANNED, review_due=TODAY
    )
    client.force_login(user)

    response = client.get(reverse("plan_builder:plan_fhir", kwargs={"plan_id": first_pk}))

    assert response.status_code == 200
    assert only(response.json(), "CarePlan")["status"] == "completed"


def test_view_is_not_found_for_another_team(client, plan):
    client.force_login(practitioner(TeamFactory()))

    response = client.get(fhir_url(plan))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_view_sends_the_signed_out_to_sign_in(client, plan):
    response = client.get(fhir_url(plan))

    assert response.status_code == 302
    assert response.url.startswith(reverse("plan_builder:login"))
