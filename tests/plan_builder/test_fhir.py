"""The FHIR R4 export through its views, validated entry by entry with the `fhir.resources`
R4B models, and the export of everything held about a person."""

import json

import pytest
from django.urls import reverse
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from plan_builder import services
from plan_builder.models import (
    AuditAction,
    AuditEvent,
    ConsentToShare,
)
from tests.factories import ResourcePageFactory, SupportOrganisationFactory
from tests.plan_builder.fhir_bundles import only, references, resources_of
from tests.plan_factories import (
    ActionFactory,
    ContactFactory,
    GoalFactory,
    GoalRatingFactory,
    PlanFactory,
    TeamFactory,
    practitioner,
)

pytestmark = pytest.mark.django_db

NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
REVIEW_OF_CARE_PLAN = "425268008"
BASE_URL = "http://testserver/"


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
    new_plan = PlanFactory(reviewed=True, person__team=world["plan"].person.team)

    (care_plan,) = resources_of(export(client, world, new_plan), "CarePlan")

    assert care_plan["replaces"]


def test_the_export_is_audited(client, world):
    export(client, world)

    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.actor == world["user"] and event.plan_ref == world["plan"].pk


def test_everything_held_comes_as_json_without_secrets(client, world):
    plan = PlanFactory(
        reviewed=True,
        shared=True,
        share__label="Peggy and Ann",
        person__team=world["plan"].person.team,
    )
    token = plan.share_token
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


# The view ----------------------------------------------------------------------------------


def fhir_url(plan):
    return reverse("plan_builder:plan_fhir", kwargs={"plan_id": plan.pk})


def test_view_exports_an_earlier_version(client, team, user):
    first_pk = PlanFactory(reviewed=True, person__team=team).replaces_id
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
