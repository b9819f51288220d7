import pytest

from tests.factories import SupportOrganisationFactory

pytestmark = pytest.mark.django_db


def test_editor_preview_of_a_draft_organisation_shows_the_unpublished_changes(site_tree):
    organisation = SupportOrganisationFactory(name="Memory Cafe Network")
    organisation.name = "Memory Cafe Network (new name)"
    organisation.save_revision()

    draft = organisation.get_latest_revision_as_object()
    response = draft.make_preview_request()

    assert response.status_code == 200
    html = response.content.decode()
    assert "Memory Cafe Network (new name)" in html
    assert 'href="tel:+44-800-888-6678"' in html


def test_public_page_keeps_showing_the_published_version_while_a_draft_waits(client, site_tree):
    organisation = SupportOrganisationFactory(name="Memory Cafe Network")
    organisation.name = "Renamed in draft"
    organisation.save_revision()

    response = client.get(organisation.get_url())

    assert "Memory Cafe Network" in response.content.decode()
    assert "Renamed in draft" not in response.content.decode()
