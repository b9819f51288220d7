"""Sharing with the family: the shared page says which service shared it (by the name people
know it by, in the person's language), and a new link lasts until the plan's next review."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from plan_builder.models import Plan, ShareLink, Team
from plan_builder.selectors import share_link_default_expiry
from plan_builder.tests.factories import PlanFactory, UserFactory, date_post

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 3)


def make_link(client, plan) -> str:
    response = client.post(
        reverse("plan_builder:share", args=[plan.pk]),
        {
            "label": "Peggy and Ann",
            **date_post("expires_on", timezone.localdate() + datetime.timedelta(7)),
        },
    )
    shown = client.get(response["Location"]).content.decode()
    return re.search(r'id="new-link" type="text" readonly value="([^"]+)"', shown).group(1)


# Which service shared it ------------------------------------------------------------------


def test_the_shared_page_says_which_service_shared_it(signed_in, plan, team):
    Team.objects.filter(pk=team.pk).update(
        name="Salford MAS north", public_name="Salford Memory Service", phone="0161 496 0123"
    )

    html = Client().get(make_link(signed_in, plan)).content.decode()

    assert "Shared with you by Salford Memory Service." in html
    assert "Salford MAS north" not in html, "the staff's own name for the team stays inside"
    assert "If you have a question about your plan, phone them:" in html
    assert 'href="tel:+44-161-496-0123"' in html


def test_without_a_public_name_the_teams_name_is_used(signed_in, plan, team):
    Team.objects.filter(pk=team.pk).update(name="Bolton Memory Service")

    html = Client().get(make_link(signed_in, plan)).content.decode()

    assert "Shared with you by Bolton Memory Service." in html
    assert "phone them" not in html, "no number, no sentence"


def test_it_is_said_in_the_persons_language(signed_in, plan, team):
    Team.objects.filter(pk=team.pk).update(public_name="Gwasanaeth Cof Caerdydd")
    plan.person.preferred_language = "cy"
    plan.person.save()

    html = Client().get(make_link(signed_in, plan)).content.decode()

    with translation.override("cy"):
        expected = gettext("Shared with you by %(service)s.") % {
            "service": "Gwasanaeth Cof Caerdydd"
        }
    assert '<html lang="cy"' in html
    assert expected in html


def test_the_printed_copy_and_pdf_say_which_service_it_is_from(signed_in, plan, team):
    Team.objects.filter(pk=team.pk).update(public_name="Salford Memory Service")

    html = signed_in.get(reverse("plan_builder:my_plan", args=[plan.pk])).content.decode()

    assert "Your plan is from Salford Memory Service." in html
    assert "Shared with you" not in html


def test_a_team_gets_its_public_name_and_phone_in_the_admin(client, team):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse("wagtailsnippets_plan_builder_team:edit", args=[team.pk])

    form = client.get(url).content.decode()
    assert 'name="public_name"' in form and 'name="phone"' in form

    response = client.post(
        url,
        {
            "name": team.name,
            "public_name": "Salford Memory Service",
            "phone": "0161 496 0123",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    team.refresh_from_db()
    assert (team.public_name, team.phone) == ("Salford Memory Service", "0161 496 0123")


def test_a_team_phone_number_that_cannot_be_dialled_is_refused(team):
    from django.core.exceptions import ValidationError

    team.phone = "call us"
    with pytest.raises(ValidationError):
        team.full_clean()


# How long a link works --------------------------------------------------------------------


def plan_due(days: int) -> Plan:
    return PlanFactory.build(review_due=TODAY + datetime.timedelta(days=days))


def test_a_new_link_works_until_the_next_review_by_default():
    assert share_link_default_expiry(plan_due(200), today=TODAY) == TODAY + datetime.timedelta(200)


def test_a_twelve_month_review_is_within_the_longest_a_link_may_work():
    year_ahead = datetime.date(2027, 3, 3)

    assert share_link_default_expiry(plan_due((year_ahead - TODAY).days), today=TODAY) == (
        year_ahead
    )


def test_the_longest_a_link_may_work_is_a_setting(settings):
    settings.PLAN_BUILDER_SHARE_LINK_MAX_DAYS = 90

    assert share_link_default_expiry(plan_due(200), today=TODAY) == TODAY + datetime.timedelta(90)


@pytest.mark.parametrize("days", [0, -30], ids=["review-today", "review-overdue"])
def test_when_the_review_date_has_passed_a_link_works_for_28_days(days):
    assert share_link_default_expiry(plan_due(days), today=TODAY) == TODAY + datetime.timedelta(28)


def test_how_long_after_a_missed_review_is_a_setting(settings):
    settings.PLAN_BUILDER_SHARE_LINK_DAYS_WHEN_REVIEW_PASSED = 14

    assert share_link_default_expiry(plan_due(-1), today=TODAY) == TODAY + datetime.timedelta(14)


def test_the_share_page_offers_the_review_date(signed_in, plan):
    review = timezone.localdate() + datetime.timedelta(days=180)
    Plan.objects.filter(pk=plan.pk).update(review_due=review)

    html = signed_in.get(reverse("plan_builder:share", args=[plan.pk])).content.decode()

    for part, value in (("day", review.day), ("month", review.month), ("year", review.year)):
        field = re.search(rf'<input[^>]*name="expires_on-{part}"[^>]*>', html).group(0)
        assert f'value="{value}"' in field, part
    assert "the link works until the plan's next review" in html


def test_a_link_may_work_up_to_400_days_and_no_longer(signed_in, plan):
    url = reverse("plan_builder:share", args=[plan.pk])
    today = timezone.localdate()

    accepted = signed_in.post(
        url, {"label": "Ann", **date_post("expires_on", today + datetime.timedelta(days=400))}
    )
    refused = signed_in.post(
        url, {"label": "Ann", **date_post("expires_on", today + datetime.timedelta(days=401))}
    )

    assert accepted.status_code == 302
    assert refused.status_code == 200
    assert "A link can work for at most 400 days" in refused.content.decode()
    assert ShareLink.objects.count() == 1
