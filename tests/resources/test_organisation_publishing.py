"""An organisation goes live only with a way to reach it (a phone number, website or email),
however it is published: from the editor, through workflow approval, from the translation
editor or on a schedule. Drafts can be saved without one."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import rich_text

from core.publishing import PublishingRefused
from resources.models import SupportOrganisation
from tests.factories import SupportOrganisationFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/resources/supportorganisation/"
NO_WAY_TO_REACH = (
    "Add a phone number, website or email address, so people have a way to reach them."
)


def signed_in(client, group_name: str):
    user = get_user_model().objects.create_user(username=group_name.lower(), password="x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def form_data(**fields) -> dict:
    data = {
        "name": "Salford Carers Centre",
        "slug": "salford-carers-centre",
        "summary": "Support for carers in Salford.",
        "what_it_offers": rich_text("<p>A carers group every week.</p>"),
        "website": "",
        "phone": "",
        "phone_label": "",
        "call_cost": "",
        "email": "",
        "opening_hours": "",
        "area_type": "local-authority",
        "area_name": "Salford",
        "languages": "",
        "interpreters": "",
        "british_sign_language": "",
        "for_families_and_carers": "on",
        "topics": "",
    }
    data.update(fields)
    return data


def field_errors(response) -> dict[str, list[str]]:
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def test_a_draft_can_be_saved_without_a_way_to_reach_them(client, site_tree):
    signed_in(client, "Editors")
    response = client.post(ADMIN + "add/", form_data())
    assert response.status_code == 302
    organisation = SupportOrganisation.objects.get(slug="salford-carers-centre")
    assert not organisation.live
    assert organisation.latest_revision is not None


@pytest.mark.parametrize(
    ("group_name", "action"), [("Moderators", "action-publish"), ("Editors", "action-submit")]
)
def test_publishing_or_submitting_needs_a_way_to_reach_them(client, site_tree, group_name, action):
    signed_in(client, group_name)
    response = client.post(ADMIN + "add/", form_data(**{action: "on"}))
    assert response.status_code == 200
    assert field_errors(response) == {"phone": [NO_WAY_TO_REACH]}
    assert not SupportOrganisation.objects.exists()


@pytest.mark.parametrize(
    "way",
    [
        {"phone": "0161 496 0000"},
        {"website": "https://www.example.org/"},
        {"email": "help@example.org"},
    ],
)
def test_any_one_way_to_reach_them_is_enough_to_publish(client, site_tree, way):
    signed_in(client, "Moderators")
    response = client.post(ADMIN + "add/", form_data(**way, **{"action-publish": "on"}))
    assert response.status_code == 302
    assert SupportOrganisation.objects.get(slug="salford-carers-centre").live


def test_a_wrong_phone_number_gets_its_own_message_only(client, site_tree):
    signed_in(client, "Moderators")
    response = client.post(ADMIN + "add/", form_data(phone="12", **{"action-publish": "on"}))
    errors = field_errors(response)["phone"]
    assert NO_WAY_TO_REACH not in errors
    assert len(errors) == 1


@pytest.fixture
def in_moderation_without_a_way_to_reach_them(site_tree):
    """Submitted with a phone number, then a draft saved without it (drafts may be
    incomplete), so approving would publish an organisation nobody can reach."""
    organisation = SupportOrganisationFactory(
        slug="salford", live=False, phone="0161 496 0000", website=""
    )
    organisation.save_revision()
    Workflow.objects.get(name="Moderators approval").start(organisation, user=None)
    organisation.phone = ""
    organisation.save_revision()
    return organisation


@pytest.mark.parametrize("xhr", [False, True], ids=["form", "modal"])
def test_approving_from_the_dashboard_does_not_publish_it(
    client, in_moderation_without_a_way_to_reach_them, xhr
):
    organisation = in_moderation_without_a_way_to_reach_them
    signed_in(client, "Moderators")
    task_state = WorkflowState.objects.for_instance(organisation).get().current_task_state
    url = f"{ADMIN}workflow/action/{organisation.pk}/approve/{task_state.pk}/"
    headers = {"x-requested-with": "XMLHttpRequest"} if xhr else {}

    response = client.post(url, {"comment": ""}, headers=headers)

    edit_url = f"{ADMIN}edit/{organisation.pk}/"
    if xhr:
        assert json.loads(response.content) == {"step": "success", "redirect": edit_url}
    else:
        assert (response.status_code, response["Location"]) == (302, edit_url)
    page = client.get(edit_url).content.decode()
    assert "was not published." in page
    assert NO_WAY_TO_REACH in page
    organisation.refresh_from_db()
    assert not organisation.live
    state = WorkflowState.objects.for_instance(organisation).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS  # still waiting, not approved


def test_publishing_a_revision_directly_is_refused(in_moderation_without_a_way_to_reach_them):
    organisation = in_moderation_without_a_way_to_reach_them
    with pytest.raises(PublishingRefused):
        organisation.get_latest_revision().publish()
    organisation.refresh_from_db()
    assert not organisation.live


def test_scheduled_publishing_leaves_it_scheduled_and_publishes_the_rest(site_tree):
    due = timezone.now() - datetime.timedelta(minutes=5)
    unreachable = SupportOrganisationFactory(slug="unreachable", live=False, phone="", website="")
    reachable = SupportOrganisationFactory(slug="reachable", live=False)
    for organisation in (unreachable, reachable):
        revision = organisation.save_revision()
        revision.approved_go_live_at = due
        revision.save()

    call_command("publish_scheduled")

    unreachable.refresh_from_db()
    reachable.refresh_from_db()
    assert not unreachable.live
    assert unreachable.scheduled_revision is not None  # still shown as scheduled in the admin
    assert reachable.live


def test_details_checked_in_the_form_record_who_checked_them(client, site_tree):
    editor = signed_in(client, "Editors")
    response = client.post(
        ADMIN + "add/",
        form_data(
            website="https://carers.example.org/",
            last_reviewed="2026-11-30",
            next_review_due="2027-11-30",
        ),
    )
    assert response.status_code == 302
    organisation = SupportOrganisation.objects.get(slug="salford-carers-centre")
    assert organisation.reviewed_by == editor
    assert organisation.owner == editor  # whoever adds an entry looks after it, by default

    response = client.post(
        ADMIN + "add/",
        form_data(slug="other", last_reviewed="2026-11-30", next_review_due="2026-11-01"),
    )
    assert field_errors(response) == {
        "next_review_due": ["The next review must be after the last review."]
    }
