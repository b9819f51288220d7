"""One pattern for every form that changes a plan: show it, validate it, save it through a
service, and when someone else saved first, keep what this person typed and say so. A form
sent after the session ended comes back filled in after signing in again (views.session)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_stubs_ext import StrOrPromise

from plan_builder.services import PlanEditConflict, PlanNotEditable
from plan_builder.views.base import PlanMixin
from plan_builder.views.session import take_draft

if TYPE_CHECKING:
    from django.contrib.messages.storage.base import Message

    from plan_builder.views.base import PractitionerRequiredMixin

    _KeptFormBase = PractitionerRequiredMixin
else:
    _KeptFormBase = object

SECTION_TAG = "plan-section-"  # a message's extra tag naming the section it is about


class InvalidForm(Exception):
    """A service refused the data after the form validated; show the form again."""


def section_message(request: HttpRequest) -> tuple[list[Message], dict[str, str] | None]:
    """The messages waiting for the plan page, split into those for the top of the page and
    the latest one about a section (with that section's anchor). The page opens at the
    section that changed, so that is where its confirmation must be seen."""
    page_messages, saved = [], None
    for message in messages.get_messages(request):
        anchors = [
            tag[len(SECTION_TAG) :] for tag in message.tags.split() if tag.startswith(SECTION_TAG)
        ]
        if anchors:
            saved = {"anchor": anchors[0], "text": str(message)}
        else:
            page_messages.append(message)
    return page_messages, saved


class RestoresKeptFormMixin(_KeptFormBase):
    """Opening the form gives back, once, what was typed into it in this browser before the
    session ended, exactly as sent and not yet saved: the page asks them to check it and
    press save, and the edit revision it carries still catches a change made meanwhile."""

    keeps_draft = True

    if TYPE_CHECKING:

        def get_form(self, data: QueryDict | None = None) -> forms.BaseForm: ...

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        kept = take_draft(self.request) if self.keeps_draft else None
        if kept is None:
            return super().get(request, *args, **kwargs)
        context = self.get_context_data(form=self.get_form(kept), restored_draft=True)
        return self.render_to_response(context)


class PlanFormView(RestoresKeptFormMixin, PlanMixin, TemplateView):
    template_name = "plan_builder/form_page.html"
    form_class: type[forms.BaseForm] | None = None
    page_title: StrOrPromise = ""
    submit_label = gettext_lazy("Save and return to the plan")
    section_anchor = ""

    def get_instance(self) -> models.Model | None:
        return None

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"revision": self.plan.edit_revision}
        instance = self.get_instance()
        if instance is not None:
            kwargs["instance"] = instance
        return kwargs

    def get_form(self, data: QueryDict | None = None) -> forms.BaseForm:
        if self.form_class is None:
            raise ImproperlyConfigured(f"{type(self).__name__} has no form_class.")
        return self.form_class(data, **self.get_form_kwargs())

    def get_page_title(self) -> StrOrPromise:
        return self.page_title

    def get_success_url(self) -> str:
        url = reverse("plan_builder:plan_detail", args=[self.plan.pk])
        return f"{url}#{self.section_anchor}" if self.section_anchor else url

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context["page_title"] = self.get_page_title()
        context["submit_label"] = self.submit_label
        context["cancel_url"] = self.get_success_url()
        return context

    def expected_revision(self, form: Any) -> int | None:
        return form.cleaned_data.get("revision")

    def save(self, form: Any) -> None:
        raise NotImplementedError

    def success_message(self) -> str:
        return _("Saved.")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            self.save(form)
        except InvalidForm:
            return self.render_to_response(self.get_context_data(form=form))
        except PlanNotEditable:
            messages.error(
                request, _("This version of the plan has been replaced and is read-only.")
            )
            return redirect("plan_builder:plan_detail", plan_id=self.plan.pk)
        except PlanEditConflict:
            return self.conflict(form)
        extra_tags = f"{SECTION_TAG}{self.section_anchor}" if self.section_anchor else ""
        messages.success(request, self.success_message(), extra_tags=extra_tags)
        return redirect(self.get_success_url())

    def conflict(self, form: Any) -> HttpResponse:
        """Show the person's own words again, with the plan's newer revision, so saving
        again is a deliberate choice after reading what changed."""
        self.plan.refresh_from_db()
        data = form.data.copy()
        data["revision"] = str(self.plan.edit_revision)
        fresh_form = self.get_form(data)
        fresh_form.is_valid()
        editor = self.plan.updated_by
        who = (editor.get_full_name() or editor.get_username()) if editor else _("Someone else")
        when = date_format(localtime(self.plan.updated_at), "H:i")
        context = self.get_context_data(form=fresh_form)
        context["conflict"] = {
            "who": who,
            "when": when,
            "saved_values": self.saved_values(form),
        }
        return self.render_to_response(context, status=409)

    def saved_values(self, form: Any) -> list[tuple[str, str]]:
        """What is stored now, field by field, for the fields this form edits."""
        instance = self.get_instance()
        if instance is None or not getattr(instance, "pk", None):
            return []
        instance.refresh_from_db()
        values = []
        for name in form.content_fields:
            field = form.fields[name]
            display = getattr(instance, f"get_{name}_display", None)
            value = display() if display else getattr(instance, name, "")
            values.append((str(field.label), "" if value in (None, "") else str(value)))
        return values
