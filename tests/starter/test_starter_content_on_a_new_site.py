"""Starter content loaded into a site that is not the one Wagtail starts with: each test
changes the site first, so each loads the content itself."""

import pytest
from wagtail.models import Site

from pages.models import HomePage, SiteSettings
from tests.starter.test_starter_content import SERVICE_PAGES, load


@pytest.mark.django_db
def test_creates_a_default_site_when_there_is_none():
    Site.objects.all().delete()

    load()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    assert isinstance(site.root_page.specific, HomePage)


@pytest.mark.django_db
def test_a_site_with_its_own_details_but_no_footer_links_gets_the_service_pages():
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.create(site=site, organisation_name="Anytown Memory Service")

    load()

    site_settings = SiteSettings.for_site(site)
    assert site_settings.organisation_name == "Anytown Memory Service"
    assert not site_settings.contact_phone
    assert [link.value["page"].slug for link in site_settings.footer_links] == SERVICE_PAGES
