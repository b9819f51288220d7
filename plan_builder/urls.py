"""The practitioners' area. Every response here is private: `decorate_urlpatterns` puts
`Cache-Control: no-store` and a noindex header on all of them, so no route can forget."""

from django.urls import path
from wagtail.utils.urlpatterns import decorate_urlpatterns

from plan_builder.views import accounts, exports, person_copy, plans, sections, session, sharing
from plan_builder.views.privacy import private_response

app_name = "plan_builder"

urlpatterns = [
    path("", plans.PlanListView.as_view(), name="plan_list"),
    path("sign-in/", accounts.SignInView.as_view(), name="login"),
    path("sign-out/", accounts.SignOutView.as_view(), name="logout"),
    path("stay-signed-in/", session.StaySignedInView.as_view(), name="stay_signed_in"),
    path("new/", plans.PlanCreateView.as_view(), name="plan_create"),
    path("<int:plan_id>/", plans.PlanDetailView.as_view(), name="plan_detail"),
    path("<int:plan_id>/person/", sections.PersonEditView.as_view(), name="person_edit"),
    path(
        "<int:plan_id>/edit/<slug:section>/",
        sections.PlanSectionEditView.as_view(),
        name="section_edit",
    ),
    path("<int:plan_id>/<slug:kind>/add/", sections.PlanRowCreateView.as_view(), name="row_add"),
    path(
        "<int:plan_id>/goals/<int:goal_id>/<slug:kind>/add/",
        sections.PlanRowCreateView.as_view(),
        name="goal_row_add",
    ),
    path(
        "<int:plan_id>/<slug:kind>/<int:row_id>/edit/",
        sections.PlanRowEditView.as_view(),
        name="row_edit",
    ),
    path(
        "<int:plan_id>/<slug:kind>/<int:row_id>/remove/",
        sections.PlanRowDeleteView.as_view(),
        name="row_delete",
    ),
    path("<int:plan_id>/attach/", sections.AttachSearchView.as_view(), name="attach_search"),
    path(
        "<int:plan_id>/attach/<str:attachable_key>/<str:object_id>/",
        sections.AttachView.as_view(),
        name="attach",
    ),
    path("<int:plan_id>/review/", plans.StartReviewView.as_view(), name="start_review"),
    path("<int:plan_id>/audit/", plans.PlanAuditView.as_view(), name="plan_audit"),
    path("<int:plan_id>/my-plan/", person_copy.MyPlanView.as_view(), name="my_plan"),
    path("<int:plan_id>/my-plan.pdf", person_copy.MyPlanPdfView.as_view(), name="my_plan_pdf"),
    path("<int:plan_id>/fhir/", exports.PlanFhirView.as_view(), name="plan_fhir"),
    path("<int:plan_id>/share/", sharing.ShareLinksView.as_view(), name="share"),
    path(
        "<int:plan_id>/share/<int:share_link_id>/stop/",
        sharing.StopSharingView.as_view(),
        name="share_stop",
    ),
    path(
        "<int:plan_id>/person/export/<str:export_format>/",
        exports.PersonExportView.as_view(),
        name="person_export",
    ),
    path("<int:plan_id>/person/delete/", plans.PersonDeleteView.as_view(), name="person_delete"),
    path("shared/<str:token>/", person_copy.SharedPlanView.as_view(), name="shared_plan"),
    path(
        "shared/<str:token>/plan.pdf",
        person_copy.SharedPlanPdfView.as_view(),
        name="shared_plan_pdf",
    ),
]

urlpatterns = decorate_urlpatterns(urlpatterns, private_response)
