"""The code systems and value maps the export uses, stable ids for rows, and the small shapes
every resource is made of."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.auth.models import User

from plan_builder.models import (
    ABOUT_ME_FIELDS,
    CONTINGENCY_FIELDS,
    ActionStatus,
    Attachment,
    ConsentToShare,
    GoalStatus,
    Plan,
    ReferralStatus,
    SupportType,
)

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

# Keyed by the choices, read with the stored value (a plain str).
GOAL_LIFECYCLE: dict[str, str] = {
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
ACTION_STATUS: dict[str, str] = {
    ActionStatus.PLANNED: "not-started",
    ActionStatus.IN_PROGRESS: "in-progress",
    ActionStatus.DONE: "completed",
    ActionStatus.DECLINED: "cancelled",
}
REFERRAL_STATUS: dict[str, str] = {
    ReferralStatus.NOT_SENT: "draft",
    ReferralStatus.SENT: "active",
    ReferralStatus.ACCEPTED: "active",
    ReferralStatus.DECLINED: "revoked",
    ReferralStatus.COMPLETED: "completed",
}
CONSENT_STATUS: dict[str, str] = {
    ConsentToShare.YES: "active",
    ConsentToShare.NO: "rejected",
    ConsentToShare.NOT_ASKED: "proposed",
}
NOTE_FIELDS = (*ABOUT_ME_FIELDS, *CONTINGENCY_FIELDS, "best_interests_note")


@dataclass(frozen=True)
class RowIds:
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


# Small shared shapes -----------------------------------------------------------------------


def coded(system: str, code: str, display: str) -> dict:
    return {"coding": [{"system": system, "code": code, "display": display}], "text": display}


def texts(*texts: str) -> list[dict]:
    return [{"text": text} for text in texts if text]


def contact_point(system: str, value: str, *, preferred: bool = False) -> dict:
    return {"system": system, "value": value, "rank": 1 if preferred else None}


def user_name(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def display_only(text: str) -> dict | None:
    return {"display": text} if text else None


def is_referral(attachment: Attachment) -> bool:
    return attachment.support_type == SupportType.REFERRED


def agreed_by_words(plan: Plan) -> str:
    """Who agreed the plan: their name and role, or the role alone."""
    role = plan.get_agreed_by_display()
    return f"{plan.agreed_by_name} ({role})" if plan.agreed_by_name else role
