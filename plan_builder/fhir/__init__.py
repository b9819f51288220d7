"""Plans as HL7 FHIR R4 resources, so another care record can take them in.

Exports are `collection` bundles: a set of resources for a receiving system to load. A
`document` bundle would need a Composition first and would make the export an attested,
unchangeable clinical document, which a working plan is not.

Every resource is built through the R4B models of `fhir.resources` (its default models are
R5), so anything that would not validate fails here rather than at the receiver. The models
do not check value sets or reference targets, so the codes and reference types below follow
the R4 specification by hand.
"""

from __future__ import annotations

from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.resource import Resource

from plan_builder.fhir.attachments import (
    document_reference_resource,
    organization_resource,
    service_request_resource,
)
from plan_builder.fhir.care_plan import care_plan_resource, goal_resource, rating_observation
from plan_builder.fhir.codes import SNOMED, RowIds, is_referral
from plan_builder.fhir.person import (
    care_team_resource,
    consent_resource,
    patient_resource,
    related_person_resource,
)
from plan_builder.models import Person, Plan
from plan_builder.selectors import plan_detail

__all__ = ["SNOMED", "person_bundle", "plan_bundle"]


def plan_bundle(plan: Plan, *, base_url: str) -> dict:
    """One version of a plan with the person it is for, as a JSON-ready Bundle."""
    ids = RowIds(base_url)
    return _bundle(
        [patient_resource(ids, plan.person), *_plan_resources(ids, plan, previous_in_bundle=False)]
    )


def person_bundle(person: Person, *, base_url: str) -> dict:
    """Every version of the person's plan, oldest first, with each `replaces` resolving to
    the version before it."""
    ids = RowIds(base_url)
    resources: list[Resource] = [patient_resource(ids, person)]
    for plan in person.plans.select_related("person", "lead_practitioner").order_by("version"):
        resources += _plan_resources(ids, plan, previous_in_bundle=True)
    return _bundle(resources)


def _bundle(resources: list[Resource]) -> dict:
    bundle = Bundle(
        type="collection",
        timestamp=timezone.now(),
        entry=[
            {"fullUrl": f"urn:uuid:{resource.id}", "resource": resource} for resource in resources
        ],
    )
    return bundle.model_dump(mode="json", exclude_none=True)


def _plan_resources(ids: RowIds, plan: Plan, *, previous_in_bundle: bool) -> list[Resource]:
    detail = plan_detail(plan)
    patient = ids.ref("Patient", plan.person_id)
    resources: list[Resource] = [
        care_plan_resource(ids, detail, patient, previous_in_bundle=previous_in_bundle),
        care_team_resource(ids, detail, patient),
        *(related_person_resource(ids, contact, patient) for contact in detail.personal_contacts),
        consent_resource(ids, plan, patient),
    ]
    for view in detail.goals:
        resources.append(goal_resource(ids, view, patient))
        resources += [rating_observation(ids, rating, patient) for rating in view.ratings]
    resources += [document_reference_resource(ids, view, patient) for view in detail.resources]
    for service in detail.services:
        resources.append(organization_resource(ids, service))
        if is_referral(service.attachment):
            resources.append(service_request_resource(ids, service.attachment, patient))
    return resources
