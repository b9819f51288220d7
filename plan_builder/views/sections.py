"""Editing each part of a plan, and choosing what to attach to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_stubs_ext import StrOrPromise

from plan_builder import forms, services
from plan_builder.content_languages import default_content_language, marked
from plan_builder.models import Attachment, Goal, Person, Plan
from plan_builder.registry import AttachableFilter, AttachmentKind, PlanAttachable, registry
from plan_builder.sections import row_kind, section_form
from plan_builder.selectors import (
    attached_item_keys,
    items_to_attach,
    person_content_language,
    plan_detail,
    plan_row,
    suggestions_for_plan,
    teams_of,
)
from plan_builder.validators import full_text_words, search_words
from plan_builder.views.base import PlanMixin
from plan_builder.views.editing import InvalidForm, PlanFormView

if TYPE_CHECKING:
    from plan_builder.services.plans import PlanRow

    _RowBase = PlanFormView
else:
    _RowBase = object

MAX_SEARCH_LENGTH = 200
ATTACH_RESULTS_PER_PAGE = 10


class PersonEditView(PlanFormView):
    form_class = forms.PersonForm
    page_title = gettext_lazy("The person's details")
    section_anchor = "person"

    def get_instance(self) -> Person:
        return self.plan.person

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "teams": teams_of(self.request.user)}

    def save(self, form: Any) -> None:
        services.person_update(
            plan=self.plan,
            actor=self.request.user,
            expected_revision=self.expected_revision(form),
            values={name: form.cleaned_data[name] for name in form.content_fields},
        )


class PlanSectionEditView(PlanFormView):
    def load_objects(self, request: HttpRequest, **kwargs: Any) -> None:
        super().load_objects(request, **kwargs)
        found = section_form(kwargs["section"])
        if found is None:
            raise Http404("No such section")
        section, self.section_form = found
        self.form_class = self.section_form.form_class
        self.section_anchor = section.anchor

    def get_page_title(self) -> StrOrPromise:
        return self.section_form.title

    def get_instance(self) -> Plan:
        return self.plan

    def save(self, form: Any) -> None:
        services.plan_update(
            plan=self.plan,
            actor=self.request.user,
            expected_revision=self.expected_revision(form),
            values={name: form.cleaned_data[name] for name in form.content_fields},
            section=str(self.section_form.title).lower(),
        )


class RowMixin(_RowBase):
    """Resolves the URL's kind, goal and row, each only within this plan."""

    goal: Goal | None = None
    row: PlanRow

    def load_objects(self, request: HttpRequest, **kwargs: Any) -> None:
        super().load_objects(request, **kwargs)
        found = row_kind(kwargs["kind"])
        if found is None:
            raise Http404("No such list")
        section, self.kind = found
        self.form_class = self.kind.form_class
        self.section_anchor = section.anchor
        if "goal_id" in kwargs:
            if not self.kind.belongs_to_goal:
                raise Http404("Not part of a goal")
            self.goal = plan_row(plan=self.plan, model=Goal, pk=kwargs["goal_id"])
        if "row_id" in kwargs:
            self.row = plan_row(plan=self.plan, model=self.kind.model, pk=kwargs["row_id"])
            for name, value in self.kind.fixed_values.items():
                if getattr(self.row, name) != value:
                    raise Http404("Not in this list")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if self.kind.model is Attachment:
            kwargs["plan"] = self.plan
            kwargs["is_service"] = cast(Attachment, self.row).kind == AttachmentKind.SERVICE
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["goal"] = self.goal
        return context


class PlanRowCreateView(RowMixin, PlanFormView):
    submit_label = gettext_lazy("Add and return to the plan")

    def load_objects(self, request: HttpRequest, **kwargs: Any) -> None:
        super().load_objects(request, **kwargs)
        if not self.kind.can_add or (self.kind.belongs_to_goal and self.goal is None):
            raise Http404("Cannot add here")

    def get_page_title(self) -> StrOrPromise:
        return self.kind.add_title

    def get_instance(self) -> models.Model:
        instance: Any = self.kind.model(**self.kind.fixed_values)
        if self.goal is not None:
            instance.goal = self.goal
        return instance

    def save(self, form: Any) -> None:
        item = form.save(commit=False)
        for name, value in self.kind.fixed_values.items():
            setattr(item, name, value)
        if self.goal is not None:
            item.goal = self.goal
        services.plan_item_save(
            plan=self.plan,
            actor=self.request.user,
            item=item,
            expected_revision=None,
        )

    def success_message(self) -> str:
        return _("Added.")


class PlanRowEditView(RowMixin, PlanFormView):
    def get_page_title(self) -> StrOrPromise:
        return self.kind.edit_title

    def get_instance(self) -> models.Model:
        return self.row

    def save(self, form: Any) -> None:
        services.plan_item_save(
            plan=self.plan,
            actor=self.request.user,
            item=form.save(commit=False),
            expected_revision=self.expected_revision(form),
        )


class PlanRowDeleteView(RowMixin, PlanFormView):
    template_name = "plan_builder/confirm_remove.html"
    keeps_draft = False  # a confirmation: nothing typed worth keeping
    form_class = None
    submit_label = gettext_lazy("Yes, remove it")

    def load_objects(self, request: HttpRequest, **kwargs: Any) -> None:
        super().load_objects(request, **kwargs)
        self.form_class = forms.RemoveForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {"revision": self.plan.edit_revision}

    def get_page_title(self) -> StrOrPromise:
        return _("Remove this from the plan?")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["row"] = self.row
        return context

    def save(self, form: Any) -> None:
        services.plan_item_delete(
            plan=self.plan,
            actor=self.request.user,
            item=self.row,
            expected_revision=self.expected_revision(form),
        )

    def success_message(self) -> str:
        return _("Removed.")


def selected_filters(query: QueryDict, filters: list[AttachableFilter]) -> dict[str, list[str]]:
    """Only values the filter offers: a made-up value is ignored, not an error."""
    selected = {}
    for attachable_filter in filters:
        allowed = {option.value for option in attachable_filter.options}
        values = [value for value in query.getlist(attachable_filter.name) if value in allowed]
        if values:
            selected[attachable_filter.name] = values
    return selected


class AttachSearchView(PlanMixin, TemplateView):
    """Search and filter the registered content, with suggestions from the person's goals.
    Each item is listed once, in the person's language where it is written in it."""

    template_name = "plan_builder/attach_search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        attachables = registry.all()
        if not attachables:
            context["attachables"] = []
            return context
        chosen = registry.get(self.request.GET.get("type", "")) or attachables[0]
        query = search_words(self.request.GET.get("q", ""))
        query_too_long = len(query) > MAX_SEARCH_LENGTH
        filters = chosen.get_filters()
        selected = selected_filters(self.request.GET, filters)
        language = person_content_language(self.plan.person)
        items = chosen.find(
            query="" if query_too_long else full_text_words(query),
            selected=selected,
            language=language,
        )
        page = Paginator(items, ATTACH_RESULTS_PER_PAGE).get_page(self.request.GET.get("page"))
        detail = plan_detail(self.plan, language=language)
        context.update(
            attachables=attachables,
            chosen=chosen,
            query=query,
            query_too_long=query_too_long,
            max_search_length=MAX_SEARCH_LENGTH,
            filters=[{"filter": item, "selected": selected.get(item.name, [])} for item in filters],
            results=items_to_attach(
                chosen, page.object_list, attached_keys=attached_item_keys(detail, chosen)
            ),
            page=page,
            person_language=language,
            shows_fallbacks=language != default_content_language(),
            suggestions=suggestions_for_plan(detail, language=language),
        )
        return context


class AttachView(PlanFormView):
    """Confirm one item and say why it is given; only published items of registered types."""

    template_name = "plan_builder/attach_confirm.html"
    form_class = forms.AttachmentForm
    submit_label = gettext_lazy("Add to the plan")
    section_anchor = "attachments"
    attachable: PlanAttachable
    item: Any

    def load_objects(self, request: HttpRequest, **kwargs: Any) -> None:
        super().load_objects(request, **kwargs)
        attachable = registry.get(kwargs["attachable_key"])
        self.item = attachable.get_available_object(kwargs["object_id"]) if attachable else None
        if attachable is not None:
            self.attachable = attachable
        if attachable is not None and self.item is not None:
            # Whichever version the link named, the person is given theirs.
            language = person_content_language(self.plan.person)
            self.item = attachable.get_version(self.item, language)
        else:
            messages.error(
                request,
                _("That item cannot be added: it is not published, or plans cannot hold it."),
            )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.item is None:
            return redirect("plan_builder:attach_search", plan_id=self.plan.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.item is None:
            return redirect("plan_builder:attach_search", plan_id=self.plan.pk)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["plan"] = self.plan
        kwargs["is_service"] = self.attachable.kind == AttachmentKind.SERVICE
        return kwargs

    def get_page_title(self) -> StrOrPromise:
        return _("Add “%(title)s” to the plan") % {"title": self.attachable.get_title(self.item)}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            attachable=self.attachable,
            item_title=self.attachable.get_title(self.item),
            item_summary=self.attachable.get_summary(self.item),
            item_url=self.attachable.get_url(self.item),
            item_phone=self.attachable.get_phone(self.item),
            item_language=self.attachable.get_language(self.item),
            item_marked_title=marked(
                self.attachable.get_title(self.item), self.attachable.get_language(self.item)
            ),
        )
        return context

    def save(self, form: Any) -> None:
        try:
            services.attachment_create(
                plan=self.plan,
                actor=self.request.user,
                attachable_key=self.attachable.key,
                object_id=str(self.item.pk),
                reason=form.cleaned_data["reason"],
                goal=form.cleaned_data["goal"],
                support_type=form.cleaned_data.get("support_type", ""),
                referral_status=form.cleaned_data.get("referral_status", ""),
            )
        except services.AttachmentRefused as refusal:
            form.add_error(None, str(refusal))
            raise InvalidForm from refusal

    def success_message(self) -> str:
        return _("Added to the plan.")
