"""Full links use the site's public address (SITE_URL), port included: the sitemap, and the
resources and organisations printed in a person's copy of their plan, its PDF and FHIR."""

import io
import json

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import Site

from core.public_address import public_address, sync_default_site
from plan_builder import services
from tests.factories import ResourcePageFactory, SupportOrganisationFactory
from tests.plan_factories import PlanFactory, TeamFactory, practitioner

pytestmark = pytest.mark.django_db

SERVED = "http://localhost:8000"


@pytest.mark.parametrize(
    ("site_url", "hostname", "port"),
    [
        ("http://localhost:8000", "localhost", 8000),
        ("http://localhost:8000/", "localhost", 8000),
        ("https://dementia.example.org", "dementia.example.org", 443),
        ("http://192.168.1.20:8001", "192.168.1.20", 8001),
    ],
)
def test_the_address_is_read_from_site_url(site_url, hostname, port):
    address = public_address(site_url)
    assert (address.hostname, address.port) == (hostname, port)


@pytest.mark.parametrize(
    "site_url",
    ["localhost:8000", "ftp://example.org", "https://example.org:8443", "https://example.org/x/"],
)
def test_an_address_wagtail_cannot_serve_is_refused_by_the_system_check(site_url):
    with pytest.raises(ImproperlyConfigured):
        public_address(site_url)
    with override_settings(SITE_URL=site_url):
        assert "website.E001" in {message.id for message in run_checks()}


@override_settings(SITE_URL=SERVED)
def test_migrate_moves_the_default_site_to_the_public_address(site_tree):
    call_command("migrate", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 8000)
    assert site.root_url == SERVED


@override_settings(SITE_URL=SERVED)
def test_the_sitemap_links_carry_the_port(client, site_tree):
    sync_default_site()
    resource = ResourcePageFactory(parent=site_tree["library"], slug="my-life-my-goals")

    sitemap = client.get("/sitemap.xml").content.decode()

    assert f"<loc>{SERVED}/en/resources/my-life-my-goals/</loc>" in sitemap
    assert "http://localhost/" not in sitemap
    assert resource.get_full_url() == f"{SERVED}/en/resources/my-life-my-goals/"


@override_settings(SITE_URL=SERVED)
def test_the_persons_copy_pdf_and_fhir_link_to_the_site_with_its_port(client, site_tree):
    sync_default_site()
    resource = ResourcePageFactory(parent=site_tree["library"], slug="my-life-my-goals")
    organisation = SupportOrganisationFactory(slug="admiral-nurses", website="")
    team = TeamFactory()
    user = practitioner(team)
    plan = PlanFactory(person__team=team, person__preferred_language="en")
    for key, item in (
        ("resources.resourcepage", resource),
        ("resources.supportorganisation", organisation),
    ):
        services.attachment_create(
            plan=plan, actor=user, attachable_key=key, object_id=str(item.pk)
        )
    client.force_login(user)

    copy = client.get(reverse("plan_builder:my_plan", args=[plan.pk])).content.decode()
    fhir = json.dumps(client.get(reverse("plan_builder:plan_fhir", args=[plan.pk])).json())
    pdf = PdfReader(
        io.BytesIO(client.get(reverse("plan_builder:my_plan_pdf", args=[plan.pk])).content)
    )
    pdf_links = " ".join(
        annotation.get_object()["/A"]["/URI"]
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    )

    resource_url = f"{SERVED}/en/resources/my-life-my-goals/"
    organisation_url = f"{SERVED}/en/support-organisations/admiral-nurses/"
    for text in (copy, fhir, pdf_links):
        assert resource_url in text
        assert organisation_url in text
        assert "http://localhost/" not in text
