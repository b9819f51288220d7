"""The support organisations in the directory (snippets in the default locale)."""

from wagtail.models import Locale

from resources.models import SupportOrganisation, Topic
from starter.data.organisations import SUPPORT_ORGANISATIONS
from starter.loaders.fields import apply_fields, apply_topics
from starter.loaders.report import CREATED, UNCHANGED, UPDATED, LoadReport

ORGANISATION_FIELDS = [
    "name",
    "summary",
    "what_it_offers",
    "website",
    "phone",
    "phone_label",
    "call_cost",
    "email",
    "opening_hours",
    "area_type",
    "area_name",
    "languages",
    "interpreters",
    "british_sign_language",
    "for_people_with_dementia",
    "for_families_and_carers",
    "for_practitioners",
]


def load_support_organisations(
    *, report: LoadReport, locale: Locale, topics: dict[str, Topic]
) -> None:
    for item in SUPPORT_ORGANISATIONS:
        organisation = SupportOrganisation.objects.filter(locale=locale, slug=item["slug"]).first()
        created = organisation is None
        if created:
            organisation = SupportOrganisation(locale=locale, slug=item["slug"], live=False)
        fields = {
            name: item.get(name, SupportOrganisation._meta.get_field(name).get_default())
            for name in ORGANISATION_FIELDS
        }
        changed = apply_fields(organisation, fields)
        changed |= apply_topics(organisation, [topics[slug] for slug in item["topics"]])

        # One without a way to reach it yet is kept as a draft until an editor adds one.
        publishable = organisation.publishing_error() is None
        needs_revision = created or changed or organisation.latest_revision_id is None
        needs_publishing = publishable and (
            needs_revision or not organisation.live or organisation.has_unpublished_changes
        )
        if needs_revision or needs_publishing:
            organisation.full_clean()
            if created:
                organisation.save()
            revision = organisation.save_revision()
            if needs_publishing:
                revision.publish()
        if not publishable:
            report.log(
                f"  Support organisations: {organisation.name} is kept as a draft: add a "
                "phone number, website or email address before publishing it.",
                level=1,
            )
        outcome = (
            CREATED if created else UPDATED if needs_revision or needs_publishing else UNCHANGED
        )
        report.count("Support organisations", outcome, organisation.name)
