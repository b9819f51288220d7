"""The person's copy gives where to find each thing, and our own page about it only while we
publish it and when it is somewhere else."""

import pytest
from django.template.loader import render_to_string

from plan_builder import services
from plan_builder.views.person_copy import my_plan_context
from tests.factories import ResourcePageFactory, SupportOrganisationFactory
from tests.plan_factories import PlanFactory

pytestmark = pytest.mark.django_db

OUR_PAGE_ABOUT_IT = "More about it on our website:"
OUR_PAGE_ABOUT_THEM = "More about them on our website:"


def persons_copy(plan) -> str:
    context = my_plan_context(plan, show_nhs_number=False, pdf_url="/plan.pdf")
    return render_to_string("plan_builder/my_plan.html", context)


def give(plan, user, attachable_key: str, item) -> None:
    services.attachment_create(
        plan=plan, actor=user, attachable_key=attachable_key, object_id=str(item.pk)
    )


def test_a_resource_gives_its_own_address_and_our_page_about_it(site_tree, team, user):
    plan = PlanFactory(person__team=team)
    resource = ResourcePageFactory(parent=site_tree["library"], title="My Life, My Goals")
    give(plan, user, "resources.resourcepage", resource)

    page = persons_copy(plan)

    assert f'<a href="{resource.external_url}">' in page
    assert OUR_PAGE_ABOUT_IT in page
    assert f'<a href="{resource.get_full_url()}">' in page


def test_a_resource_taken_off_our_website_is_not_sent_to_our_page(site_tree, team, user):
    plan = PlanFactory(person__team=team)
    resource = ResourcePageFactory(parent=site_tree["library"], title="My Life, My Goals")
    give(plan, user, "resources.resourcepage", resource)
    page_address = resource.get_full_url()
    resource.unpublish()

    page = persons_copy(plan)

    assert f'<a href="{resource.external_url}">' in page
    assert OUR_PAGE_ABOUT_IT not in page
    assert page_address not in page


def test_our_page_is_not_given_twice_when_it_is_the_same_address(team, user):
    """An organisation outside any directory page is found at its own website: one link."""
    plan = PlanFactory(person__team=team)
    organisation = SupportOrganisationFactory(website="https://example.org/helpline")
    give(plan, user, "resources.supportorganisation", organisation)

    page = persons_copy(plan)

    assert page.count('<a href="https://example.org/helpline">') == 1
    assert OUR_PAGE_ABOUT_THEM not in page
