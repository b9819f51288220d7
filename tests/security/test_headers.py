"""Security headers on every kind of page: the Content-Security-Policy (a strict one on the
public site and the plan builder, a documented looser one on the Wagtail admin), and
X-Frame-Options, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy and Permissions-Policy.

Plan pages' `Cache-Control: no-store` is tested in tests/plan_builder/test_access.py."""

from __future__ import annotations

import importlib.util

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import HomePage
from tests.factories import ContentPageFactory, ResourcePageFactory, SupportOrganisationFactory
from tests.plan_factories import GoalFactory, PlanFactory, TeamFactory, UserFactory, practitioner
from tests.security.policy import parse_policy

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"
# The public site and the plan builder.
STRICT_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# A video block frames a YouTube or Vimeo player; nothing else is framed from elsewhere.
FRAME_SRC = [
    "'self'",
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
# What the admin's policy relaxes, and only that (the reasons are in website/settings/base.py).
ADMIN_RELAXED = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "www.gravatar.com"],
    "connect-src": ["'self'", "https://releases.wagtail.org"],
    "frame-src": ["'self'"],
}
PERMISSIONS_OFF = ["camera", "microphone", "geolocation", "payment", "usb"]


def assert_security_headers(response, *, framed_by: str = "DENY") -> None:
    assert response["X-Frame-Options"] == framed_by
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    features = dict(item.strip().split("=") for item in response["Permissions-Policy"].split(","))
    for feature in PERMISSIONS_OFF:
        assert features.get(feature) == "()", feature


def assert_strict_policy(response, *, frame_ancestors: str = "'none'") -> None:
    assert CSP in response, "no Content-Security-Policy header"
    header = response[CSP]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header, header
    policy = parse_policy(header)
    assert policy == {
        **STRICT_DIRECTIVES,
        "frame-src": FRAME_SRC,
        "frame-ancestors": [frame_ancestors],
    }, header
    assert_security_headers(
        response, framed_by="SAMEORIGIN" if frame_ancestors != "'none'" else "DENY"
    )


# Public pages ---------------------------------------------------------------------------------


@pytest.fixture
def public_urls(site_tree):
    """One page of each kind, in each language where the kind differs by language."""
    about = ContentPageFactory(parent=site_tree["home"], title="About this service")
    resource = ResourcePageFactory(parent=site_tree["library"], title="Memory workbook")
    organisation = SupportOrganisationFactory(name="Carers Trust", slug="carers-trust")
    return {
        "home (English)": "/en/",
        "home (Welsh)": "/cy/",
        "home (Urdu)": "/ur/",
        "home (Polish)": "/pl/",
        "content page": about.url,
        "library": "/en/resources/",
        "library (Welsh)": "/cy/resources/",
        "resource": resource.url,
        "directory": "/en/support-organisations/",
        "organisation": f"/en/support-organisations/{organisation.slug}/",
        "search": "/en/search/?q=memory",
    }


def test_public_pages_have_the_strict_policy_and_the_security_headers(client, public_urls):
    for kind, url in public_urls.items():
        response = client.get(url)
        assert response.status_code == 200, (kind, url, response.status_code)
        assert_strict_policy(response)


@pytest.mark.parametrize("url", ["/en/no-such-page/", "/cy/no-such-page/", "/no-such-page/"])
def test_not_found_pages_have_the_strict_policy(client, site_tree, url):
    response = client.get(url, follow=True)
    assert response.status_code == 404
    assert_strict_policy(response)


def test_the_server_error_page_has_the_strict_policy(site_tree, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(HomePage, "serve", broken)
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 500
    assert_strict_policy(response)


def test_an_editor_signed_in_on_a_public_page_still_gets_the_strict_policy(client, site_tree):
    """The Wagtail userbar is shown to them; it loads its own script and styles as files."""
    client.force_login(UserFactory(username="editor", is_superuser=True, is_staff=True))
    response = client.get("/en/")
    assert b"wagtail-userbar" in response.content
    assert_strict_policy(response)


# The plan builder -----------------------------------------------------------------------------


@pytest.fixture
def plan_pages(site_tree):
    team = TeamFactory(name="Central memory service")
    member = practitioner(team, username="member")
    plan = PlanFactory(
        shared=True, share__actor=member, person__team=team, person__full_name="Margaret Example"
    )
    GoalFactory(plan=plan)
    return {
        "member": member,
        "signed in": {
            "plan list": reverse("plan_builder:plan_list"),
            "plan": reverse("plan_builder:plan_detail", args=[plan.pk]),
            "a form": reverse("plan_builder:section_edit", args=[plan.pk, "about-me"]),
            "printed plan": reverse("plan_builder:my_plan", args=[plan.pk]),
            "not found": reverse("plan_builder:plan_detail", args=[plan.pk + 1000]),
        },
        "signed out": {
            "sign in": reverse("plan_builder:login"),
            "shared link": reverse("plan_builder:shared_plan", args=[plan.share_token]),
            "shared link gone": reverse("plan_builder:shared_plan", args=["no-such-token"]),
        },
    }


def test_plan_pages_have_the_strict_policy_and_the_security_headers(client, plan_pages):
    for kind, url in plan_pages["signed out"].items():
        response = client.get(url)
        assert response.status_code in (200, 404), (kind, url, response.status_code)
        assert_strict_policy(response)
    client.force_login(plan_pages["member"])
    for kind, url in plan_pages["signed in"].items():
        response = client.get(url)
        assert response.status_code == (404 if kind == "not found" else 200), (kind, url)
        assert_strict_policy(response)


# The Wagtail admin ----------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, site_tree):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


def assert_admin_policy(response, *, frame_ancestors: str = "'none'") -> None:
    header = response[CSP]
    assert "unsafe-eval" not in header, header
    assert parse_policy(header) == {
        **STRICT_DIRECTIVES,
        **ADMIN_RELAXED,
        "frame-ancestors": [frame_ancestors],
    }, header


def test_the_admin_has_its_own_policy_relaxing_only_what_it_needs(client, admin_client):
    assert_admin_policy(Client().get("/admin/login/"))
    for url in ["/admin/", "/admin/pages/", "/admin/images/multiple/add/"]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_admin_policy(response)
        assert_security_headers(response)


def test_a_page_preview_may_be_framed_by_the_admin_and_has_the_public_policy(
    admin_client, site_tree
):
    """The page editor shows the preview in an iframe: X-Frame-Options SAMEORIGIN (Wagtail's
    doing) and frame-ancestors 'self' agree. It is the public page, so it has the public
    policy, and an editor sees there what the policy will let the public page do."""
    page = ContentPageFactory(parent=site_tree["home"], title="About this service")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": "About this service",
            "slug": page.slug,
            "summary": "What a care and support plan is.",
            "body": streamfield([("paragraph", rich_text("<p>A plan records what matters.</p>"))]),
        }
    )
    assert admin_client.post(url, data).json()["is_valid"]

    response = admin_client.get(url)

    assert response.status_code == 200
    assert b"A plan records what matters." in response.content
    assert_strict_policy(response, frame_ancestors="'self'")


def test_a_block_preview_may_be_framed_by_the_admin(admin_client):
    """The block chooser's previews: admin responses Wagtail marks SAMEORIGIN."""
    from core.blocks import BodyStreamBlock

    block = BodyStreamBlock().child_blocks["inset_text"]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert_admin_policy(response, frame_ancestors="'self'")
    assert_security_headers(response, framed_by="SAMEORIGIN")


# Production -----------------------------------------------------------------------------------


def test_production_also_upgrades_insecure_requests(client, site_tree, settings, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "a-test-key-for-reading-the-production-settings")
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    spec = importlib.util.find_spec("website.settings.production")
    production = importlib.util.module_from_spec(spec)  # read, not installed in sys.modules
    spec.loader.exec_module(production)
    settings.CONTENT_SECURITY_POLICY = production.CONTENT_SECURITY_POLICY
    settings.ADMIN_CONTENT_SECURITY_POLICY = production.ADMIN_CONTENT_SECURITY_POLICY

    for url in ["/en/", "/admin/login/"]:
        policy = parse_policy(client.get(url)[CSP])
        assert policy["upgrade-insecure-requests"] == [], url
        assert policy["default-src"] == ["'self'"], url
