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

import uuid
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.careteam import CareTeam
from fhir.resources.R4B.consent import Consent
from fhir.resources.R4B.documentreference import DocumentReference
from fhir.resources.R4B.goal import Goal as FhirGoal
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.relatedperson import RelatedPerson
from fhir.resources.R4B.resource import Resource
from fhir.resources.R4B.servicerequest import ServiceRequest

from plan_builder.languages import ANOTHER_LANGUAGE, language_name
from plan_builder.models import (
    ABOUT_ME_FIELDS,
    CONTINGENCY_FIELDS,
    Action,
    ActionStatus,
    AgreedBy,
    Attachment,
    ConsentToShare,
    Contact,
    ContactMethod,
    GoalRating,
    GoalStatus,
    Person,
    Plan,
    ReferralStatus,
    SupportType,
)
from plan_builder.selectors import AttachmentView, GoalView, PlanDetail, plan_detail

NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
BCP47 = "urn:ietf:bcp:47"
URI_IDENTIFIER = "urn:ietf:rfc:3986"
GOAL_PRIORITY = "http://terminology.hl7.org/CodeSystem/goal-priority"
GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131"

REVIEW_CODE = ("425268008", "Review of care plan")
REFERRAL_CODE = ("3457005", "Patient referral")
ATTAINMENT_TEXT = "Goal attainment rating"
SATISFACTION_TEXT = "Goal satisfaction rating"

GOAL_LIFECYCLE = {
    GoalStatus.ACTIVE: "active",
    GoalStatus.ACHIEVED: "completed",
    GoalStatus.ON_HOLD: "on-hold",
    GoalStatus.STOPPED: "cancelled",
}
GOAL_ACHIEVEMENT_DISPLAY = {
    "in-progress": "In Progress",
    "improving": "Improving",
    "worsening": "Worsening",
    "no-change": "No Change",
    "achieved": "Achieved",
    "not-achieved": "Not Achieved",
}
ACTION_STATUS = {
    ActionStatus.PLANNED: "not-started",
    ActionStatus.IN_PROGRESS: "in-progress",
    ActionStatus.DONE: "completed",
    ActionStatus.DECLINED: "cancelled",
}
REFERRAL_STATUS = {
    ReferralStatus.NOT_SENT: "draft",
    ReferralStatus.SENT: "active",
    ReferralStatus.ACCEPTED: "active",
    ReferralStatus.DECLINED: "revoked",
    ReferralStatus.COMPLETED: "completed",
}
CONSENT_STATUS = {
    ConsentToShare.YES: "active",
    ConsentToShare.NO: "rejected",
    ConsentToShare.NOT_ASKED: "proposed",
}
NOTE_FIELDS = (*ABOUT_ME_FIELDS, *CONTINGENCY_FIELDS, "best_interests_note")


@dataclass(frozen=True)
class _Ids:
    """Deterministic ids: a row gets the same `urn:uuid:` in every export from this site, so
    a receiver can match what it has seen before. Each resource type comes from exactly one
    model, so the type and primary key name the row; the site's base URL keeps two sites'
    rows apart."""

    base_url: str

    def id(self, resource_type: str, pk: int) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.base_url}#{resource_type}/{pk}"))

    def url(self, resource_type: str, pk: int) -> str:
        return f"urn:uuid:{self.id(resource_type, pk)}"

    def ref(self, resource_type: str, pk: int) -> dict:
        return {"reference": self.url(resource_type, pk)}


def plan_bundle(plan: Plan, *, base_url: str) -> dict:
    """One version of a plan with the person it is for, as a JSON-ready Bundle."""
    ids = _Ids(base_url)
    return _bundle(
        [_patient(ids, plan.person), *_plan_resources(ids, plan, previous_in_bundle=False)]
    )


def person_bundle(person: Person, *, base_url: str) -> dict:
    """Every version of the person's plan, oldest first, with each `replaces` resolving to
    the version before it."""
    ids = _Ids(base_url)
    resources: list[Resource] = [_patient(ids, person)]
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


def _plan_resources(ids: _Ids, plan: Plan, *, previous_in_bundle: bool) -> list[Resource]:
    detail = plan_detail(plan)
    patient = ids.ref("Patient", plan.person_id)
    resources: list[Resource] = [
        _care_plan(ids, detail, patient, previous_in_bundle=previous_in_bundle),
        _care_team(ids, detail, patient),
        *(_related_person(ids, contact, patient) for contact in detail.personal_contacts),
        _consent(ids, plan, patient),
    ]
    for view in detail.goals:
        resources.append(_goal(ids, view, patient))
        resources += [_rating(ids, rating, patient) for rating in view.ratings]
    resources += [_document_reference(ids, view, patient) for view in detail.resources]
    for view in detail.services:
        resources.append(_organization(ids, view))
        if _is_referral(view.attachment):
            resources.append(_service_request(ids, view.attachment, patient))
    return resources


# Small shared shapes -----------------------------------------------------------------------


def _coded(system: str, code: str, display: str) -> dict:
    return {"coding": [{"system": system, "code": code, "display": display}], "text": display}


def _texts(*texts: str) -> list[dict]:
    return [{"text": text} for text in texts if text]


def _contact_point(system: str, value: str, *, preferred: bool = False) -> dict:
    return {"system": system, "value": value, "rank": 1 if preferred else None}


def _user_name(user: AbstractBaseUser | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _display(text: str) -> dict | None:
    return {"display": text} if text else None


def _is_referral(attachment: Attachment) -> bool:
    return attachment.support_type == SupportType.REFERRED


# Person ------------------------------------------------------------------------------------


def _patient(ids: _Ids, person: Person) -> Patient:
    names = [{"use": "official", "text": person.full_name}]
    if person.preferred_name:
        names.append({"use": "usual", "text": person.preferred_name})
    identifiers = [{"system": NHS_NUMBER_SYSTEM, "value": person.nhs_number}]
    return Patient(
        id=ids.id("Patient", person.pk),
        identifier=identifiers if person.nhs_number else None,
        name=names,
        telecom=_patient_telecom(person),
        birthDate=person.date_of_birth,
        address=_texts(person.address),
        communication=_communication(person),
        generalPractitioner=[_display(person.gp_practice)] if person.gp_practice else None,
    )


def _communication(person: Person) -> list[dict] | None:
    """The preferred language as its BCP 47 code; a language not on the list, which has no
    code here, as the words typed for it."""
    if person.preferred_language == ANOTHER_LANGUAGE:
        other = person.preferred_language_other
        language = {"text": other} if other else None
    else:
        name = language_name(person.preferred_language, own_name=False)
        language = _coded(BCP47, person.preferred_language, name)
    return [{"language": language, "preferred": True}] if language else None


def _patient_telecom(person: Person) -> list[dict]:
    """Rank 1 marks how the person prefers to be contacted."""
    method = person.preferred_contact_method
    telecom = []
    if person.phone:
        telecom.append(
            _contact_point("phone", person.phone, preferred=method == ContactMethod.PHONE)
        )
        if method == ContactMethod.TEXT:
            telecom.append(_contact_point("sms", person.phone, preferred=True))
    if person.email:
        telecom.append(
            _contact_point("email", person.email, preferred=method == ContactMethod.EMAIL)
        )
    return telecom


# Plan --------------------------------------------------------------------------------------


def _care_plan(
    ids: _Ids, detail: PlanDetail, patient: dict, *, previous_in_bundle: bool
) -> CarePlan:
    plan = detail.plan
    activity = [_action_activity(ids, action) for view in detail.goals for action in view.actions]
    activity += [
        {"reference": ids.ref("ServiceRequest", view.attachment.pk)}
        for view in detail.services
        if _is_referral(view.attachment)
    ]
    activity.append(_review_activity(plan))
    return CarePlan(
        id=ids.id("CarePlan", plan.pk),
        status=_care_plan_status(plan),
        intent="plan",
        title=f"Personalised care and support plan, version {plan.version}",
        subject=patient,
        period={"start": plan.created_at, "end": plan.superseded_at},
        created=plan.created_at,
        author=_display(_user_name(plan.lead_practitioner)),
        careTeam=[ids.ref("CareTeam", plan.pk)],
        goal=[ids.ref("Goal", view.goal.pk) for view in detail.goals],
        activity=activity,
        note=_texts(*_plan_notes(detail)),
        replaces=[_previous_version(ids, plan, in_bundle=previous_in_bundle)]
        if plan.replaces_id
        else None,
        supportingInfo=[
            *(ids.ref("DocumentReference", view.attachment.pk) for view in detail.resources),
            *(ids.ref("Organization", view.attachment.pk) for view in detail.services),
            ids.ref("Consent", plan.pk),
        ],
    )


def _care_plan_status(plan: Plan) -> str:
    """A version replaced at review has run its course; the current one is in force once
    the person (or their representative) has agreed it."""
    if not plan.is_current:
        return "completed"
    return "active" if plan.is_agreed else "draft"


def _previous_version(ids: _Ids, plan: Plan, *, in_bundle: bool) -> dict:
    """A single-version export does not hold the earlier version, so it names it by
    identifier: a receiver would try to resolve a `urn:uuid:` reference inside the bundle."""
    if in_bundle:
        return ids.ref("CarePlan", plan.replaces_id)
    return {
        "identifier": {"system": URI_IDENTIFIER, "value": ids.url("CarePlan", plan.replaces_id)}
    }


def _plan_notes(detail: PlanDetail) -> list[str]:
    plan = detail.plan
    notes = [
        f"{str(Plan._meta.get_field(name).verbose_name).capitalize()}: {getattr(plan, name)}"
        for name in NOTE_FIELDS
        if getattr(plan, name)
    ]
    if plan.about_me_written_with or plan.about_me_written_on:
        written_with = f" with {plan.about_me_written_with}" if plan.about_me_written_with else ""
        written_on = (
            f" on {plan.about_me_written_on.isoformat()}" if plan.about_me_written_on else ""
        )
        notes.append(f"About me was written{written_with}{written_on}")
    notes += [f"Strength: {statement.text}" for statement in detail.strengths]
    notes += [f"Need or concern: {statement.text}" for statement in detail.needs]
    if plan.is_agreed:
        notes.append(f"Agreed by {_agreed_by(plan)} on {plan.agreed_on.isoformat()}")
    return notes


def _action_activity(ids: _Ids, action: Action) -> dict:
    activity = {
        "detail": {
            "status": ACTION_STATUS[action.status],
            "description": action.description,
            "performer": [_display(action.who)],
            "goal": [ids.ref("Goal", action.goal_id)],
            **_action_schedule(action),
        }
    }
    if action.confidence:
        activity["progress"] = _texts(
            f"How confident the person feels: {action.confidence} out of 10"
        )
    return activity


def _action_schedule(action: Action) -> dict:
    """FHIR takes one schedule: a date with a rhythm ("every Tuesday") becomes a Timing."""
    if action.due_date and action.timing:
        return {
            "scheduledTiming": {
                "code": {"text": action.timing},
                "repeat": {"boundsPeriod": {"end": action.due_date}},
            }
        }
    if action.due_date:
        return {"scheduledPeriod": {"end": action.due_date}}
    if action.timing:
        return {"scheduledString": action.timing}
    return {}


def _review_activity(plan: Plan) -> dict:
    """A replaced version's review happened: it is what replaced it."""
    return {
        "detail": {
            "code": _coded(SNOMED, *REVIEW_CODE),
            "status": "not-started" if plan.is_current else "completed",
            "scheduledTiming": {"event": [plan.review_due]},
            "performer": [_display(plan.review_responsible)] if plan.review_responsible else None,
        }
    }


# People around the person ------------------------------------------------------------------


def _care_team(ids: _Ids, detail: PlanDetail, patient: dict) -> CareTeam:
    """Family and carers are RelatedPersons; professionals are named, as the plan holds no
    more about them than a name, role and phone number."""
    plan = detail.plan
    participants = []
    if plan.lead_practitioner:
        participants.append(
            {
                "role": _texts("Lead practitioner"),
                "member": _display(_user_name(plan.lead_practitioner)),
            }
        )
    participants += [
        {"role": _contact_roles(contact), "member": ids.ref("RelatedPerson", contact.pk)}
        for contact in detail.personal_contacts
    ]
    participants += [
        {
            "role": _contact_roles(contact),
            "member": _display(", ".join(filter(None, [contact.name, contact.organisation]))),
        }
        for contact in detail.professional_contacts
    ]
    return CareTeam(
        id=ids.id("CareTeam", plan.pk),
        status="active" if plan.is_current else "inactive",
        name=f"People supporting the plan, version {plan.version}",
        subject=patient,
        participant=participants,
    )


def _contact_roles(contact: Contact) -> list[dict]:
    return _texts(contact.relationship_or_role, *contact.roles)


def _related_person(ids: _Ids, contact: Contact, patient: dict) -> RelatedPerson:
    relationship = _texts(contact.relationship_or_role)
    if contact.is_next_of_kin:
        relationship.append(_coded(CONTACT_ROLE, "N", "Next-of-Kin"))
    if contact.is_emergency_contact:
        relationship.append(_coded(CONTACT_ROLE, "C", "Emergency Contact"))
    if contact.is_carer:
        relationship += _texts("Carer")
    telecom = []
    if contact.phone:
        telecom.append(_contact_point("phone", contact.phone))
    if contact.email:
        telecom.append(_contact_point("email", contact.email))
    return RelatedPerson(
        id=ids.id("RelatedPerson", contact.pk),
        active=True,
        patient=patient,
        relationship=relationship,
        name=_texts(contact.name),
        telecom=telecom,
    )


def _consent(ids: _Ids, plan: Plan, patient: dict) -> Consent:
    """Consent to share the plan. R4 needs a policy or policyRule: opt-in, or opt-out when
    the person said no."""
    refused = plan.consent_to_share == ConsentToShare.NO
    return Consent(
        id=ids.id("Consent", plan.pk),
        status=CONSENT_STATUS[plan.consent_to_share],
        scope=_coded(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
        category=[_coded(LOINC, "59284-0", "Patient Consent")],
        patient=patient,
        dateTime=plan.agreed_on,
        performer=[_consent_giver(plan, patient)] if plan.is_agreed else None,
        policyRule=_coded(ACT_CODE, "OPTOUT", "opt-out")
        if refused
        else _coded(ACT_CODE, "OPTIN", "opt-in"),
        provision=_consent_provision(plan),
    )


def _consent_giver(plan: Plan, patient: dict) -> dict:
    if plan.agreed_by == AgreedBy.PERSON:
        return patient
    return _display(_agreed_by(plan))


def _agreed_by(plan: Plan) -> str:
    role = plan.get_agreed_by_display()
    return f"{plan.agreed_by_name} ({role})" if plan.agreed_by_name else role


def _consent_provision(plan: Plan) -> dict | None:
    """Who the plan may be shared with is free text, so it is the recipient's display."""
    if plan.consent_to_share == ConsentToShare.NO:
        return {"type": "deny"}
    if plan.consent_to_share != ConsentToShare.YES:
        return None
    recipients = [
        {
            "role": _coded(PARTICIPATION_TYPE, "IRCP", "information recipient"),
            "reference": _display(plan.consent_scope),
        }
    ]
    return {"type": "permit", "actor": recipients if plan.consent_scope else None}


# Goals -------------------------------------------------------------------------------------


def _goal(ids: _Ids, view: GoalView, patient: dict) -> FhirGoal:
    goal = view.goal
    return FhirGoal(
        id=ids.id("Goal", goal.pk),
        lifecycleStatus=GOAL_LIFECYCLE[goal.status],
        achievementStatus=_achievement_status(view),
        category=_texts(goal.area),
        priority=_priority(goal.importance),
        description={"text": goal.description},
        subject=patient,
        target=[{"dueDate": goal.target_date}] if goal.target_date else None,
        expressedBy=patient,
        outcomeReference=[ids.ref("Observation", rating.pk) for rating in view.ratings],
    )


def _achievement_status(view: GoalView) -> dict:
    """Achieved and stopped goals say so; otherwise the last two ratings show the trend."""
    code = {GoalStatus.ACHIEVED: "achieved", GoalStatus.STOPPED: "not-achieved"}.get(
        view.goal.status
    )
    if code is None:
        recent = [rating.attainment for rating in view.ratings[-2:]]
        if len(recent) < 2:
            code = "in-progress"
        elif recent[1] > recent[0]:
            code = "improving"
        elif recent[1] < recent[0]:
            code = "worsening"
        else:
            code = "no-change"
    return _coded(GOAL_ACHIEVEMENT, code, GOAL_ACHIEVEMENT_DISPLAY[code])


def _priority(importance: int) -> dict:
    """How important the goal is to the person (1 to 10), in FHIR's three priorities."""
    if importance >= 8:
        code, display = "high-priority", "High Priority"
    elif importance >= 4:
        code, display = "medium-priority", "Medium Priority"
    else:
        code, display = "low-priority", "Low Priority"
    return {
        "coding": [{"system": GOAL_PRIORITY, "code": code, "display": display}],
        "text": f"Importance {importance} out of 10",
    }


def _rating(ids: _Ids, rating: GoalRating, patient: dict) -> Observation:
    """The person's own rating of a goal, 1 to 10; the Goal lists it as an outcome."""
    satisfaction = [{"code": {"text": SATISFACTION_TEXT}, "valueInteger": rating.satisfaction}]
    return Observation(
        id=ids.id("Observation", rating.pk),
        status="final",
        category=[_coded(OBSERVATION_CATEGORY, "survey", "Survey")],
        code={"text": ATTAINMENT_TEXT},
        subject=patient,
        focus=[ids.ref("Goal", rating.goal_id)],
        effectiveDateTime=rating.rated_on,
        performer=[patient],
        valueInteger=rating.attainment,
        component=satisfaction if rating.satisfaction else None,
        note=_texts(rating.note),
    )


# What the person was given -----------------------------------------------------------------


def _document_reference(ids: _Ids, view: AttachmentView, patient: dict) -> DocumentReference:
    """The resource as shown to the person: in their language where it is written in it."""
    attachment = view.attachment
    urls = [url for url in dict.fromkeys([view.url, view.external_url]) if url]
    content = {"title": view.title, "language": view.language or None}
    return DocumentReference(
        id=ids.id("DocumentReference", attachment.pk),
        status="current",
        subject=patient,
        date=attachment.attached_at,
        description=view.summary or None,
        content=[{"attachment": {"url": url, **content}} for url in urls or [None]],
        context={"related": [ids.ref("Goal", attachment.goal_id)]} if attachment.goal_id else None,
    )


def _organization(ids: _Ids, view: AttachmentView) -> Organization:
    """The organisation as it is shown to the person (in their language where it is written
    in it), or as it was described when given, once it is no longer published."""
    telecom = []
    if view.phone:
        telecom.append(_contact_point("phone", view.phone))
    if website := view.external_url or view.url:
        telecom.append(_contact_point("url", website))
    return Organization(
        id=ids.id("Organization", view.attachment.pk),
        active=True,
        name=view.title,
        telecom=telecom,
    )


def _service_request(ids: _Ids, attachment: Attachment, patient: dict) -> ServiceRequest:
    """A referral. R4 does not allow a Goal as `reasonReference`, so the goal it serves is
    supporting information."""
    return ServiceRequest(
        id=ids.id("ServiceRequest", attachment.pk),
        status=REFERRAL_STATUS.get(attachment.referral_status, "draft"),
        intent="order",
        code=_coded(SNOMED, *REFERRAL_CODE),
        subject=patient,
        authoredOn=attachment.attached_at,
        performer=[ids.ref("Organization", attachment.pk)],
        supportingInfo=[ids.ref("Goal", attachment.goal_id)] if attachment.goal_id else None,
        note=_texts(attachment.reason),
    )
