"""The plan list, a new plan, the plan itself, reviews, the audit log and erasure."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_stubs_ext import StrOrPromise

from plan_builder import forms, services
from plan_builder.models import AuditAction, AuditEvent
from plan_builder.sections import PLAN_SECTIONS
from plan_builder.selectors import (
    PlanListScope,
    ReviewFilter,
    has_something_to_review,
    is_team_lead,
    plan_changes,
    plan_detail,
    plan_list,
    plan_tasks,
    plan_versions,
    review_counts,
    teams_of,
)
from plan_builder.validators import search_words
from plan_builder.views.base import PlanMixin, PractitionerRequiredMixin
from plan_builder.views.editing import PlanFormView, RestoresKeptFormMixin, section_message

PLANS_PER_PAGE = 25
AUDIT_EVENTS_PER_PAGE = 50
MAX_SEARCH_LENGTH = 100


class PlanListView(PractitionerRequiredMixin, TemplateView):
    template_name = "plan_builder/plan_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        scope = self.request.GET.get("show", PlanListScope.TEAM)
        if scope not in (PlanListScope.MINE, PlanListScope.TEAM):
            scope = PlanListScope.TEAM
        review = self.request.GET.get("review", ReviewFilter.ALL)
        if review not in (ReviewFilter.ALL, ReviewFilter.DUE_SOON, ReviewFilter.OVERDUE):
            review = ReviewFilter.ALL
        query = search_words(self.request.GET.get("q", ""))[:MAX_SEARCH_LENGTH]
        plans = plan_list(user=self.request.user, scope=scope, review=review, query=query)
        page = Paginator(plans, PLANS_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            page=page,
            scope=scope,
            review=review,
            query=query,
            counts=review_counts(user=self.request.user),
            query_string=self.request.GET.urlencode(),
        )
        return context


class PlanCreateView(RestoresKeptFormMixin, PractitionerRequiredMixin, TemplateView):
    template_name = "plan_builder/form_page.html"

    def get_form(self, data: QueryDict | None = None) -> forms.NewPlanForm:
        return forms.NewPlanForm(data, teams=teams_of(self.request.user))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context.update(
            page_title=_("Start a new plan"),
            submit_label=_("Start the plan"),
            cancel_url=None,
            intro=_(
                "Start with the person's details. You can add everything else with them "
                "afterwards, in any order."
            ),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        person = form.save(commit=False)
        person.team = form.cleaned_data["team"]
        plan = services.plan_create(
            actor=self.request.user,
            person=person,
            review_due=form.cleaned_data["review_due"],
            review_responsible=form.cleaned_data["review_responsible"],
        )
        messages.success(request, _("Plan started. Now add what matters to them."))
        return redirect("plan_builder:plan_detail", plan_id=plan.pk)


class PlanDetailView(PlanMixin, TemplateView):
    """The whole plan; earlier versions read-only, with what changed since the last one."""

    template_name = "plan_builder/plan_detail.html"
    current_only = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        detail = plan_detail(self.plan)
        tasks = plan_tasks(detail)
        page_messages, saved = section_message(self.request)
        context.update(
            detail=detail,
            sections=PLAN_SECTIONS,
            tasks=tasks,
            tasks_done=sum(task.status.is_done for task in tasks),
            can_review=has_something_to_review(detail),
            changes=plan_changes(self.plan, detail),
            versions=plan_versions(self.plan),
            is_team_lead=is_team_lead(self.request.user, self.plan.person.team_id),
            editable=self.plan.is_current,
            # Shown in the section that changed, where the saved page opens, not at the top.
            messages=page_messages,
            section_message=saved,
        )
        services.audit_record(actor=self.request.user, action=AuditAction.VIEW, plan=self.plan)
        return context


class StartReviewView(PlanFormView):
    form_class = forms.StartReviewForm
    page_title = gettext_lazy("Start a review")
    submit_label = gettext_lazy("Start the review")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.nothing_to_review() or super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.nothing_to_review() or super().post(request, *args, **kwargs)

    def nothing_to_review(self) -> HttpResponse | None:
        """A plan with nothing in it yet: say so, rather than make an empty version."""
        if has_something_to_review(plan_detail(self.plan)):
            return None
        self.template_name = "plan_builder/nothing_to_review.html"
        self.page_title = gettext_lazy("There is nothing to review yet")
        return self.render_to_response(self.get_context_data())

    def get_form_kwargs(self) -> dict[str, Any]:
        return {}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["intro"] = _(
            "A review makes a new version of the plan, copied from this one, for you to update "
            "with the person. This version is kept as it is and can still be read."
        )
        return context

    def save(self, form: Any) -> None:
        services.plan_start_review(
            plan=self.plan,
            actor=self.request.user,
            review_type=form.cleaned_data["review_type"],
            review_due=form.cleaned_data["review_due"],
        )

    def get_success_url(self) -> str:
        # The service turns self.plan into the new version, so this is the new plan's page.
        return reverse("plan_builder:plan_detail", args=[self.plan.pk])

    def success_message(self) -> str:
        return _("Review started: this is the new version. Earlier versions are listed below.")


class PlanAuditView(PlanMixin, TemplateView):
    """For team leads: everything done to this person's plans, newest first. Read-only."""

    template_name = "plan_builder/audit.html"
    current_only = False
    team_lead_only = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        events = AuditEvent.objects.filter(person_ref=self.plan.person_id).order_by("-at", "-pk")
        context["page"] = Paginator(events, AUDIT_EVENTS_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        return context


class PersonDeleteView(PlanFormView):
    """Erase a person and all their plans at their request. Team leads only."""

    form_class = forms.PersonDeleteForm
    template_name = "plan_builder/person_delete.html"
    keeps_draft = False  # a confirmation: nothing typed worth keeping
    team_lead_only = True
    current_only = False
    submit_label = gettext_lazy("Delete everything about this person")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {"person": self.plan.person}

    def get_page_title(self) -> StrOrPromise:
        return _("Delete this person and all their plans")

    def save(self, form: Any) -> None:
        services.person_delete(person=self.plan.person, actor=self.request.user)

    def get_success_url(self) -> str:
        return reverse("plan_builder:plan_list")

    def success_message(self) -> str:
        return _("Everything held about the person has been deleted. The audit log records that.")
