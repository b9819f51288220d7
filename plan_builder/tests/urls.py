"""The plugin mounted where a site would mount it, with Wagtail's admin beside it."""

from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("plans/", include("plan_builder.urls")),
]
