"""Downloads of a plan for other systems (FHIR) and of everything held about a person."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views import View

from plan_builder.fhir import person_bundle, plan_bundle
from plan_builder.models import AuditAction
from plan_builder.person_data import person_export_data
from plan_builder.services import audit_record
from plan_builder.views.base import PlanMixin

FHIR_CONTENT_TYPE = "application/fhir+json"
PRETTY = {"indent": 2}
EXPORT_FORMATS = {  # format: (content type, file extension)
    "json": ("application/json", "json"),
    "fhir": (FHIR_CONTENT_TYPE, "fhir.json"),
}


class PlanFhirView(PlanMixin, View):
    """One version of the plan as a FHIR R4 Bundle; earlier versions can be exported too."""

    current_only = False

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        bundle = plan_bundle(self.plan, base_url=request.build_absolute_uri("/"))
        audit_record(
            actor=self.request.user, action=AuditAction.EXPORT, plan=self.plan, detail="FHIR export"
        )
        return JsonResponse(bundle, content_type=FHIR_CONTENT_TYPE, json_dumps_params=PRETTY)


class PersonExportView(PlanMixin, View):
    """Everything held about the person, as a file to hand over for a subject access
    request. Any member of the person's team can answer one, not only the lead."""

    current_only = False
    team_lead_only = False

    def get(
        self, request: HttpRequest, *args: Any, export_format: str, **kwargs: Any
    ) -> HttpResponse:
        if export_format not in EXPORT_FORMATS:
            raise Http404("No such export format")
        content_type, extension = EXPORT_FORMATS[export_format]
        person = self.plan.person
        if export_format == "fhir":
            data = person_bundle(person, base_url=request.build_absolute_uri("/"))
        else:
            data = person_export_data(person)
        audit_record(
            actor=self.request.user,
            action=AuditAction.EXPORT,
            plan=self.plan,
            detail=f"Exported everything held ({export_format})",
        )
        response = JsonResponse(data, content_type=content_type, json_dumps_params=PRETTY)
        # The file name ends up in download folders and browser history: no name in it.
        filename = f"person-{person.pk}-{timezone.localdate():%Y-%m-%d}.{extension}"
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response
