"""The public's journeys in a real browser (Debian's Chromium through Playwright): find a
resource about goal setting by topic, by the library's filters and by search; open a support
organisation and ring it; change language; use the home page and the library with the
keyboard alone; and read every public page on a small phone and at 200% zoom without
scrolling sideways.

No fixed sleeps: every wait is Playwright's own (auto-waiting actions and `expect`)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}  # a common phone, portrait
DESKTOP = {"width": 1280, "height": 800}
# WCAG 1.4.10 (reflow): content at 320 CSS px wide (1280px at 400% zoom) without scrolling in
# two directions.
SMALL_PHONE = {"width": 320, "height": 640}
# Browser zoom scales the CSS pixel, so a 1280 x 800 window at 200% zoom lays pages out exactly
# as a 640 x 400 CSS px viewport does (media queries included). That is what is emulated here;
# device_scale_factor would only sharpen the rendering, not change the layout.
ZOOM_200 = {"width": 640, "height": 400}

RESOURCE = "My Life, My Goals"  # the `library` fixture's resource, topic "Goal setting"
OTHER_RESOURCE = "Driving and dementia"
HELPLINE = "Dementia UK Admiral Nurse Helpline"
HELPLINE_TEL = "tel:+44-800-888-6678"  # 0800 888 6678 in RFC 3966 form
MAX_TAB_STOPS = 120


@pytest.fixture
def site(library):
    """The `library` fixture, a second resource on another topic (so that filtering has
    something to leave out), the helpline on the goal-setting topic, contact details and a
    link in the footer, and every language's tree mirrored from the English."""
    from wagtail.models import Site

    from pages.models import SiteSettings
    from resources import starter_translation
    from tests.factories import ResourcePageFactory, TopicFactory

    ResourcePageFactory(
        parent=library["library"],
        title=OTHER_RESOURCE,
        summary="What to think about when driving gets harder.",
        topics=[TopicFactory(name="Driving", slug="driving")],
    )
    library["organisation"].topics.set([library["resource"].topics.get()])
    library["organisation"].save()
    footer = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    footer.contact_phone = "0161 496 0000"
    footer.contact_email = "memory.service@example.org"
    footer.footer_links = [
        ("link", {"text": "Accessibility statement", "external_url": "https://example.org/a11y"})
    ]
    footer.save()
    starter_translation.sync_locale_trees()
    return library


def results(page: Page):
    return page.locator(".app-results")


def open_filters(page: Page, summary: str) -> None:
    """On a phone a listing's filters are folded under their summary: open them."""
    filters = page.locator("details[data-app-filters]")
    if not filters.evaluate("details => details.open"):
        page.get_by_text(summary, exact=True).click()
    expect(page.get_by_role("button", name="Apply filters")).to_be_visible()


def open_the_resource(page: Page) -> None:
    """From a list of results that holds the goal-setting resource, open it."""
    results(page).get_by_role("link", name=RESOURCE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(RESOURCE)
    expect(page.get_by_role("main")).to_contain_text("A practical guide to thinking")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_finding_a_goal_setting_resource(live_server, site, new_context, viewport):
    base_url = live_server.url
    page = new_context(viewport=viewport).new_page()

    # (a) Browse by topic: the home page's topic links open the library filtered by topic.
    page.goto(f"{base_url}/")
    topics = page.locator(".app-topic-list")
    topics.get_by_role("link", name="Goal setting").click()
    expect(page).to_have_url(re.compile(r"/resources/\?topic=goal-setting$"))
    expect(page.locator(".app-chosen-filters").get_by_role("listitem")).to_have_text(
        ["Goal setting"]
    )
    expect(results(page).get_by_role("link", name=RESOURCE)).to_be_visible()
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_have_count(0)
    open_the_resource(page)

    # (b) Filter in the library: tick the topic, apply.
    page.goto(f"{base_url}/")
    page.get_by_role("link", name="Browse all resources").click()
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_be_visible()
    open_filters(page, "Filter resources")
    page.get_by_role("checkbox", name=re.compile(r"^Goal setting")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]topic=goal-setting(&|$)"))
    expect(page.get_by_role("heading", name="1 resource", exact=True)).to_be_visible()
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_have_count(0)
    open_the_resource(page)

    # (c) Search from the header.
    page.goto(f"{base_url}/")
    page.get_by_role("searchbox", name="Search this website").fill("goal setting")
    page.locator("#search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=goal\+setting$"))
    expect(
        page.get_by_role("heading", name=re.compile(r"results? for “goal setting”"))
    ).to_be_visible()
    page.get_by_role("main").get_by_role("link", name=RESOURCE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(RESOURCE)


def test_filtering_the_library_without_javascript(live_server, site, new_context):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/")
    expect(page.locator("body")).not_to_have_class(re.compile(r"js-enabled"))
    page.get_by_role("link", name="Browse all resources").click()
    open_filters(page, "Filter resources")
    page.get_by_role("checkbox", name=re.compile(r"^Goal setting")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]topic=goal-setting(&|$)"))
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_have_count(0)
    open_the_resource(page)


def test_ringing_a_support_organisation_from_a_phone(live_server, site, new_context):
    page = new_context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Find an organisation that can help").click()
    results(page).get_by_role("link", name=HELPLINE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HELPLINE)

    phone = page.get_by_role("main").get_by_role("link", name="0800 888 6678")
    expect(phone).to_have_attribute("href", HELPLINE_TEL)
    expect(phone).to_be_in_viewport()
    # WCAG 2.2's target size (2.5.8, AA) is at least 24 by 24 CSS px; NHS.UK aims for 44.
    box = phone.bounding_box()
    assert box is not None and box["width"] >= 44 and box["height"] >= 24, box
    # Nothing else sits on top of it: a tap in its middle lands on the link.
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('a')?.getAttribute('href')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top == HELPLINE_TEL


# On a phone ---------------------------------------------------------------------------------

MENU = {"en": "Menu", "ur": "مینو"}
DIRECTORY = {"en": "Support organisations", "ur": "مدد کرنے والی تنظیمیں"}
PERSONALISED_CARE = "What is personalised care"  # the starter content's menu page


@pytest.fixture
def phone_site(site):
    """The site with the starter content's three menu sections, the library and directory
    translated into Urdu with the starter translations (the longest labels), and a second
    organisation in the directory."""
    from wagtail.models import Locale

    from resources import starter_translation as starter
    from tests.factories import ContentPageFactory, SupportOrganisationFactory

    ContentPageFactory(
        parent=site["home"],
        title=PERSONALISED_CARE,
        slug="what-is-personalised-care",
        show_in_menus=True,
    )
    SupportOrganisationFactory(name="Carers UK", phone="0808 808 7777")
    starter.sync_locale_trees()
    catalogue = starter.load_catalogue("ur")
    urdu = Locale.objects.get(language_code="ur")
    for page in [
        site["library"],
        site["directory"],
        *site["home"].get_children().filter(slug="what-is-personalised-care"),
    ]:
        source, _changed = starter.source_for(page.specific)
        strings = {
            (page.slug, segment.string.data): catalogue.get(
                (page.slug, segment.string.data), "ذاتی نوعیت کی دیکھ بھال کے بارے میں"
            )
            for segment in starter.source_segments(source)
        }
        outcome = starter.translate(starter.Translatable(page.specific, page.slug), urdu, strings)
        assert outcome == starter.TRANSLATED, page.slug
    return site


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("language", ["en", "ur"])
def test_the_directory_is_one_tap_from_the_header_on_a_phone(
    live_server, phone_site, new_context, language, javascript
):
    """At 390px (an iPhone 12 to 15) every section of the menu shows: none is hidden behind
    a "More" button, which would need JavaScript and a second tap."""
    page = new_context(
        viewport=PHONE, has_touch=True, is_mobile=True, java_script_enabled=javascript
    ).new_page()
    page.goto(f"{live_server.url}/{language}/")

    menu = page.get_by_role("navigation", name=MENU[language])
    for link in menu.get_by_role("link").all():
        expect(link).to_be_in_viewport(ratio=1)
    expect(menu.get_by_role("link")).to_have_count(3)
    expect(menu.get_by_role("button")).to_have_count(0)
    directory = menu.get_by_role("link", name=DIRECTORY[language])
    box = directory.bounding_box()
    assert box is not None and box["height"] >= 44, box

    directory.tap()

    expect(page).to_have_url(f"{live_server.url}/{language}/support-organisations/")
    expect(page.get_by_role("heading", level=1)).to_have_text(DIRECTORY[language])
    assert page.evaluate(REFLOW_PROBLEMS) == []


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize(
    ("listing", "summary"),
    [("directory", "Filter organisations"), ("library", "Filter resources")],
)
def test_on_a_phone_a_listing_shows_its_results_before_its_filters(
    live_server, phone_site, new_context, listing, summary, javascript
):
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    page.goto(f"{live_server.url}{phone_site[listing].url}")

    first_result = results(page).get_by_role("link").first
    expect(first_result).to_be_in_viewport(ratio=1)
    # The filters are folded under their summary, which comes before the results.
    for checkbox in page.get_by_role("checkbox", include_hidden=True).all():
        expect(checkbox).to_be_hidden()
    filters = page.get_by_text(summary, exact=True)
    expect(filters).to_be_in_viewport()

    filters.click()
    expect(page.get_by_role("checkbox").first).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_filtering_the_directory_on_a_phone_by_keyboard(
    live_server, phone_site, new_context, javascript
):
    """Open the folded filters, tick a topic, apply, see the count and what was chosen, and
    clear it: all with the keyboard, with and without JavaScript."""
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    page.goto(f"{live_server.url}{phone_site['directory'].url}")
    expect(results(page).get_by_role("listitem")).to_have_count(2)

    def tab_to(locator, name: str) -> None:
        for _ in range(MAX_TAB_STOPS):
            page.keyboard.press("Tab")
            if locator.evaluate("el => el === document.activeElement"):
                return
        pytest.fail(f"Tab never reached {name}")

    summary = page.locator("details[data-app-filters] > summary")
    tab_to(summary, "the filters' summary")
    page.keyboard.press("Enter")
    checkbox = page.get_by_role("checkbox", name=re.compile(r"^Goal setting \(1\)$"))
    expect(checkbox).to_be_visible()
    tab_to(checkbox, "the Goal setting check box")
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    tab_to(page.get_by_role("button", name="Apply filters"), "Apply filters")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]topic=goal-setting(&|$)"))
    expect(page.get_by_role("heading", name="1 organisation", exact=True)).to_be_visible()
    expect(results(page).get_by_role("link", name=HELPLINE)).to_be_in_viewport()
    chosen = page.locator(".app-chosen-filters")
    expect(chosen.get_by_role("listitem")).to_have_text(["Goal setting"])
    # Folded away again, still ticked for when they are opened.
    expect(page.locator("#filter-topic-goal-setting")).to_be_checked()

    clear = chosen.get_by_role("link", name="Clear all filters")
    tab_to(clear, "Clear all filters")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="2 organisations", exact=True)).to_be_visible()
    expect(page.locator(".app-chosen-filters")).to_have_count(0)


def test_on_a_desktop_the_filters_sit_open_beside_the_results(live_server, phone_site, new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(f"{live_server.url}{phone_site['directory'].url}")

    checkbox = page.get_by_role("checkbox", name=re.compile(r"^Goal setting"))
    expect(checkbox).to_be_visible()
    checkbox_box, result_box = checkbox.bounding_box(), results(page).bounding_box()
    assert checkbox_box["x"] < result_box["x"], (checkbox_box, result_box)
    assert checkbox_box["y"] < result_box["y"] + result_box["height"]


def test_the_language_switcher_keeps_the_same_page(live_server, site, new_context):
    page = new_context(viewport=PHONE).new_page()
    resource_url = site["resource"].url
    page.goto(f"{live_server.url}{resource_url}")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Cymraeg").click()

    assert resource_url.startswith("/en/")
    expect(page).to_have_url(f"{live_server.url}/cy/{resource_url.removeprefix('/en/')}")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=1)).to_have_text(RESOURCE)
    # Not translated yet: the English text, marked as English, under a Welsh notice.
    expect(page.locator("h1")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Neidio i'r prif gynnwys")).to_be_attached()


# Keyboard -----------------------------------------------------------------------------------

# The focused element's look, and whether it can be seen. For NHS.UK's check boxes the ring is
# drawn on the label's ::before (the input itself is transparent); for everything else it is
# the element's own outline, box shadow, background or border.
FOCUS_STYLE = """(el) => {
  const drawn = ["radio", "checkbox"].includes(el.type) && el.labels.length;
  const shown = drawn ? el.labels[0] : el;
  const style = getComputedStyle(shown, drawn ? "::before" : null);
  const box = shown.getBoundingClientRect();
  return {
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2
      && !/rgba\\(.*, 0\\)$|transparent/.test(style.outlineColor)
      ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : "none",
    boxShadow: style.boxShadow,
    background: style.backgroundColor,
    border: `${style.borderTopWidth} ${style.borderTopColor}`,
    seen: box.width >= 1 && box.height >= 1 && getComputedStyle(shown).visibility !== "hidden"
      && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
  };
}"""

# A stable name for an element, to see whether focus has moved and where it went.
TAB_STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (!el.dataset.tabStop)
    el.dataset.tabStop = String(document.querySelectorAll("[data-tab-stop]").length + 1);
  const label = (el.id || el.textContent || el.value || "").trim().replace(/\\s+/g, " ");
  return {
    id: el.dataset.tabStop,
    name: `<${el.tagName.toLowerCase()}> ${label.slice(0, 40)}`,
    inFooter: el.closest("footer") !== null,
    inMain: el.closest("main") !== null,
  };
}"""


def focus_indicator_problem(page: Page) -> str:
    """'' when the focused element looks different focused from unfocused, and can be seen."""
    handle = page.evaluate_handle("document.activeElement")
    focused_style = page.evaluate(FOCUS_STYLE, handle)
    page.evaluate("(el) => el.blur()", handle)
    unfocused_style = page.evaluate(FOCUS_STYLE, handle)
    page.evaluate("(el) => el.focus()", handle)
    if not focused_style.pop("seen"):
        return "has focus but cannot be seen"
    unfocused_style.pop("seen")
    changed = [key for key in focused_style if focused_style[key] != unfocused_style[key]]
    if not changed:
        return f"looks the same focused and unfocused: {focused_style}"
    return ""


def tab_through(page: Page) -> list[dict]:
    """Press Tab until focus has gone round the whole page, checking every stop on the way:
    it shows a visible focus indicator, and focus moves on each time (no trap)."""
    stops: list[dict] = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(TAB_STOP)
        if stop is None or (stops and stop["id"] == stops[0]["id"]):
            return stops  # past the last element, or round to the first again
        assert not stops or stop["id"] != stops[-1]["id"], f"Focus is stuck on {stop['name']}"
        assert stop["id"] not in {seen["id"] for seen in stops}, (
            f"Focus came back to {stop['name']} before reaching the end of the page"
        )
        problem = focus_indicator_problem(page)
        assert not problem, f"{stop['name']} {problem}"
        stops.append(stop)
    pytest.fail(f"Focus did not go round the page within {MAX_TAB_STOPS} Tab presses")


def assert_shift_tab_goes_back(page: Page, stops: list[dict], count: int = 5) -> None:
    """From the last stop, Shift+Tab visits the same stops in reverse order."""
    page.locator(f"[data-tab-stop='{stops[-1]['id']}']").focus()
    for expected in reversed(stops[-count - 1 : -1]):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(TAB_STOP)["id"] == expected["id"], f"expected {expected['name']}"


def test_the_skip_link_and_focus_on_the_home_page(live_server, site, new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(f"{live_server.url}/")

    # The first Tab shows the skip link; Enter moves focus to the main content.
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).not_to_be_in_viewport()  # visually hidden until focused
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    box = skip_link.bounding_box()
    assert box is not None and box["width"] > 24 and box["height"] > 24, box
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate(TAB_STOP)["inMain"], "The next Tab stop after skipping is not in main"

    # The whole page by Tab: every stop visible, nothing traps focus, the footer is reached.
    page.goto(f"{live_server.url}/")
    stops = tab_through(page)
    names = [stop["name"] for stop in stops]
    assert stops[0]["name"].endswith("Skip to main content"), names
    assert any(stop["name"].endswith("Goal setting") for stop in stops), names
    assert stops[-1]["inFooter"], f"Focus never reached the footer: {names}"
    assert_shift_tab_goes_back(page, stops)


def test_the_library_by_keyboard_alone(live_server, site, new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(f"{live_server.url}{site['library'].url}")

    stops = tab_through(page)
    names = [stop["name"] for stop in stops]
    assert stops[-1]["inFooter"], f"Focus never reached the footer: {names}"
    assert_shift_tab_goes_back(page, stops)

    # Filter with the keyboard: Space ticks the topic, Enter applies.
    page.goto(f"{live_server.url}{site['library'].url}")
    checkbox = page.get_by_role("checkbox", name=re.compile(r"^Goal setting"))
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "filter-topic-goal-setting":
            break
    expect(checkbox).to_be_focused()
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    apply = page.get_by_role("button", name="Apply filters")
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Apply filters":
            break
    expect(apply).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]topic=goal-setting(&|$)"))
    expect(results(page).get_by_role("link", name=RESOURCE)).to_be_visible()
    expect(results(page).get_by_role("link", name=OTHER_RESOURCE)).to_have_count(0)


# Reflow -------------------------------------------------------------------------------------

# What does not fit, if anything: sideways scrolling, or text cut off by a box too small for it
# (visually hidden text, clipped to 1px on purpose, is left out).
REFLOW_PROBLEMS = """() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth)
    problems.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden
    const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!hasText) continue;
    const name = `<${el.tagName.toLowerCase()}> ${el.textContent.trim().slice(0, 30)}`;
    if (box.right > root.clientWidth + 1 || box.left < -1)
      problems.push(`${name} runs off the screen (${box.left}..${box.right})`);
    const clips = (o) => ["hidden", "clip"].includes(o);
    if ((clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
        || (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1))
      problems.push(`${name} is cut off (${el.scrollWidth}x${el.scrollHeight} in `
        + `${el.clientWidth}x${el.clientHeight})`);
  }
  return problems;
}"""


@pytest.mark.parametrize("viewport", [SMALL_PHONE, ZOOM_200], ids=["320px", "200%-zoom"])
def test_public_pages_reflow(live_server, site, new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    organisation = site["organisation"]
    paths = {
        "home": "/",
        "library": site["library"].url,
        "resource": site["resource"].url,
        "directory": site["directory"].url,
        "organisation": organisation.get_url(site["directory"]),
        "search": "/search/?q=goal+setting",
    }
    problems = {}
    for name, path in paths.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.ok, (name, path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if found := page.evaluate(REFLOW_PROBLEMS):
            problems[name] = found
    assert not problems, problems
