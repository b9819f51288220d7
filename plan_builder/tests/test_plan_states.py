"""The plan factory's named states, as the practitioner and the family meet them: a plan with
something in every section, a plan after its first review, and a plan shared with the family."""

import pytest
from django.test import Client
from django.urls import reverse

from plan_builder.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_a_full_plan_shows_every_list_and_can_be_reviewed(signed_in, team):
    plan = PlanFactory(full=True, person__team=team)

    page = signed_in.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()

    assert "Start a review" in page
    assert "Jo Nurse" in page  # the professional contact
    assert "I get lost on the bus." in page  # the need
    assert "Mornings are best." in page  # how and when to support
    assert "What changed since version" not in page


def test_a_reviewed_plan_is_the_second_version_and_says_what_changed(signed_in, team):
    plan = PlanFactory(reviewed=True, person__team=team)

    page = signed_in.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()

    assert plan.version == 2
    assert "What changed since version 1" in page
    assert "I get lost on the bus." in page  # copied on review


def test_a_shared_plan_opens_for_the_family_without_signing_in(team):
    plan = PlanFactory(shared=True, full=True, person__team=team)

    family = Client()
    page = family.get(reverse("plan_builder:shared_plan", args=[plan.share_token]))

    assert page.status_code == 200
    assert "Seeing my grandchildren and working in my garden." in page.content.decode()
