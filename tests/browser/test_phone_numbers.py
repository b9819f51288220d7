"""A phone number is never broken across two lines, on any page that shows one, at any width
from a small phone (320 CSS px) to a desktop: half a number at the end of one line and the
rest on the next is easy to misread and misdial. Measured in Chromium: each tel: link's text
must sit in one line box, at every width in a sweep (where a line ends moves with the width,
so a sweep finds the widths at which a number would fall across a line end)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [*range(320, 520, 6), *range(520, 1300, 40)]
PHONE_LABEL = "Admiral Nurse Dementia Helpline for families"
FOOTER_HOURS = "Monday to Friday, 9am to 5pm, except bank holidays"


@pytest.fixture
def pages_with_numbers(library, team, practitioner_user):
    """The helpline's number on its page, in the directory and in search results; the
    service's own number in the footer; and the helpline in a plan's printable copy."""
    from wagtail.models import Site

    from pages.models import SiteSettings
    from plan_builder import services
    from plan_builder.models import SupportType
    from tests.plan_factories import ContactFactory, PlanFactory

    organisation = library["organisation"]
    organisation.phone_label = PHONE_LABEL
    organisation.call_cost = "free"
    organisation.save_revision().publish()
    footer = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    footer.contact_phone = "0161 496 0000"
    footer.contact_phone_hours = FOOTER_HOURS
    footer.save()
    plan = PlanFactory(person__team=team)
    ContactFactory(plan=plan, phone="0161 496 0123")
    services.attachment_create(
        plan=plan,
        actor=practitioner_user,
        attachable_key="resources.supportorganisation",
        object_id=str(organisation.pk),
        reason="Specialist nurses you can ring for advice.",
        support_type=SupportType.SIGNPOSTED,
    )
    directory = library["directory"].url
    return {
        "the organisation's page": f"{directory}{organisation.slug}/",
        "the directory": directory,
        "search results": "/en/search/?q=Admiral",
        "the footer": "/en/",
        "the person's copy of their plan": f"/plans/{plan.pk}/my-plan/",
    }


def sign_in_to_plans(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/plans/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Plans", exact=True)).to_be_visible()


def broken_numbers(page: Page) -> list[str]:
    """The text of every visible tel: link that takes more than one line box."""
    return page.evaluate(
        """() => [...document.querySelectorAll('a[href^="tel:"]')]
            .filter((link) => link.getClientRects().length > 0)
            .filter((link) => {
                const range = document.createRange();
                range.selectNodeContents(link);
                const tops = new Set([...range.getClientRects()]
                    .filter((box) => box.width > 0)
                    .map((box) => Math.round(box.top)));
                return tops.size > 1;
            })
            .map((link) => link.textContent.trim())"""
    )


def test_no_phone_number_breaks_across_lines(
    live_server, pages_with_numbers, practitioner_user, new_context
):
    base_url = live_server.url
    page = new_context(viewport={"width": WIDTHS[0], "height": 800}).new_page()
    sign_in_to_plans(page, base_url, practitioner_user.username)
    failures = []
    for name, path in pages_with_numbers.items():
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(base_url + path)
        expect(page.locator('a[href^="tel:"]').first).to_be_visible()
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            failures.extend(f"{name} at {width}px: {number}" for number in broken_numbers(page))
    assert failures == []
