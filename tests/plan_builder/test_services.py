"""The verbs that change plans: what a practitioner and the person rely on after the fact."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plan_builder import services
from plan_builder.models import (
    Action,
    Attachment,
    AuditAction,
    AuditEvent,
    GoalRating,
    Person,
    Plan,
    ReviewType,
    ShareLink,
)
from plan_builder.selectors import attachments_as_shown, plan_detail
from tests.factories import ResourcePageFactory, SupportOrganisationFactory
from tests.plan_factories import (
    ActionFactory,
    ContactFactory,
    GoalFactory,
    GoalRatingFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def attach_resource(plan, user, resource, **kwargs):
    return services.attachment_create(
        plan=plan,
        actor=user,
        attachable_key="resources.resourcepage",
        object_id=str(resource.pk),
        **kwargs,
    )


def test_an_attachment_keeps_what_was_given_after_the_resource_is_deleted(
    site_tree, client, plan, user
):
    resource = ResourcePageFactory(
        parent=site_tree["library"],
        title="My Life, My Goals",
        external_url="https://example.org/my-life-my-goals",
    )
    attachment = attach_resource(plan, user, resource, reason="To plan your goals with Ann.")

    resource.delete()

    attachment.refresh_from_db()
    assert attachment.title == "My Life, My Goals"
    assert attachment.external_url == "https://example.org/my-life-my-goals"
    assert not attachments_as_shown([attachment], "en")[attachment.pk].is_available
    client.force_login(user)
    html = client.get(reverse("plan_builder:plan_detail", args=[plan.pk])).content.decode()
    assert "My Life, My Goals" in html
    assert "No longer available" in html
    assert "To plan your goals with Ann." in html


def test_an_unpublished_organisation_is_marked_but_a_live_one_is_not(site_tree, plan, user):
    kept = SupportOrganisationFactory(name="Carers line")
    withdrawn = SupportOrganisationFactory(name="Closed service")
    for organisation in (kept, withdrawn):
        services.attachment_create(
            plan=plan,
            actor=user,
            attachable_key="resources.supportorganisation",
            object_id=str(organisation.pk),
        )
    withdrawn.live = False
    withdrawn.save()

    detail = plan_detail(plan)

    availability = {view.attachment.title: view.is_available for view in detail.services}
    assert availability == {"Carers line": True, "Closed service": False}


def test_showing_attachments_costs_the_same_queries_however_many_there_are(site_tree, plan, user):
    for _ in range(12):
        attach_resource(plan, user, ResourcePageFactory(parent=site_tree["library"]))
    for organisation in SupportOrganisationFactory.create_batch(12):
        services.attachment_create(
            plan=plan,
            actor=user,
            attachable_key="resources.supportorganisation",
            object_id=str(organisation.pk),
        )
    attachments = list(Attachment.objects.filter(plan=plan))

    with CaptureQueriesContext(connection) as queries:
        shown = attachments_as_shown(attachments, "en")

    assert all(view.is_available for view in shown.values()) and len(shown) == 24
    # One per type, the page view restriction check Wagtail's .public() makes, and the
    # directory pages that organisations' addresses are under.
    assert len(queries) <= 4


def test_an_organisation_signposted_has_no_referral_status(site_tree, plan, user):
    organisation = SupportOrganisationFactory()

    attachment = services.attachment_create(
        plan=plan,
        actor=user,
        attachable_key="resources.supportorganisation",
        object_id=str(organisation.pk),
        support_type="signposted",
        referral_status="sent",
    )

    assert attachment.support_type == "signposted"
    assert attachment.referral_status == ""
    assert attachment.phone == "0800 888 6678"


def test_a_resource_cannot_be_attached_twice(site_tree, plan, user):
    resource = ResourcePageFactory(parent=site_tree["library"])
    attach_resource(plan, user, resource)

    with pytest.raises(services.AttachmentRefused, match="already in the plan"):
        attach_resource(plan, user, resource)


def test_a_review_copies_every_part_of_the_plan_and_keeps_the_old_version(site_tree, plan, user):
    ContactFactory(plan=plan, name="Ann")
    StatementFactory(plan=plan, text="I know every plant in my garden.")
    goal = GoalFactory(plan=plan, description="I want to walk to the shops.")
    ActionFactory(goal=goal, description="Walk with Ann on Tuesdays.")
    GoalRatingFactory(goal=goal, attainment=3)
    attach_resource(plan, user, ResourcePageFactory(parent=site_tree["library"]), goal=goal)
    services.plan_update(
        plan=plan,
        actor=user,
        expected_revision=None,
        values={
            "agreed_by": "person",
            "agreed_by_name": "Peggy",
            "agreed_on": timezone.localdate(),
        },
        section="agreement",
    )
    first_pk = plan.pk
    review_due = timezone.localdate() + datetime.timedelta(days=200)

    new_plan = services.plan_start_review(
        plan=plan, actor=user, review_type=ReviewType.PLANNED, review_due=review_due
    )

    old = Plan.objects.get(pk=first_pk)
    assert not old.is_current and old.superseded_at is not None
    assert new_plan.is_current and new_plan.version == 2 and new_plan.replaces_id == first_pk
    assert new_plan.review_due == review_due
    assert new_plan.agreed_on is None, "a new version is agreed afresh"
    new_detail, old_detail = plan_detail(new_plan), plan_detail(old)
    assert [c.name for c in new_detail.personal_contacts] == ["Ann"]
    assert [s.text for s in new_detail.strengths] == ["I know every plant in my garden."]
    new_goal = new_detail.goals[0]
    assert new_goal.goal.pk != goal.pk
    assert [a.description for a in new_goal.actions] == ["Walk with Ann on Tuesdays."]
    assert [r.attainment for r in new_goal.ratings] == [3]
    assert [view.attachment.goal_id for view in new_detail.resources] == [new_goal.goal.pk]
    # The old version is untouched.
    assert old_detail.goals[0].goal.pk == goal.pk
    assert Action.objects.filter(goal=goal).count() == 1
    assert GoalRating.objects.filter(goal=goal).count() == 1
    assert old_detail.resources[0].attachment.goal_id == goal.pk


def test_an_earlier_version_cannot_be_changed(plan, user):
    services.plan_start_review(
        plan=Plan.objects.get(pk=plan.pk),
        actor=user,
        review_type=ReviewType.REQUESTED,
        review_due=plan.review_due,
    )
    old = Plan.objects.get(pk=plan.pk)

    with pytest.raises(services.PlanNotEditable):
        services.plan_update(
            plan=old,
            actor=user,
            expected_revision=None,
            values={"what_matters_most": "Changed"},
            section="about me",
        )


def test_deleting_a_person_erases_their_plans_and_leaves_an_audit_record_without_content(
    site_tree, plan, user
):
    goal = GoalFactory(plan=plan, description="A private goal about my health.")
    attach_resource(plan, user, ResourcePageFactory(parent=site_tree["library"]), goal=goal)
    services.share_link_create(
        plan=plan, actor=user, label="Peggy", expires_at=timezone.now() + datetime.timedelta(7)
    )
    services.audit_record(actor=user, action=AuditAction.VIEW, plan=plan)
    person_pk = plan.person.pk

    services.person_delete(person=plan.person, actor=user)

    assert not Person.objects.filter(pk=person_pk).exists()
    assert not Plan.objects.filter(person_id=person_pk).exists()
    assert not ShareLink.objects.exists()
    events = AuditEvent.objects.filter(person_ref=person_pk)
    assert {event.action for event in events} >= {AuditAction.VIEW, AuditAction.DELETE}
    deletion = events.get(action=AuditAction.DELETE)
    assert deletion.actor == user
    everything = " ".join(f"{e.detail} {e.actor_name}" for e in AuditEvent.objects.all())
    assert "Peggy" not in everything
    assert "private goal" not in everything


def test_a_share_token_is_never_stored(plan, user):
    link, token = services.share_link_create(
        plan=plan, actor=user, label="Peggy", expires_at=timezone.now() + datetime.timedelta(7)
    )

    assert len(token) >= 43  # 32 random bytes, URL-safe base 64
    assert token not in link.token_digest
    assert not ShareLink.objects.filter(token_digest=token).exists()
    assert services.share_link_open(token=token).pk == plan.pk
    assert services.share_link_open(token=token[:-1] + ("A" if token[-1] != "A" else "B")) is None
