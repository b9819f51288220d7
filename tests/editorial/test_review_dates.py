"""Review dates someone acts on: the "Due for review" report (filters, CSV and spreadsheet),
the editor's dashboard panel, "mark as reviewed", and the dates the public reads."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry, Revision

from core.review import ReviewStatus, status_filter, status_of
from resources.models import SupportOrganisation
from tests.editorial.accounts import member_of
from tests.factories import (
    ContentPageFactory,
    ResourcePageFactory,
    SupportOrganisationFactory,
    TopicFactory,
    translate_into,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
REPORT = "editorial_review_report"


def days(n: int) -> datetime.date:
    return TODAY + n * DAY


@pytest.fixture
def editor():
    return member_of("Editors", username="eileen", first_name="Eileen", last_name="Editor")


@pytest.fixture
def moderator():
    return member_of("Moderators", username="mo", first_name="Mo", last_name="Derator")


@pytest.fixture
def library(site_tree, editor, moderator):
    """One item in each state, some owned by the editor and some by the moderator."""
    memory = TopicFactory(name="Memory", slug="memory")
    made = {
        "overdue resource": ResourcePageFactory(
            parent=site_tree["library"],
            title="Overdue workbook",
            owner=editor,
            last_reviewed=days(-400),
            next_review_due=days(-5),
            topics=[memory],
        ),
        "current resource": ResourcePageFactory(
            parent=site_tree["library"],
            title="Current guide",
            owner=editor,
            last_reviewed=days(-10),
            next_review_due=days(300),
        ),
        "due soon organisation": SupportOrganisationFactory(
            name="Due soon helpline", owner=moderator, next_review_due=days(12), topics=[memory]
        ),
        "never checked organisation": SupportOrganisationFactory(
            name="Never checked centre", owner=editor
        ),
        "never reviewed page": ContentPageFactory(
            parent=site_tree["home"], title="About dementia", owner=moderator
        ),
    }
    return made


def titles(response) -> list[str]:
    return [row.title for row in response.context["object_list"]]


@pytest.mark.parametrize(
    ("last", "due", "status"),
    [
        (-400, -1, ReviewStatus.OVERDUE),
        (None, -1, ReviewStatus.OVERDUE),
        (-300, 0, ReviewStatus.DUE_SOON),
        (-300, 30, ReviewStatus.DUE_SOON),
        (None, 30, ReviewStatus.DUE_SOON),
        (None, 31, ReviewStatus.NEVER_REVIEWED),
        (None, None, ReviewStatus.NEVER_REVIEWED),
        (-10, 31, ReviewStatus.CURRENT),
        (-10, None, ReviewStatus.CURRENT),
    ],
)
def test_the_status_in_python_and_in_the_database_is_one_rule(last, due, status):
    organisation = SupportOrganisationFactory(
        last_reviewed=None if last is None else days(last),
        next_review_due=None if due is None else days(due),
    )
    assert organisation.review_status(TODAY) == status
    assert status_of(organisation.last_reviewed, organisation.next_review_due, TODAY) == status
    for other in ReviewStatus:
        found = SupportOrganisation.objects.filter(status_filter(other, TODAY)).exists()
        assert found == (other == status), other


def test_the_report_lists_what_needs_attention_most_urgent_first(client, editor, library):
    client.force_login(editor)
    response = client.get(reverse(REPORT))

    assert response.status_code == 200
    assert titles(response) == [
        "Overdue workbook",
        "Due soon helpline",
        "About dementia",
        "Never checked centre",
    ]
    html = response.content.decode()
    assert "Overdue" in html and "Due within 30 days" in html and "Never reviewed" in html
    assert "Eileen Editor" in html and "Mark as reviewed" in html


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "overdue"}, ["Overdue workbook"]),
        ({"status": "never_reviewed"}, ["About dementia", "Never checked centre"]),
        ({"kind": "organisation"}, ["Due soon helpline", "Never checked centre"]),
        ({"kind": "page"}, ["About dementia"]),
        ({"topic": "memory"}, ["Overdue workbook", "Due soon helpline"]),
        ({"owner": "eileen"}, ["Overdue workbook", "Never checked centre"]),
        ({"owner": "mo", "kind": "resource"}, []),
    ],
)
def test_the_report_filters_by_status_type_topic_and_owner(
    client, editor, library, filters, expected
):
    from django.contrib.auth import get_user_model

    from resources.models import Topic

    query = dict(filters)
    if "owner" in query:
        query["owner"] = get_user_model().objects.get(username=query["owner"]).pk
    if "topic" in query:
        query["topic"] = Topic.objects.get(slug=query["topic"]).pk
    client.force_login(editor)

    response = client.get(reverse(REPORT), query)

    assert titles(response) == expected
    if not expected:
        assert "Nothing is overdue" in response.content.decode()


def test_the_report_exports_csv_and_a_spreadsheet(client, editor, library):
    client.force_login(editor)

    exported = client.get(reverse(REPORT), {"export": "csv", "kind": "resource"})
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert [(row["Title"], row["Status"], row["Owner"]) for row in rows] == [
        ("Overdue workbook", "Overdue", "Eileen Editor")
    ]
    assert rows[0]["Edit"].startswith("http://testserver/admin/pages/")

    spreadsheet = client.get(reverse(REPORT), {"export": "xlsx"})
    workbook = io.BytesIO(b"".join(spreadsheet.streaming_content))
    sheet = openpyxl.load_workbook(workbook).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Title", "Type", "Status"]
    assert [row[0] for row in values[1:]] == titles(client.get(reverse(REPORT)))


def test_the_report_is_in_the_reports_menu(client, editor, library):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in html


def test_the_report_costs_the_same_queries_with_3_or_30_resources(
    client, editor, library, site_tree, django_assert_num_queries
):
    client.force_login(editor)
    client.get(reverse(REPORT))  # sessions, permissions and settings read once

    def queries_for_report() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(REPORT)).status_code == 200
        return len(captured)

    few = queries_for_report()
    for n in range(27):
        ResourcePageFactory(parent=site_tree["library"], next_review_due=days(-n - 1))
    assert queries_for_report() == few


def test_the_dashboard_shows_an_editor_their_own_overdue_and_due_soon_items(
    client, editor, moderator, library
):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your content due for review" in html
    assert "Overdue workbook" in html
    assert "Due soon helpline" not in html  # the moderator's

    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Due soon helpline" in html and "Overdue workbook" not in html


def test_marking_as_reviewed_records_who_and_when_without_a_new_revision(client, editor, library):
    resource = library["overdue resource"]
    revisions = Revision.objects.filter(object_id=str(resource.pk)).count()
    client.force_login(editor)

    confirm = client.get(reverse("editorial_mark_reviewed", args=["resource", resource.pk]))
    assert "no new revision is made" in confirm.content.decode()
    response = client.post(
        reverse("editorial_mark_reviewed", args=["resource", resource.pk]),
        {"next": reverse(REPORT)},
        follow=True,
    )

    assert "marked as reviewed today" in response.content.decode()
    assert "Overdue workbook" not in titles(response)
    resource.refresh_from_db()
    assert resource.last_reviewed == TODAY
    assert resource.next_review_due == TODAY + datetime.timedelta(days=365)
    assert resource.reviewed_by == editor
    assert Revision.objects.filter(object_id=str(resource.pk)).count() == revisions
    assert PageLogEntry.objects.filter(page=resource, action="dwp.mark_reviewed").exists()
    # The next edit starts from the latest revision: it carries the new dates, so publishing
    # does not put the old ones back.
    draft = resource.get_latest_revision_as_object()
    assert (draft.last_reviewed, draft.reviewed_by_id) == (TODAY, editor.pk)
    public = client.get(resource.url).content.decode()
    assert f"Page last reviewed: {TODAY.day} " in public


def test_marking_an_organisation_dates_every_language_version(client, moderator, library):
    organisation = library["never checked organisation"]
    organisation.save_revision().publish()
    welsh = translate_into(organisation, "cy", {})
    client.force_login(moderator)

    client.post(reverse("editorial_mark_reviewed", args=["organisation", organisation.pk]))

    for version in (organisation, welsh):
        version.refresh_from_db()
        assert version.last_reviewed == TODAY, version.locale
    assert welsh.locale == Locale.objects.get(language_code="cy")


def test_the_public_organisation_page_says_when_its_details_were_last_checked(client, site_tree):
    organisation = SupportOrganisationFactory(
        name="Checked helpline", last_reviewed=datetime.date(2026, 3, 4)
    )
    html = client.get(organisation.get_url()).content.decode()
    assert "Details last checked: 4 March 2026" in html


def test_only_those_who_may_edit_can_mark_as_reviewed(client, library):
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user(username="visitor", is_staff=False)
    page = library["never reviewed page"]
    client.force_login(nobody)
    response = client.post(reverse("editorial_mark_reviewed", args=["page", page.pk]))
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.last_reviewed is None


def test_a_next_check_before_the_last_is_refused_with_a_message():
    from django.core.exceptions import ValidationError

    organisation = SupportOrganisationFactory.build(
        last_reviewed=days(-2), next_review_due=days(-3)
    )
    with pytest.raises(ValidationError) as refused:
        organisation.clean_review_dates()
    assert "The next review must be after the last review." in str(refused.value)
    organisation = SupportOrganisationFactory.build(last_reviewed=days(2))
    with pytest.raises(ValidationError, match="cannot be in the future"):
        organisation.clean_review_dates()


def test_a_new_organisation_is_looked_after_by_whoever_adds_it(client, editor, site_tree):
    client.force_login(editor)
    url = reverse("wagtailsnippets_resources_supportorganisation:add")
    form = client.get(url).context["form"]
    assert form.initial["owner"] == editor.pk


def test_mark_as_reviewed_is_offered_in_the_page_editor_and_the_organisation_list(
    client, editor, library
):
    client.force_login(editor)
    page = library["overdue resource"]
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert reverse("editorial_mark_reviewed", args=["resource", page.pk]) in edit

    organisation = library["never checked organisation"]
    listing = client.get(reverse("wagtailsnippets_resources_supportorganisation:list"))
    assert (
        reverse("editorial_mark_reviewed", args=["organisation", organisation.pk])
        in listing.content.decode()
    )
