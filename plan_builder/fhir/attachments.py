"""What the person was given: DocumentReference for resources, Organization (and ServiceRequest
for a referral) for organisations."""

from __future__ import annotations

from fhir.resources.R4B.documentreference import DocumentReference
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.servicerequest import ServiceRequest

from plan_builder.fhir.codes import (
    REFERRAL_CODE,
    REFERRAL_STATUS,
    SNOMED,
    RowIds,
    coded,
    contact_point,
    texts,
)
from plan_builder.models import (
    Attachment,
)
from plan_builder.selectors import AttachmentView

# What the person was given -----------------------------------------------------------------


def document_reference_resource(
    ids: RowIds, view: AttachmentView, patient: dict
) -> DocumentReference:
    """The resource as shown to the person: in their language where it is written in it."""
    attachment = view.attachment
    urls: list[str | None] = [url for url in dict.fromkeys([view.url, view.external_url]) if url]
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


def organization_resource(ids: RowIds, view: AttachmentView) -> Organization:
    """The organisation as it is shown to the person (in their language where it is written
    in it), or as it was described when given, once it is no longer published."""
    telecom = []
    if view.phone:
        telecom.append(contact_point("phone", view.phone))
    if website := view.external_url or view.url:
        telecom.append(contact_point("url", website))
    return Organization(
        id=ids.id("Organization", view.attachment.pk),
        active=True,
        name=view.title,
        telecom=telecom,
    )


def service_request_resource(ids: RowIds, attachment: Attachment, patient: dict) -> ServiceRequest:
    """A referral. R4 does not allow a Goal as `reasonReference`, so the goal it serves is
    supporting information."""
    return ServiceRequest(
        id=ids.id("ServiceRequest", attachment.pk),
        status=REFERRAL_STATUS.get(attachment.referral_status, "draft"),
        intent="order",
        code=coded(SNOMED, *REFERRAL_CODE),
        subject=patient,
        authoredOn=attachment.attached_at,
        performer=[ids.ref("Organization", attachment.pk)],
        supportingInfo=[ids.ref("Goal", attachment.goal_id)] if attachment.goal_id else None,
        note=texts(attachment.reason),
    )
