"""The site in Urdu, in a real browser: right to left, mirrored, in a font with Urdu letters,
and the language switcher keeps the person on the same page."""

from pathlib import Path

import pytest
from wagtail.models import Locale

from starter import translation as starter

URDU_TITLE = "ڈیمنشیا کے ساتھ اپنی دیکھ بھال کی منصوبہ بندی"


@pytest.fixture
def urdu_site(library):
    starter.sync_locale_trees()
    home = library["home"]
    outcome = starter.translate(
        starter.Translatable(home, "home"),
        Locale.objects.get(language_code="ur"),
        {
            ("home", home.title): URDU_TITLE,
            ("home", home.slug): home.slug,
            ("home", home.introduction): "رہنما کتابچے اور مدد کرنے والی تنظیمیں تلاش کریں",
        },
    )
    assert outcome == starter.TRANSLATED
    return library


def test_the_urdu_home_page_reads_right_to_left_and_is_mirrored(
    live_server, new_context, urdu_site, tmp_path: Path
):
    page = new_context().new_page()
    page.goto(f"{live_server.url}/ur/")

    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.locator("h1").inner_text() == URDU_TITLE

    # Mirrored: the service name sits at the right, the search box at the left.
    width = page.viewport_size["width"]
    service_name = page.locator(".nhsuk-header__service-name").bounding_box()
    search = page.locator(".nhsuk-header__search").bounding_box()
    assert service_name["x"] + service_name["width"] > width / 2
    assert search["x"] < service_name["x"]
    # The action link's arrow is on the right of its text, pointing left.
    link = page.locator(".nhsuk-action-link").first
    icon = link.locator(".nhsuk-icon").bounding_box()
    text = link.locator(".nhsuk-action-link__text").bounding_box()
    assert icon["x"] > text["x"]

    # The heading is drawn in the bundled Nastaliq font, not a fallback.
    page.evaluate("document.fonts.ready")
    assert page.evaluate(
        "[...document.fonts].some(f => f.family.includes('Nastaliq') && f.status === 'loaded')"
    )

    screenshot = tmp_path / "urdu-home.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000


def test_the_switcher_keeps_the_person_on_the_same_page(live_server, new_context, urdu_site):
    page = new_context().new_page()
    resource = urdu_site["resource"]
    page.goto(f"{live_server.url}/ur/resources/{resource.slug}/")

    page.locator(".app-language-switcher").get_by_role("link", name="Polski").click()

    assert page.url == f"{live_server.url}/pl/resources/{resource.slug}/"
    assert page.evaluate("document.documentElement.lang") == "pl"
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.locator("h1").inner_text() == resource.title


def test_urdu_form_fields_are_mirrored(live_server, new_context, urdu_site):
    page = new_context().new_page()
    page.goto(f"{live_server.url}/ur/resources/")
    option = page.locator(".nhsuk-checkboxes__item").first
    box = option.locator(".nhsuk-checkboxes__input").bounding_box()
    label = option.locator(".nhsuk-checkboxes__label").bounding_box()
    # The tick box sits to the right of its label, where an Urdu reader starts.
    assert box["x"] > label["x"]
    option.locator(".nhsuk-checkboxes__label").click()
    assert option.locator(".nhsuk-checkboxes__input").is_checked()
    search_box = page.locator("#search-field").bounding_box()
    button = page.locator(".nhsuk-header__search-form button").bounding_box()
    assert button["x"] < search_box["x"]


def test_urdu_pages_fit_a_small_phone(live_server, new_context, urdu_site):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    for path in ("/ur/", "/ur/resources/", f"/ur/resources/{urdu_site['resource'].slug}/"):
        page.goto(f"{live_server.url}{path}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path


def test_an_urdu_score_runs_right_to_left(live_server, new_context, library):
    """1 on the right, where an Urdu reader starts, and the words for each end beside it."""
    from django.conf import settings

    from tests.browser.conftest import PASSWORD
    from tests.plan_factories import PlanFactory, TeamFactory, practitioner

    team = TeamFactory(name="Urdu team")
    user = practitioner(team, username="nasreen.nurse")
    plan = PlanFactory(person__team=team)
    context = new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ur", "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/plans/sign-in/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.goto(f"{live_server.url}/plans/{plan.pk}/goals/add/")

    assert page.evaluate("document.documentElement.dir") == "rtl"
    boxes = [page.locator(f"label[for=id_importance_{n}]").bounding_box() for n in range(10)]
    assert all(boxes[n]["x"] > boxes[n + 1]["x"] for n in range(9)), boxes
    low = page.locator(".plan-scale__end--low").first.bounding_box()
    high = page.locator(".plan-scale__end--high").first.bounding_box()
    assert abs((low["x"] + low["width"]) - (boxes[0]["x"] + boxes[0]["width"])) <= 2
    assert abs(high["x"] - boxes[9]["x"]) <= 2
