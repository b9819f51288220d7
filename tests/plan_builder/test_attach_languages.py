"""Resources and organisations in the person's language: the attach search lists each item
once, in the person's language where it has been translated (otherwise in English), naming
its other languages; what is given is that version; and the plan, the person's copy and the
FHIR export show each attachment in the person's language of the day."""

import io
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pypdf import PdfReader
from wagtail.models import Page

from plan_builder import services
from plan_builder.models import Attachment
from resources.models import SupportOrganisation
from starter.translation import sync_locale_trees
from tests.factories import (
    ResourcePageFactory,
    SupportOrganisationFactory,
    TopicFactory,
    translate_into,
)
from tests.plan_factories import GoalFactory, PlanFactory

pytestmark = pytest.mark.django_db

GOALS = "My Life, My Goals"
GOALS_CY = "Fy Mywyd, Fy Nodau"
GOALS_SUMMARY = "A guide to setting goals that matter to you."
GOALS_SUMMARY_CY = "Canllaw i osod nodau sy'n bwysig i chi."
WALKING = "Walking with dementia"
ADMIRAL = "Admiral Nurse Helpline"
ADMIRAL_CY = "Llinell Gymorth Nyrsys Admiral"
ADMIRAL_UR = "ایڈمرل نرس ہیلپ لائن"
ADMIRAL_SUMMARY = "Specialist dementia nurses on the phone."
ADMIRAL_SUMMARY_UR = "فون پر ڈیمنشیا کی ماہر نرسیں"
CARERS = "Carers Line"

RESOURCES = "resources.resourcepage"
ORGANISATIONS = "resources.supportorganisation"


@pytest.fixture
def library(site_tree):
    """Two resources and two organisations in every language of the site: "My Life, My
    Goals" translated into Welsh (an alias of the English in Urdu and Polish), the Admiral
    Nurse Helpline into Welsh and Urdu; the others in English only."""
    topic = TopicFactory(name="Goal setting", slug="goal-setting")
    goals = ResourcePageFactory(
        parent=site_tree["library"], title=GOALS, summary=GOALS_SUMMARY, topics=[topic]
    )
    walking = ResourcePageFactory(parent=site_tree["library"], title=WALKING)
    admiral = SupportOrganisationFactory(
        name=ADMIRAL, slug="admiral", summary=ADMIRAL_SUMMARY, phone="0800 888 6678"
    )
    admiral.topics.set([topic])
    admiral.save()
    carers = SupportOrganisationFactory(name=CARERS, slug="carers-line")
    sync_locale_trees()
    goals_cy = translate_into(goals, "cy", {GOALS: GOALS_CY, GOALS_SUMMARY: GOALS_SUMMARY_CY})
    admiral_cy = translate_into(admiral, "cy", {ADMIRAL: ADMIRAL_CY})
    admiral_ur = translate_into(
        admiral, "ur", {ADMIRAL: ADMIRAL_UR, ADMIRAL_SUMMARY: ADMIRAL_SUMMARY_UR}
    )
    return SimpleNamespace(
        goals=goals,
        goals_cy=goals_cy,
        walking=walking,
        admiral=admiral,
        admiral_cy=admiral_cy,
        admiral_ur=admiral_ur,
        carers=carers,
        topic=topic,
    )


def plan_in(team, language: str):
    return PlanFactory(person__team=team, person__preferred_language=language)


def search(client, plan, **params) -> str:
    response = client.get(reverse("plan_builder:attach_search", args=[plan.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


RESULT_TITLE = re.compile(
    r'<h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-2"(?P<attrs>[^>]*)>(?P<title>.*?)</h3>'
)


def results(html: str) -> list[str]:
    return [match["title"] for match in RESULT_TITLE.finditer(html)]


def result_attributes(html: str) -> dict[str, str]:
    return {match["title"]: match["attrs"] for match in RESULT_TITLE.finditer(html)}


def count(html: str) -> int:
    return int(re.search(r'<p role="status">(\d+) results?</p>', html).group(1))


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def also_in(html: str, title: str) -> str:
    """The "Also in ..." line of one result, as read."""
    item = html.split(f">{title}</h3>", 1)[1].split("</li>", 1)[0]
    match = re.search(r"<p[^>]*>(Also in .*?)</p>", item)
    return text(match.group(1)) if match else ""


# The search: each item once, in the person's language --------------------------------------


def test_each_resource_is_listed_once_in_the_persons_language_naming_its_others(
    signed_in, team, library
):
    plan = plan_in(team, "cy")

    html = search(signed_in, plan, type=RESOURCES)

    assert results(html) == [GOALS_CY, WALKING]
    assert count(html) == 2
    assert also_in(html, GOALS_CY) == "Also in English"
    assert also_in(html, WALKING) == ""
    # The practitioner's page is in English: the Welsh is marked as Welsh.
    assert result_attributes(html)[GOALS_CY] == ' lang="cy" dir="ltr"'
    assert result_attributes(html)[WALKING] == ""
    assert reverse("plan_builder:attach", args=[plan.pk, RESOURCES, library.goals_cy.pk]) in html
    assert "Each is shown in Welsh where it has been translated, and otherwise in English." in html


def test_an_alias_is_not_a_translation_so_the_english_is_shown_with_its_real_languages(
    signed_in, team, library
):
    plan = plan_in(team, "ur")

    resources = search(signed_in, plan, type=RESOURCES)
    organisations = search(signed_in, plan, type=ORGANISATIONS)

    assert results(resources) == [GOALS, WALKING]
    assert also_in(resources, GOALS) == "Also in Cymraeg"
    assert '<span lang="cy" dir="ltr">Cymraeg</span>' in resources
    assert results(organisations) == [CARERS, ADMIRAL_UR]
    assert result_attributes(organisations)[ADMIRAL_UR] == ' lang="ur" dir="rtl"'
    assert also_in(organisations, ADMIRAL_UR) == "Also in English, Cymraeg"


def test_titles_in_another_language_than_the_practitioners_are_marked(signed_in, team, library):
    plan = plan_in(team, "en")
    signed_in.post("/i18n/setlang/", {"language": "cy", "next": "/plans/"})

    html = search(signed_in, plan, type=ORGANISATIONS)

    assert result_attributes(html) == {
        ADMIRAL: ' lang="en" dir="ltr"',
        CARERS: ' lang="en" dir="ltr"',
    }
    assert '<span lang="ur" dir="rtl">اردو</span>' in html
    assert "<span>Cymraeg</span>" in html  # the page's own language needs no mark


def test_paging_and_the_count_count_items_not_their_copies_in_each_language(
    signed_in, team, site_tree
):
    for number in range(12):
        ResourcePageFactory(parent=site_tree["library"], title=f"Leaflet {number:02d}")
    sync_locale_trees()  # 48 pages: each in English and as an alias in cy, ur and pl
    plan = plan_in(team, "pl")

    first = search(signed_in, plan, type=RESOURCES)
    second = search(signed_in, plan, type=RESOURCES, page=2)

    assert count(first) == 12
    assert results(first) == [f"Leaflet {number:02d}" for number in range(10)]
    assert results(second) == ["Leaflet 10", "Leaflet 11"]


def test_a_word_in_any_of_its_languages_finds_the_item_once(signed_in, team, library):
    plan = plan_in(team, "en")

    assert results(search(signed_in, plan, type=RESOURCES, q="goals")) == [GOALS]
    assert results(search(signed_in, plan, type=RESOURCES, q="Nodau")) == [GOALS]
    assert results(search(signed_in, plan, type=ORGANISATIONS, q="Nyrsys")) == [ADMIRAL]
    assert count(search(signed_in, plan, type=ORGANISATIONS, q="helpline")) == 1


def test_a_language_means_available_in_that_language_with_words_and_other_filters(
    signed_in, team, library
):
    plan = plan_in(team, "en")

    assert results(search(signed_in, plan, type=RESOURCES, language="cy")) == [GOALS]
    urdu = search(signed_in, plan, type=RESOURCES, language="ur")
    assert results(urdu) == [] and "Nothing matches" in urdu
    assert results(search(signed_in, plan, type=ORGANISATIONS, language="ur")) == [ADMIRAL]
    assert results(search(signed_in, plan, type=ORGANISATIONS, language=["ur", "en"])) == [
        ADMIRAL,
        CARERS,
    ]
    # Every filter at once, with words, on a page past the last: the last page.
    together = {"topic": "goal-setting", "audience": "families-and-carers", "page": "2"}
    assert results(
        search(
            signed_in,
            plan,
            type=RESOURCES,
            q="goals",
            resource_type="guide",
            language="cy",
            **together,
        )
    ) == [GOALS]
    assert results(
        search(
            signed_in,
            plan,
            type=ORGANISATIONS,
            q="nurses",
            area="national",
            language="ur",
            **together,
        )
    ) == [ADMIRAL]


def test_suggestions_name_each_item_once_in_the_persons_language(signed_in, team, library):
    plan = plan_in(team, "cy")
    GoalFactory(plan=plan, description="I want to get better at goal setting.")

    html = search(signed_in, plan)

    suggestions = html.split('id="suggestions-heading"', 1)[1].split("</section>", 1)[0]
    assert text(suggestions).count("Add") == 2
    assert f'Add <span lang="cy" dir="ltr">{GOALS_CY}</span>' in suggestions
    assert f'Add <span lang="cy" dir="ltr">{ADMIRAL_CY}</span>' in suggestions
    link = reverse("plan_builder:attach", args=[plan.pk, RESOURCES, library.goals_cy.pk])
    assert link in suggestions


# What is given ----------------------------------------------------------------------------


def test_the_person_is_given_the_version_in_their_language_whichever_was_linked(
    signed_in, team, library
):
    plan = plan_in(team, "cy")
    english_link = reverse("plan_builder:attach", args=[plan.pk, RESOURCES, library.goals.pk])

    confirm = signed_in.get(english_link).content.decode()
    assert f'<h1>Add “<span lang="cy" dir="ltr">{GOALS_CY}</span>” to the plan</h1>' in confirm
    assert escape(GOALS_SUMMARY_CY) in confirm
    response = signed_in.post(english_link, {"reason": "I chi a Ann.", "revision": 0})

    assert response.status_code == 302
    given = Attachment.objects.get(plan=plan)
    assert given.object_id == str(library.goals_cy.pk)
    assert (given.title, given.summary, given.language) == (GOALS_CY, GOALS_SUMMARY_CY, "cy")
    assert given.url == library.goals_cy.get_full_url()
    assert "/cy/" in given.url


def test_an_item_in_the_plan_is_marked_and_refused_in_any_of_its_versions(
    signed_in, user, team, library
):
    plan = plan_in(team, "cy")
    services.attachment_create(
        plan=plan, actor=user, attachable_key=ORGANISATIONS, object_id=str(library.admiral.pk)
    )
    plan.refresh_from_db()

    html = search(signed_in, plan, type=ORGANISATIONS)
    item = html.split(f">{ADMIRAL_CY}</h3>", 1)[1].split("</li>", 1)[0]
    assert "Already in the plan" in item

    for version in (library.admiral, library.admiral_ur):
        with pytest.raises(services.AttachmentRefused, match="already in the plan"):
            services.attachment_create(
                plan=plan, actor=user, attachable_key=ORGANISATIONS, object_id=str(version.pk)
            )
    assert plan.attachments.count() == 1


# Shown in the person's language of the day -------------------------------------------------


@pytest.fixture
def given(user, team, library):
    """A resource and an organisation given in English to someone who read English then."""
    plan = plan_in(team, "en")
    for key, item in [(RESOURCES, library.goals), (ORGANISATIONS, library.admiral)]:
        services.attachment_create(
            plan=plan, actor=user, attachable_key=key, object_id=str(item.pk)
        )
    return plan


def now_reads(plan, language: str):
    plan.person.preferred_language = language
    plan.person.save()


def get(client, name: str, plan) -> str:
    response = client.get(reverse(f"plan_builder:{name}", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_plan_and_the_persons_copy_follow_the_language_the_person_reads_now(
    signed_in, given, library
):
    now_reads(given, "cy")

    plan_page = get(signed_in, "plan_detail", given)
    copy = get(signed_in, "my_plan", given)

    goals_cy_url = library.goals_cy.get_full_url()
    assert f'<a href="{goals_cy_url}" target="_blank" rel="noopener">{GOALS_CY}</a>' in plan_page
    assert ADMIRAL_CY in plan_page and ADMIRAL not in plan_page
    assert '<html lang="cy" dir="ltr">' in copy
    assert f"<h3>{GOALS_CY}</h3>" in copy and f"<p>{escape(GOALS_SUMMARY_CY)}</p>" in copy
    assert f'<a href="{goals_cy_url}">' in copy
    assert "/cy/support-organisations/admiral/" in copy
    assert GOALS not in copy and "No longer" not in copy


def test_in_an_urdu_copy_english_text_and_addresses_are_marked_and_urdu_is_not(
    signed_in, given, library
):
    now_reads(given, "ur")

    copy = get(signed_in, "my_plan", given)

    assert '<html lang="ur" dir="rtl">' in copy
    assert f'<h3 lang="en" dir="ltr">{GOALS}</h3>' in copy
    assert f'<p lang="en" dir="ltr">{GOALS_SUMMARY}</p>' in copy
    assert f"<h3>{ADMIRAL_UR}</h3>" in copy and f"<p>{ADMIRAL_SUMMARY_UR}</p>" in copy
    external = library.goals.external_url
    assert f'<a href="{external}"><bdi lang="en" dir="ltr">{external}</bdi></a>' in copy
    assert re.search(
        r'<bdi lang="en" dir="ltr">http[^<]*/ur/support-organisations/admiral/</bdi>', copy
    )
    assert '<bdi class="plan-number" dir="ltr">0800 888 6678</bdi>' in copy


def test_an_attachment_for_a_goal_is_named_in_the_persons_language_under_the_goal(
    signed_in, user, team, library
):
    plan = plan_in(team, "cy")
    goal = GoalFactory(plan=plan, description="Gosod nodau gyda Ann.")
    services.attachment_create(
        plan=plan, actor=user, attachable_key=RESOURCES, object_id=str(library.goals.pk), goal=goal
    )

    copy = get(signed_in, "my_plan", plan)
    plan_page = get(signed_in, "plan_detail", plan)

    assert re.search(rf'<a href="#attachment-\d+">{GOALS_CY}</a>', copy)
    assert f'<li lang="cy" dir="ltr">{GOALS_CY}</li>' in plan_page  # the practitioner reads English


def test_the_shared_copy_and_its_pdf_follow_the_persons_language(client, user, given, library):
    now_reads(given, "cy")
    _link, token = services.share_link_create(
        plan=given, actor=user, label="Family", expires_at=timezone.now() + timedelta(days=7)
    )

    shared = client.get(reverse("plan_builder:shared_plan", args=[token])).content.decode()
    pdf = client.get(reverse("plan_builder:shared_plan_pdf", args=[token])).content

    assert GOALS_CY in shared and ADMIRAL_CY in shared
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert GOALS_CY in " ".join(pdf_text.split())


def test_the_fhir_export_links_the_version_in_the_persons_language(signed_in, given, library):
    now_reads(given, "cy")

    bundle = signed_in.get(reverse("plan_builder:plan_fhir", args=[given.pk])).json()

    resources = [entry["resource"] for entry in bundle["entry"]]
    (document,) = [item for item in resources if item["resourceType"] == "DocumentReference"]
    attachments = [content["attachment"] for content in document["content"]]
    assert attachments[0] == {
        "url": library.goals_cy.get_full_url(),
        "title": GOALS_CY,
        "language": "cy",
    }
    assert document["description"] == GOALS_SUMMARY_CY
    (organisation,) = [item for item in resources if item["resourceType"] == "Organization"]
    assert organisation["name"] == ADMIRAL_CY


def test_a_withdrawn_translation_falls_back_to_english_and_a_withdrawn_item_to_the_copy(
    signed_in, given, library
):
    now_reads(given, "cy")
    Page.objects.get(pk=library.goals_cy.pk).specific.unpublish()
    SupportOrganisation.objects.filter(pk=library.admiral_cy.pk).update(live=False)

    copy = get(signed_in, "my_plan", given)

    assert f'<h3 lang="en" dir="ltr">{GOALS}</h3>' in copy
    assert f'<h3 lang="en" dir="ltr">{ADMIRAL}</h3>' in copy
    assert "no longer on our website" not in copy

    library.goals.unpublish()
    SupportOrganisation.objects.filter(translation_key=library.admiral.translation_key).update(
        live=False
    )

    copy = get(signed_in, "my_plan", given)
    assert f'<h3 lang="en" dir="ltr">{GOALS}</h3>' in copy  # as given, in English
    assert copy.count('<p class="notice">') == 2  # each "no longer on our website"
    assert library.goals.url_path not in copy  # no dead link to our own page
