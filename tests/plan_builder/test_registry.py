"""The plugin's extension point: content types become attachable through a hook, and a
badly made registration fails loudly at start-up rather than in front of a family."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from wagtail import hooks

from plan_builder import services
from plan_builder.checks import check_plan_attachables
from plan_builder.models import Attachment
from plan_builder.registry import PlanAttachable, registry
from plan_builder.tests.attachable_app.models import Leaflet
from plan_builder.tests.attachable_app.wagtail_hooks import LeafletAttachable
from tests.plan_factories import GoalFactory, PlanFactory, TeamFactory, practitioner

pytestmark = pytest.mark.django_db

PLAN_BUILDER = Path(__file__).resolve().parents[2] / "plan_builder"


@pytest.fixture
def fresh_registry():
    """Read the hooks again before and after a test that registers more."""
    registry.reset()
    yield registry
    registry.reset()


@pytest.fixture
def plan_and_user():
    team = TeamFactory()
    return PlanFactory(person__team=team), practitioner(team)


def test_a_third_type_registered_by_a_hook_is_attached_end_to_end(client, plan_and_user):
    plan, user = plan_and_user
    goal = GoalFactory(plan=plan, description="I want to understand my diagnosis.")
    leaflet = Leaflet.objects.create(
        title="Understanding your diagnosis", url="https://example.org/leaflet.pdf"
    )
    client.force_login(user)

    search = client.get(
        reverse("plan_builder:attach_search", args=[plan.pk]),
        {"type": "attachable_app.leaflet", "q": "diagnosis"},
    )
    assert "Understanding your diagnosis" in search.content.decode()
    attach_url = reverse(
        "plan_builder:attach", args=[plan.pk, "attachable_app.leaflet", leaflet.pk]
    )
    assert attach_url in search.content.decode()

    response = client.post(
        attach_url, {"reason": "So you can read it at home.", "goal": goal.pk, "revision": 0}
    )
    assert response.status_code == 302

    page = client.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()
    assert "Understanding your diagnosis" in page
    assert "So you can read it at home." in page
    assert "No longer available" not in page

    leaflet.is_published = False
    leaflet.save()
    page = client.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()
    assert "Understanding your diagnosis" in page
    assert "No longer available" in page


def test_a_type_without_languages_needs_nothing_more_for_someone_reading_another(client):
    """The defaults of the language API: each leaflet is its own item, in no language."""
    team = TeamFactory()
    plan = PlanFactory(person__team=team, person__preferred_language="ur")
    leaflet = Leaflet.objects.create(
        title="Understanding your diagnosis", url="https://example.org/leaflet.pdf"
    )
    attachable = LeafletAttachable()
    assert attachable.get_versions([str(leaflet.pk), "nope"], "ur") == {str(leaflet.pk): leaflet}
    assert attachable.get_version(leaflet, "ur") == leaflet
    assert attachable.get_other_languages([leaflet]) == {}
    client.force_login(practitioner(team))

    search = client.get(
        reverse("plan_builder:attach_search", args=[plan.pk]),
        {"type": "attachable_app.leaflet", "q": "diagnosis"},
    ).content.decode()
    client.post(
        reverse("plan_builder:attach", args=[plan.pk, "attachable_app.leaflet", leaflet.pk]),
        {"reason": "", "revision": 0},
    )
    copy = client.get(reverse("plan_builder:my_plan", args=[plan.pk])).content.decode()

    # Its language is not known, so nothing claims one.
    heading = (
        '<h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-2">Understanding your diagnosis</h3>'
    )
    assert heading in search and "Also in" not in search
    assert Attachment.objects.get(plan=plan).language == ""
    assert "<h3>Understanding your diagnosis</h3>" in copy


def test_registering_a_model_twice_is_refused(fresh_registry):
    class AnotherLeafletAttachable(LeafletAttachable):
        pass

    with (
        hooks.register_temporarily("register_plan_attachable", lambda: AnotherLeafletAttachable),
        pytest.raises(ImproperlyConfigured, match="registered as plan-attachable twice"),
    ):
        fresh_registry.populate()


def test_the_system_check_names_missing_methods(fresh_registry):
    class IncompleteAttachable(PlanAttachable):
        model = Attachment  # any model not yet registered

        def get_queryset(self):
            return Attachment.objects.all()

    with hooks.register_temporarily("register_plan_attachable", lambda: IncompleteAttachable):
        errors = check_plan_attachables(None)

    assert [error.id for error in errors] == ["plan_builder.E002"]
    assert "get_title, get_summary, get_url" in errors[0].msg


def test_the_system_check_reports_a_hook_that_returns_something_else(fresh_registry):
    with hooks.register_temporarily("register_plan_attachable", lambda: "not an attachable"):
        errors = check_plan_attachables(None)

    assert [error.id for error in errors] == ["plan_builder.E001"]


def test_the_registered_types_pass_the_system_check(fresh_registry):
    assert check_plan_attachables(None) == []
    keys = {attachable.key for attachable in fresh_registry.all()}
    assert keys >= {
        "resources.resourcepage",
        "resources.supportorganisation",
        "attachable_app.leaflet",
    }


def test_a_before_attach_hook_can_refuse_and_an_after_hook_hears_of_each_attachment(
    client, plan_and_user
):
    plan, user = plan_and_user
    allowed = Leaflet.objects.create(title="Allowed", url="https://example.org/a")
    refused = Leaflet.objects.create(title="Refused", url="https://example.org/r")
    heard = []

    def refuse_some(plan, content_object, user):
        if content_object.title == "Refused":
            raise services.AttachmentRefused("Our service does not give this leaflet any more.")

    def remember(attachment, content_object, user):
        heard.append(attachment.title)

    client.force_login(user)
    with (
        hooks.register_temporarily("before_attach_to_plan", refuse_some),
        hooks.register_temporarily("after_attach_to_plan", remember),
    ):
        for leaflet in (allowed, refused):
            response = client.post(
                reverse(
                    "plan_builder:attach", args=[plan.pk, "attachable_app.leaflet", leaflet.pk]
                ),
                {"reason": "", "revision": 0},
            )

    assert response.status_code == 200
    assert "Our service does not give this leaflet any more." in response.content.decode()
    assert heard == ["Allowed"]
    assert list(Attachment.objects.values_list("title", flat=True)) == ["Allowed"]


def test_the_plugin_never_imports_the_sites_apps():
    forbidden = {"resources", "website", "tests"}
    for path in PLAN_BUILDER.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not {name.split(".")[0] for name in names} & forbidden, (path, names)
