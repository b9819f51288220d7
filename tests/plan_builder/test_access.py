"""Who can reach a plan. Every plan URL is tried by a practitioner of another team (404, as if
it did not exist), an editor in no team (403) and someone signed out (to sign-in), and none of
them sees a word of it."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from plan_builder import services
from plan_builder.sections import ROW_KINDS, SECTION_FORMS
from tests.factories import ResourcePageFactory
from tests.plan_factories import (
    GoalFactory,
    PlanFactory,
    TeamFactory,
    UserFactory,
    practitioner,
    rows_of_every_kind,
)

pytestmark = pytest.mark.django_db

NAME = "Philomena Quarterman"


@pytest.fixture
def world(site_tree):
    team = TeamFactory(name="Salford memory service")
    lead = practitioner(team, is_lead=True, username="lead")
    member = practitioner(team, username="member")
    outsider = practitioner(TeamFactory(name="Bolton memory service"), username="outsider")
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    plan = PlanFactory(shared=True, share__actor=lead, person__team=team, person__full_name=NAME)
    goal = GoalFactory(plan=plan)
    resource = ResourcePageFactory(parent=site_tree["library"])
    attachment = services.attachment_create(
        plan=plan, actor=lead, attachable_key="resources.resourcepage", object_id=str(resource.pk)
    )
    rows = rows_of_every_kind(plan=plan, goal=goal, attachment=attachment)
    return {
        "plan": plan,
        "goal": goal,
        "rows": rows,
        "resource": resource,
        "share_link": plan.share_link,
        "lead": lead,
        "member": member,
        "outsider": outsider,
        "editor": editor,
    }


def plan_urls(world) -> list[str]:
    """Every URL in plan_builder/urls.py that names a plan, with real ids of that plan."""
    plan_id = world["plan"].pk
    urls = [
        reverse(name, args=[plan_id])
        for name in [
            "plan_builder:plan_detail",
            "plan_builder:person_edit",
            "plan_builder:attach_search",
            "plan_builder:start_review",
            "plan_builder:plan_audit",
            "plan_builder:my_plan",
            "plan_builder:my_plan_pdf",
            "plan_builder:plan_fhir",
            "plan_builder:share",
            "plan_builder:person_delete",
        ]
    ]
    urls += [
        reverse("plan_builder:section_edit", args=[plan_id, section]) for section in SECTION_FORMS
    ]
    urls += [
        reverse("plan_builder:row_add", args=[plan_id, kind])
        for kind, row_kind in ROW_KINDS.items()
        if row_kind.can_add and not row_kind.belongs_to_goal
    ]
    urls += [
        reverse("plan_builder:goal_row_add", args=[plan_id, world["goal"].pk, kind])
        for kind, row_kind in ROW_KINDS.items()
        if row_kind.belongs_to_goal
    ]
    for kind, row in world["rows"].items():
        urls.append(reverse("plan_builder:row_edit", args=[plan_id, kind, row.pk]))
        urls.append(reverse("plan_builder:row_delete", args=[plan_id, kind, row.pk]))
    urls.append(
        reverse(
            "plan_builder:attach",
            args=[plan_id, "resources.resourcepage", world["resource"].pk],
        )
    )
    urls.append(reverse("plan_builder:share_stop", args=[plan_id, world["share_link"].pk]))
    urls += [
        reverse("plan_builder:person_export", args=[plan_id, export_format])
        for export_format in ["json", "fhir"]
    ]
    return urls


def assert_no_plan_data(response) -> None:
    body = response.content.decode(errors="replace")
    assert NAME not in body
    assert "Quarterman" not in body


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_practitioner_of_another_team_finds_nothing(client, world, method):
    client.force_login(world["outsider"])
    for url in plan_urls(world):
        response = getattr(client, method)(url)
        assert response.status_code == 404, url
        assert_no_plan_data(response)
        assert "no-store" in response["Cache-Control"], url


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_editor_in_no_team_is_refused(client, world, method):
    client.force_login(world["editor"])
    for url in [*plan_urls(world), reverse("plan_builder:plan_list")]:
        response = getattr(client, method)(url)
        assert response.status_code == 403, url
        assert_no_plan_data(response)
        assert "no-store" in response["Cache-Control"], url


@pytest.mark.parametrize("method", ["get", "post"])
def test_someone_signed_out_is_sent_to_sign_in(client, world, method):
    for url in [*plan_urls(world), reverse("plan_builder:plan_list")]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/plans/sign-in/?next="), url
        assert_no_plan_data(response)
        assert "no-store" in response["Cache-Control"], url


def test_a_team_member_opens_every_page_of_their_teams_plan(client, world):
    client.force_login(world["member"])
    post_only = {
        reverse("plan_builder:share_stop", args=[world["plan"].pk, world["share_link"].pk])
    }
    lead_only = {
        reverse("plan_builder:plan_audit", args=[world["plan"].pk]),
        reverse("plan_builder:person_delete", args=[world["plan"].pk]),
    }
    for url in plan_urls(world):
        response = client.get(url)
        expected = 405 if url in post_only else 403 if url in lead_only else 200
        assert response.status_code == expected, url
        assert "no-store" in response["Cache-Control"], url
        assert "noindex" in response["X-Robots-Tag"], url


def test_a_team_member_can_post_to_every_form_without_a_server_error(client, world):
    """Empty posts: a form page again (200), done (302), lead-only (403) or a page that only
    shows things (405). Removals go last, the goal's last of all, so every id still exists."""
    client.force_login(world["member"])
    urls = plan_urls(world)
    goal_removal = reverse(
        "plan_builder:row_delete", args=[world["plan"].pk, "goals", world["goal"].pk]
    )
    urls.sort(key=lambda url: (url.endswith("/remove/"), url == goal_removal))
    for url in urls:
        response = client.post(url)
        assert response.status_code in (200, 302, 403, 405), url
        assert "no-store" in response["Cache-Control"], url
    assert type(world["plan"]).objects.filter(pk=world["plan"].pk).exists()


def test_the_list_and_sign_in_pages_are_not_cached(client, world):
    assert "no-store" in client.get(reverse("plan_builder:login"))["Cache-Control"]
    client.force_login(world["member"])
    assert "no-store" in client.get(reverse("plan_builder:plan_list"))["Cache-Control"]
    assert "no-store" in client.get(reverse("plan_builder:plan_create"))["Cache-Control"]


def test_a_team_lead_reaches_the_audit_log_and_erasure(client, world):
    client.force_login(world["lead"])
    for name in ["plan_builder:plan_audit", "plan_builder:person_delete"]:
        assert client.get(reverse(name, args=[world["plan"].pk])).status_code == 200


def test_an_earlier_version_is_readable_but_its_forms_are_gone(client, world):
    old = PlanFactory(reviewed=True, person__team=world["plan"].person.team).replaces
    client.force_login(world["member"])

    page = client.get(reverse("plan_builder:plan_detail", args=[old.pk]))

    assert page.status_code == 200
    assert "This is an earlier version" in page.content.decode()
    assert reverse("plan_builder:section_edit", args=[old.pk, "about-me"]) not in (
        page.content.decode()
    )
    for url in [
        reverse("plan_builder:section_edit", args=[old.pk, "about-me"]),
        reverse("plan_builder:row_add", args=[old.pk, "goals"]),
        reverse("plan_builder:share", args=[old.pk]),
    ]:
        assert client.get(url).status_code == 404, url


def test_the_plan_list_shows_only_the_users_teams(client, world):
    other = PlanFactory(person__full_name="Someone Elsewhere")
    client.force_login(world["member"])

    html = client.get(reverse("plan_builder:plan_list")).content.decode()

    assert NAME in html
    assert other.person.full_name not in html


def test_plans_are_not_in_public_search_nor_open_to_robots(client, world):
    response = client.get("/en/search/", {"q": "Quarterman"})

    assert response.status_code == 200
    assert "We found nothing for “Quarterman”" in response.content.decode()
    assert "Disallow: /plans/" in client.get("/robots.txt").content.decode()


def test_forms_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["member"])

    response = client.post(
        reverse("plan_builder:section_edit", args=[world["plan"].pk, "about-me"]),
        {"what_matters_most": "Forged"},
    )

    assert response.status_code == 403
    world["plan"].refresh_from_db()
    assert world["plan"].what_matters_most != "Forged"


def test_an_unknown_share_token_is_a_plain_404(client):
    response = client.get(reverse("plan_builder:shared_plan", args=["x" * 43]))

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_stay_signed_in_renews_only_a_practitioners_own_session_and_shows_nothing(world):
    """The one plan builder address that names no plan: for the timeout warning's "Stay
    signed in". Practitioners of any team renew their own session; nobody gets plan data."""
    url = reverse("plan_builder:stay_signed_in")
    expected = {"outsider": 200, "member": 200, "editor": 403, None: 401}
    for username, status in expected.items():
        client = Client()
        if username:
            client.force_login(world[username])
        response = client.post(url)
        assert response.status_code == status, username
        assert_no_plan_data(response)
        assert "no-store" in response["Cache-Control"], username
        assert client.get(url).status_code == 405, username
