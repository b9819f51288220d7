"""The header and footer every public page shares: who runs the service, in every language;
footer headings that always have something under them; and footer links that lead to the page
in the reader's language."""

import pytest
from wagtail import blocks
from wagtail.models import Locale

from core.blocks import LinkBlock
from pages.models import SiteSettings
from starter import translation as starter
from tests.core.helpers import default_site
from tests.core.markup import Document, Element, parse
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "cy", "ur", "pl"]
ORGANISATION = "Example Memory Service"
HEADINGS = {"h2", "h3", "h4"}


def save_settings(**values) -> SiteSettings:
    site_settings = SiteSettings.for_site(default_site())
    for name, value in values.items():
        setattr(site_settings, name, value)
    site_settings.full_clean()
    site_settings.save()
    return site_settings


@pytest.fixture
def every_language(site_tree):
    """Each language's tree mirrors the English (untranslated pages are aliases)."""
    starter.sync_locale_trees()
    return site_tree


# Who runs the service -------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_organisation_that_runs_the_service_is_named_in_the_header_and_footer(
    client, every_language, language
):
    save_settings(organisation_name=ORGANISATION)

    document = parse(client.get(f"/{language}/"))

    header, footer = document.find("header"), document.find("footer")
    for where in (header, footer):
        holding = [e for e in document.find_all(within=where) if ORGANISATION in e.text]
        assert holding, f"{ORGANISATION} is not in the {where.tag} in {language}"
        innermost = [e for e in holding if not any(o.is_inside(e) for o in holding)]
        # Typed once, in English: marked as English on a page in another language.
        assert [e.get("lang") for e in innermost] == [None if language == "en" else "en"]
    # The footer's sentence is in the reader's language.
    assert ("run by" in footer.text) == (language == "en")


def test_without_an_organisation_the_header_has_no_empty_line(client, site_tree):
    document = parse(client.get("/en/"))

    header = document.find("header")
    assert not document.find_all("p", within=header)
    assert "run by" not in document.find("footer").text


# Footer headings ------------------------------------------------------------------------


def under_heading(document: Document, heading: Element) -> list[Element]:
    """The elements after a heading in its section: up to the next heading, and within the
    element that holds the heading."""
    after = document.elements[document.elements.index(heading) + 1 :]
    section = []
    for element in after:
        if not element.is_inside(heading.parent) or element.tag in HEADINGS:
            break
        section.append(element)
    return section


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"organisation_name": ORGANISATION},
        {"contact_email": "help@example.org"},
        {"contact_phone": "0800 888 6678", "contact_phone_hours": "Monday to Friday"},
        {"footer_links": "a page"},
        {
            "organisation_name": ORGANISATION,
            "contact_phone": "0800 888 6678",
            "contact_email": "help@example.org",
            "footer_links": "a page",
        },
    ],
    ids=["nothing set", "organisation", "email", "phone", "links", "everything"],
)
def test_every_footer_heading_has_links_or_details_under_it(client, site_tree, values):
    if values.get("footer_links"):
        values["footer_links"] = [("link", {"page": site_tree["library"], "text": ""})]
    save_settings(**values)

    document = parse(client.get("/en/"))

    footer = document.find("footer")
    headings = [element for element in document.find_all(within=footer) if element.tag in HEADINGS]
    for heading in headings:
        section = under_heading(document, heading)
        assert any(element.tag in {"a", "li"} for element in section), (
            f"The footer heading {heading.text!r} has nothing under it"
        )
    expected = (
        {"Contact us"} if values.get("contact_phone") or values.get("contact_email") else set()
    )
    if values.get("footer_links"):
        expected.add("Support links")
    assert {heading.text for heading in headings} == expected


# Footer links ---------------------------------------------------------------------------


@pytest.fixture
def accessibility_statement(every_language):
    page = ContentPageFactory(
        parent=every_language["home"], title="Accessibility statement", slug="accessibility"
    )
    starter.sync_locale_trees()
    outcome = starter.translate(
        starter.Translatable(page, "test"),
        Locale.objects.get(language_code="cy"),
        {
            ("test", page.title): "Datganiad hygyrchedd",
            ("test", page.slug): "hygyrchedd",
            ("test", page.summary): "Pa mor hawdd yw defnyddio'r wefan hon.",
            (
                "test",
                "A plan records what matters to you.",
            ): "Mae cynllun yn cofnodi beth sy'n bwysig.",
        },
    )
    assert outcome == starter.TRANSLATED
    save_settings(footer_links=[("link", {"page": page, "text": ""})])
    return page


def footer_link(client, language: str) -> Element:
    document = parse(client.get(f"/{language}/"))
    links = document.find_all("a", within=document.find("footer"))
    assert len(links) == 1, [link.text for link in links]
    return links[0]


def test_a_footer_link_goes_to_the_page_in_the_readers_language(client, accessibility_statement):
    english = footer_link(client, "en")
    assert (english.text, english.get("href")) == ("Accessibility statement", "/en/accessibility/")

    welsh = footer_link(client, "cy")
    assert (welsh.text, welsh.get("href")) == ("Datganiad hygyrchedd", "/cy/hygyrchedd/")
    assert welsh.get("lang") is None
    assert client.get(welsh.get("href")).status_code == 200


def test_a_footer_link_to_a_page_not_translated_yet_stays_in_the_language_and_says_so(
    client, accessibility_statement
):
    """Urdu has only the English alias: the link stays in /ur/ and its English title is
    marked as English."""
    urdu = footer_link(client, "ur")

    assert urdu.text == "Accessibility statement"
    assert urdu.get("href") == "/ur/accessibility/"
    assert (urdu.get("lang"), urdu.get("dir")) == ("en", "ltr")


def test_footer_link_words_typed_by_an_editor_are_shown_and_marked_as_english(
    client, every_language
):
    save_settings(
        footer_links=[("link", {"external_url": "https://example.org/a11y", "text": "Access"})]
    )

    for language in LANGUAGES:
        link = footer_link(client, language)
        assert (link.text, link.get("href")) == ("Access", "https://example.org/a11y")
        assert link.get("lang") == (None if language == "en" else "en")


def test_a_footer_link_to_a_web_address_needs_words_to_show(site_tree):
    block = LinkBlock()

    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(block.to_python({"text": "", "external_url": "https://example.org/"}))

    assert list(error.value.block_errors) == ["text"]
    # A page link may leave them out: the page's title is shown.
    block.clean(block.to_python({"text": "", "page": site_tree["library"].pk}))


# The contact details block ----------------------------------------------------------------


def test_a_pages_contact_details_come_from_the_site_settings(client, site_tree):
    page = ContentPageFactory(
        parent=site_tree["home"],
        title="Contact us",
        body=[("paragraph", "<p>Ring or write to us.</p>"), ("contact_details", None)],
    )
    not_yet = parse(client.get(page.url)).find("main")
    assert "The contact details for this service have not been added yet." in not_yet.text

    save_settings(
        organisation_name=ORGANISATION,
        contact_phone="0800 888 6678",
        contact_phone_hours="Monday to Friday, 9am to 5pm",
        contact_email="help@example.org",
    )

    document = parse(client.get(page.url))
    main = document.find("main")
    assert ORGANISATION in main.text
    assert document.find("a", within=main, href="tel:+44-800-888-6678").text == "0800 888 6678"
    assert "(Monday to Friday, 9am to 5pm)" in main.text
    assert document.find("a", within=main, href="mailto:help@example.org")
