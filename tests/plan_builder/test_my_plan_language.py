"""The person's copy in their preferred language: every label and heading, Urdu right to
left with a font that has its letters, in the page and in the PDF."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from plan_builder import services
from tests.plan_factories import ActionFactory, GoalFactory, PersonFactory, PlanFactory

pytestmark = pytest.mark.django_db

URDU_HEADING = "آپ کی نگہداشت اور مدد کا منصوبہ"
GOAL = "میں دوبارہ اکیلے دکان تک پیدل جانا چاہتی ہوں۔"  # noqa: RUF001


@pytest.fixture
def urdu_plan(team):
    person = PersonFactory(team=team, full_name="Nasreen Akhtar", preferred_language="ur")
    plan = PlanFactory(person=person, review_due=date(2026, 3, 3))
    goal = GoalFactory(plan=plan, description=GOAL)
    ActionFactory(goal=goal, description="Walk with Ann on Tuesdays.")
    return plan


def test_the_heading_translation_exists():
    """Guards the other tests: the Urdu catalogue is compiled and has this heading."""
    with translation.override("ur"):
        assert translation.gettext("Your care and support plan") == URDU_HEADING


def test_the_copy_is_in_the_persons_language_right_to_left(client, user, urdu_plan):
    client.force_login(user)
    page = client.get(reverse("plan_builder:my_plan", args=[urdu_plan.pk])).content.decode()

    assert '<html lang="ur" dir="rtl">' in page
    assert URDU_HEADING in page
    assert "Your care and support plan" not in page
    assert GOAL in page


def test_the_practitioners_own_pages_stay_in_their_language(client, user, urdu_plan):
    client.force_login(user)
    page = client.get(reverse("plan_builder:plan_detail", args=[urdu_plan.pk])).content.decode()
    assert '<html lang="en" dir="ltr">' in page


def test_a_language_the_site_has_no_interface_in_falls_back_to_english(client, user, team):
    plan = PlanFactory(person=PersonFactory(team=team, preferred_language="bn"))
    client.force_login(user)
    page = client.get(reverse("plan_builder:my_plan", args=[plan.pk])).content.decode()
    assert '<html lang="en" dir="ltr">' in page


def test_the_shared_copy_is_in_the_persons_language(client, user, urdu_plan):
    _link, token = services.share_link_create(
        plan=urdu_plan, actor=user, label="Family", expires_at=timezone.now() + timedelta(days=7)
    )
    page = client.get(reverse("plan_builder:shared_plan", args=[token])).content.decode()
    assert '<html lang="ur" dir="rtl">' in page
    assert URDU_HEADING in page


def test_the_urdu_pdf_holds_the_right_to_left_text_in_an_embedded_urdu_font(
    client, user, urdu_plan
):
    client.force_login(user)
    response = client.get(reverse("plan_builder:my_plan_pdf", args=[urdu_plan.pk]))
    reader = PdfReader(io.BytesIO(response.content))

    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].get_object().values()
    }
    assert any("Nastaliq-Urdu" in font for font in fonts), fonts
    assert reader.trailer["/Root"]["/Lang"] == "ur"
    text = "".join(page.extract_text() for page in reader.pages)
    urdu_letters = [char for char in text if "\u0600" <= char <= "\u06ff"]
    assert len(urdu_letters) > 100
    for word in ("منصوبہ", "مدد"):
        assert word in text or word[::-1] in text, word


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


def test_numbers_keep_their_order_in_right_to_left_text(client, user, urdu_plan):
    person = urdu_plan.person
    person.phone = "0161 496 0000"
    person.nhs_number = "9434765919"
    person.save()
    client.force_login(user)

    copy = client.get(reverse("plan_builder:my_plan", args=[urdu_plan.pk])).content.decode()
    assert '<bdi dir="ltr">943 476 5919</bdi>' in copy

    client.post("/i18n/setlang/", {"language": "ur", "next": "/plans/"})
    page = client.get(reverse("plan_builder:plan_detail", args=[urdu_plan.pk])).content.decode()
    assert '<bdi dir="ltr">0161 496 0000</bdi>' in page
    assert '<bdi dir="ltr">943 476 5919</bdi>' in page
