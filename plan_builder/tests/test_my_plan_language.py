"""The person's copy in their preferred language: every label and heading, Urdu right to
left with a font that has its letters, in the page and in the PDF."""

import io
import re
import shutil
import subprocess
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from plan_builder import services
from plan_builder.tests.factories import ActionFactory, GoalFactory, PersonFactory, PlanFactory

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
    assert any("Amiri" in font for font in fonts), fonts
    assert reader.trailer["/Root"]["/Lang"] == "ur"


PDFTOTEXT = shutil.which("pdftotext")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_text(content: bytes) -> str:
    """The text poppler's pdftotext reads out of a PDF, as copying or a screen reader gets it,
    with the direction marks it adds taken out and the spacing made single."""
    result = subprocess.run(  # noqa: S603 - a fixed program on our own file
        [PDFTOTEXT, "-", "-"], input=content, capture_output=True, check=True
    )
    return " ".join(BIDI_CONTROLS.sub("", result.stdout.decode()).split())


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_the_urdu_pdf_reads_back_as_the_urdu_words_with_an_urdu_page_footer(
    client, user, urdu_plan
):
    client.force_login(user)
    response = client.get(reverse("plan_builder:my_plan_pdf", args=[urdu_plan.pk]))

    text = pdf_text(response.content)

    for sentence in (URDU_HEADING, GOAL, "آپ کے مقاصد", "آگے کیا ہوگا"):
        assert sentence in text, sentence
    # Every page's footer: the Urdu words of "Page 1 of 2" (pdftotext may drop the space
    # between a number and right-to-left text, so the numbers are left out).
    pages = len(PdfReader(io.BytesIO(response.content)).pages)
    with translation.override("ur"):
        footer = translation.gettext("Page %(number)s of %(total)s") % {"number": "", "total": ""}
    assert text.count(" ".join(footer.split())) == pages
    assert "Page" not in text


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_the_english_pdf_has_an_english_page_footer(client, user, team):
    plan = PlanFactory(person=PersonFactory(team=team, preferred_language="en"))
    client.force_login(user)

    text = pdf_text(client.get(reverse("plan_builder:my_plan_pdf", args=[plan.pk])).content)

    assert "Your care and support plan" in text
    assert "Page 1 of 1" in text


def test_numbers_keep_their_order_in_right_to_left_text(client, user, urdu_plan):
    person = urdu_plan.person
    person.phone = "0161 496 0000"
    person.nhs_number = "9434765919"
    person.save()
    client.force_login(user)

    copy = client.get(reverse("plan_builder:my_plan", args=[urdu_plan.pk])).content.decode()
    assert '<bdi class="plan-number" dir="ltr">943 476 5919</bdi>' in copy

    client.post("/i18n/setlang/", {"language": "ur", "next": "/plans/"})
    page = client.get(reverse("plan_builder:plan_detail", args=[urdu_plan.pk])).content.decode()
    assert '<bdi class="plan-number" dir="ltr">0161 496 0000</bdi>' in page
    assert '<bdi class="plan-number" dir="ltr">943 476 5919</bdi>' in page


def test_english_typed_into_an_urdu_copy_reads_left_to_right(client, user, urdu_plan):
    """A practitioner may type in English for someone who reads Urdu: each piece of typed
    text takes the direction of its own letters, so its full stop stays at its end, on the
    page and in the PDF; Urdu typed text stays right to left."""
    urdu_plan.warning_signs = "I stop answering the phone."
    urdu_plan.save()
    client.force_login(user)

    copy = client.get(reverse("plan_builder:my_plan", args=[urdu_plan.pk])).content.decode()

    assert '<div dir="ltr"><p>I stop answering the phone.</p></div>' in copy
    assert f'<h3 dir="rtl">{GOAL}</h3>' in copy
    assert '<p dir="ltr">Walk with Ann on Tuesdays.</p>' in copy
    if PDFTOTEXT:
        pdf = client.get(reverse("plan_builder:my_plan_pdf", args=[urdu_plan.pk])).content
        text = pdf_text(pdf)
        assert "I stop answering the phone." in text
        assert ".I stop" not in text
