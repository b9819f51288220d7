"""The person, and the people around them: Patient, CareTeam, RelatedPerson and Consent."""

from __future__ import annotations

from fhir.resources.R4B.careteam import CareTeam
from fhir.resources.R4B.consent import Consent
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.relatedperson import RelatedPerson

from plan_builder.fhir.codes import (
    ACT_CODE,
    BCP47,
    CONSENT_SCOPE,
    CONSENT_STATUS,
    CONTACT_ROLE,
    LOINC,
    NHS_NUMBER_SYSTEM,
    PARTICIPATION_TYPE,
    RowIds,
    agreed_by_words,
    coded,
    contact_point,
    display_only,
    texts,
    user_name,
)
from plan_builder.languages import ANOTHER_LANGUAGE, language_name
from plan_builder.models import (
    AgreedBy,
    ConsentToShare,
    Contact,
    ContactMethod,
    Person,
    Plan,
)
from plan_builder.selectors import PlanDetail

# Person ------------------------------------------------------------------------------------


def patient_resource(ids: RowIds, person: Person) -> Patient:
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
        address=texts(person.address),
        communication=_communication(person),
        generalPractitioner=[display_only(person.gp_practice)] if person.gp_practice else None,
    )


def _communication(person: Person) -> list[dict] | None:
    """The preferred language as its BCP 47 code; a language not on the list, which has no
    code here, as the words typed for it."""
    if person.preferred_language == ANOTHER_LANGUAGE:
        other = person.preferred_language_other
        language = {"text": other} if other else None
    else:
        name = language_name(person.preferred_language, own_name=False)
        language = coded(BCP47, person.preferred_language, name)
    return [{"language": language, "preferred": True}] if language else None


def _patient_telecom(person: Person) -> list[dict]:
    """Rank 1 marks how the person prefers to be contacted."""
    method = person.preferred_contact_method
    telecom = []
    if person.phone:
        telecom.append(
            contact_point("phone", person.phone, preferred=method == ContactMethod.PHONE)
        )
        if method == ContactMethod.TEXT:
            telecom.append(contact_point("sms", person.phone, preferred=True))
    if person.email:
        telecom.append(
            contact_point("email", person.email, preferred=method == ContactMethod.EMAIL)
        )
    return telecom


# People around the person ------------------------------------------------------------------


def care_team_resource(ids: RowIds, detail: PlanDetail, patient: dict) -> CareTeam:
    """Family and carers are RelatedPersons; professionals are named, as the plan holds no
    more about them than a name, role and phone number."""
    plan = detail.plan
    participants = []
    if plan.lead_practitioner:
        participants.append(
            {
                "role": texts("Lead practitioner"),
                "member": display_only(user_name(plan.lead_practitioner)),
            }
        )
    participants += [
        {"role": _contact_roles(contact), "member": ids.ref("RelatedPerson", contact.pk)}
        for contact in detail.personal_contacts
    ]
    participants += [
        {
            "role": _contact_roles(contact),
            "member": display_only(", ".join(filter(None, [contact.name, contact.organisation]))),
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
    return texts(contact.relationship_or_role, *contact.roles)


def related_person_resource(ids: RowIds, contact: Contact, patient: dict) -> RelatedPerson:
    relationship = texts(contact.relationship_or_role)
    if contact.is_next_of_kin:
        relationship.append(coded(CONTACT_ROLE, "N", "Next-of-Kin"))
    if contact.is_emergency_contact:
        relationship.append(coded(CONTACT_ROLE, "C", "Emergency Contact"))
    if contact.is_carer:
        relationship += texts("Carer")
    telecom = []
    if contact.phone:
        telecom.append(contact_point("phone", contact.phone))
    if contact.email:
        telecom.append(contact_point("email", contact.email))
    return RelatedPerson(
        id=ids.id("RelatedPerson", contact.pk),
        active=True,
        patient=patient,
        relationship=relationship,
        name=texts(contact.name),
        telecom=telecom,
    )


def consent_resource(ids: RowIds, plan: Plan, patient: dict) -> Consent:
    """Consent to share the plan. R4 needs a policy or policyRule: opt-in, or opt-out when
    the person said no."""
    refused = plan.consent_to_share == ConsentToShare.NO
    return Consent(
        id=ids.id("Consent", plan.pk),
        status=CONSENT_STATUS[plan.consent_to_share],
        scope=coded(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
        category=[coded(LOINC, "59284-0", "Patient Consent")],
        patient=patient,
        dateTime=plan.agreed_on,
        performer=[_consent_giver(plan, patient)] if plan.is_agreed else None,
        policyRule=coded(ACT_CODE, "OPTOUT", "opt-out")
        if refused
        else coded(ACT_CODE, "OPTIN", "opt-in"),
        provision=_consent_provision(plan),
    )


def _consent_giver(plan: Plan, patient: dict) -> dict | None:
    if plan.agreed_by == AgreedBy.PERSON:
        return patient
    return display_only(agreed_by_words(plan))


def _consent_provision(plan: Plan) -> dict | None:
    """Who the plan may be shared with is free text, so it is the recipient's display."""
    if plan.consent_to_share == ConsentToShare.NO:
        return {"type": "deny"}
    if plan.consent_to_share != ConsentToShare.YES:
        return None
    recipients = [
        {
            "role": coded(PARTICIPATION_TYPE, "IRCP", "information recipient"),
            "reference": display_only(plan.consent_scope),
        }
    ]
    return {"type": "permit", "actor": recipients if plan.consent_scope else None}
