"""The host site's language switcher changes the plan builder's language too."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_practitioner_switches_the_plan_builder_language_with_the_form(client, user):
    client.force_login(user)
    page = client.get(reverse("plan_builder:plan_list")).content.decode()
    assert 'action="/i18n/setlang/"' in page
    assert 'name="language" value="ur"' in page

    response = client.post(
        "/i18n/setlang/", {"language": "ur", "next": reverse("plan_builder:plan_list")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("plan_builder:plan_list")

    page = client.get(reverse("plan_builder:plan_list")).content.decode()
    assert '<html lang="ur" dir="rtl">' in page
    assert "no-store" in client.get(reverse("plan_builder:plan_list"))["Cache-Control"]
