"""What the public's browser tests share: screen sizes, the site they visit (the fixtures
`site` and `phone_site`, offered to every browser test by conftest.py), and reading its
listings."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

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
PERSONALISED_CARE = "What is personalised care"  # the starter content's menu page

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


@pytest.fixture
def site(library):
    """The `library` fixture, a second resource on another topic (so that filtering has
    something to leave out), the helpline on the goal-setting topic, contact details and a
    link in the footer, and every language's tree mirrored from the English."""
    from wagtail.models import Site

    from pages.models import SiteSettings
    from starter import translation as starter_translation
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


@pytest.fixture
def phone_site(site):
    """The site with the starter content's three menu sections, the library and directory
    translated into Urdu with the starter translations (the longest labels), and a second
    organisation in the directory."""
    from wagtail.models import Locale

    from starter import translation as starter
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
