"""One team's plan with something in every list, a shared link, and clients that report a
server error as a 500 response instead of raising it, so a test can say which input broke."""

from dataclasses import dataclass

import pytest
from django.test import Client

from plan_builder import services
from plan_builder.models import Attachment, Goal, Plan, ShareLink
from plan_builder.tests.attachable_app.models import Leaflet
from resources.models import SupportOrganisation
from starter.translation import sync_locale_trees
from tests.factories import (
    ResourcePageFactory,
    SupportOrganisationFactory,
    TopicFactory,
    translate_into,
)
from tests.plan_factories import (
    GoalFactory,
    PlanFactory,
    TeamFactory,
    practitioner,
    rows_of_every_kind,
)

NAME = "Philomena Quarterman"
NHS_NUMBER = "4010232137"  # shown on practitioners' pages as 401 023 2137


@dataclass
class World:
    plan: Plan
    goal: Goal
    rows: dict
    resource_attachment: Attachment
    service_attachment: Attachment
    resource: object
    share_link: ShareLink
    token: str
    lead: object
    member: object
    team: object


@pytest.fixture
def world(site_tree) -> World:
    team = TeamFactory(name="Salford memory service")
    lead = practitioner(team, is_lead=True, username="lead")
    member = practitioner(team, username="member")
    plan = PlanFactory(
        shared=True,
        share__actor=lead,
        person__team=team,
        person__full_name=NAME,
        person__nhs_number=NHS_NUMBER,
    )
    goal = GoalFactory(plan=plan)
    resource = ResourcePageFactory(parent=site_tree["library"])
    resource_attachment = services.attachment_create(
        plan=plan, actor=lead, attachable_key="resources.resourcepage", object_id=str(resource.pk)
    )
    service_attachment = services.attachment_create(
        plan=plan,
        actor=lead,
        attachable_key="resources.supportorganisation",
        object_id=str(SupportOrganisationFactory().pk),
        support_type="signposted",
    )
    rows = rows_of_every_kind(plan=plan, goal=goal, attachment=service_attachment)
    plan.refresh_from_db()
    return World(
        plan=plan,
        goal=goal,
        rows=rows,
        resource_attachment=resource_attachment,
        service_attachment=service_attachment,
        resource=resource,
        share_link=plan.share_link,
        token=plan.share_token,
        lead=lead,
        member=member,
        team=team,
    )


@pytest.fixture
def attach_world(world) -> World:
    """The world's library as the attach search finds it in a multilingual site: every item
    carries a topic (so each filter offers something), the resource and the organisation are
    translated into Welsh, every page is mirrored in the other languages, and a leaflet of
    the test app's third type is published."""
    topic = TopicFactory(name="Memory", slug="memory")
    world.resource.topics.set([topic])
    world.resource.save_revision().publish()
    organisation = SupportOrganisation.objects.get(pk=world.service_attachment.object_id)
    organisation.topics.set([topic])
    organisation.save()
    sync_locale_trees()
    translate_into(world.resource, "cy", {})
    translate_into(organisation, "cy", {})
    Leaflet.objects.create(title="Memory and you", url="https://example.org/memory.pdf")
    return world


@pytest.fixture
def anonymous() -> Client:
    return Client(raise_request_exception=False)


@pytest.fixture
def lead_client(world) -> Client:
    """The team lead: every page of the plan, the audit log included, opens for them."""
    client = Client(raise_request_exception=False)
    client.force_login(world.lead)
    return client
