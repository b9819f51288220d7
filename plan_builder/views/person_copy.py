"""The person's own copy of their plan: printed or downloaded by a practitioner, or opened by
the person and their family through a shared link. Shared links need no sign-in, so the
token is the only key; anything wrong with it is the same friendly 404."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views import View
from django.views.generic import TemplateView

from plan_builder import services
from plan_builder.models import AuditAction, Plan
from plan_builder.pdf import render_plan_pdf
from plan_builder.sections import persons_copy_parts
from plan_builder.selectors import copy_language, plan_detail
from plan_builder.views.base import PlanMixin

TEMPLATE = "plan_builder/my_plan.html"
NOT_FOUND_TEMPLATE = "plan_builder/shared_link_not_found.html"
PDF_FILENAME = "care-and-support-plan.pdf"  # no name: downloads folders are seen by others


def my_plan_context(
    plan: Plan, *, show_nhs_number: bool, pdf_url: str, shared: bool = False
) -> dict:
    """`shared`: opened through a shared link, so the page says which service shared it."""
    detail = plan_detail(plan)
    return {
        "plan": plan,
        "person": plan.person,
        "service": plan.person.team,
        "shared": shared,
        "detail": detail,
        "copy_parts": persons_copy_parts(detail),
        "show_nhs_number": show_nhs_number,
        "pdf_url": pdf_url,
    }


def pdf_response(context: dict) -> HttpResponse:
    with translation.override(copy_language(context["person"])):
        pdf = render_plan_pdf(context=context)
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{PDF_FILENAME}"'},
    )


class MyPlanView(PlanMixin, TemplateView):
    """The practitioners' print view: any version, with the NHS number."""

    current_only = False
    template_name = TEMPLATE

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            my_plan_context(
                self.plan,
                show_nhs_number=True,
                pdf_url=reverse("plan_builder:my_plan_pdf", args=[self.plan.pk]),
            )
        )
        context["back_url"] = reverse("plan_builder:plan_detail", args=[self.plan.pk])
        return context

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with translation.override(copy_language(self.plan.person)):
            response = cast(TemplateResponse, super().get(request, *args, **kwargs)).render()
        services.audit_record(
            actor=self.request.user, action=AuditAction.VIEW, plan=self.plan, detail="Printed view"
        )
        return response


class MyPlanPdfView(PlanMixin, View):
    current_only = False

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        context = my_plan_context(self.plan, show_nhs_number=True, pdf_url="")
        response = pdf_response(context)
        services.audit_record(
            actor=self.request.user, action=AuditAction.EXPORT, plan=self.plan, detail="PDF"
        )
        return response


def shared_link_not_found(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, NOT_FOUND_TEMPLATE, status=404)


class SharedPlanView(View):
    """No sign-in and no NHS number. share_link_open counts the use and audits it."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        plan = services.share_link_open(token=token)
        if plan is None:
            return shared_link_not_found(request)
        context = my_plan_context(
            plan,
            show_nhs_number=False,
            pdf_url=reverse("plan_builder:shared_plan_pdf", args=[token]),
            shared=True,
        )
        with translation.override(copy_language(plan.person)):
            return TemplateResponse(request, TEMPLATE, context).render()


class SharedPlanPdfView(View):
    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        plan = services.share_link_open(token=token)
        if plan is None:
            return shared_link_not_found(request)
        return pdf_response(my_plan_context(plan, show_nhs_number=False, pdf_url="", shared=True))
