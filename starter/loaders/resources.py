"""The resources in the library, with their topics and related resources."""

from resources.models import ResourceIndexPage, ResourcePage, ResourcePageRelatedResource, Topic
from starter.data.resources import LAST_REVIEWED, NEXT_REVIEW_DUE, RESOURCES
from starter.loaders.fields import apply_fields, apply_orderables, apply_topics
from starter.loaders.pages import ensure_page, finish_page
from starter.loaders.report import LoadReport

RESOURCE_FIELDS = [
    "title",
    "summary",
    "resource_type",
    "for_people_with_dementia",
    "for_families_and_carers",
    "for_practitioners",
    "publisher",
    "external_url",
    "page_count",
    "duration_minutes",
    "cost",
]


def load_resources(
    *, report: LoadReport, library: ResourceIndexPage, topics: dict[str, Topic]
) -> dict[str, ResourcePage]:
    """Every starter resource by slug. All are added first, so that each can name the others
    as related resources."""
    resources = {}
    created_slugs = set()
    for item in RESOURCES:
        page, created = ensure_page(
            library,
            ResourcePage,
            item,
            summary=item["summary"],
            resource_type=item["resource_type"],
            external_url=item["external_url"],
        )
        resources[item["slug"]] = page
        if created:
            created_slugs.add(item["slug"])

    for item in RESOURCES:
        page = resources[item["slug"]]
        fields = {
            name: item.get(name, ResourcePage._meta.get_field(name).get_default())
            for name in RESOURCE_FIELDS
        }
        fields["body"] = item["body"]
        fields["last_reviewed"] = LAST_REVIEWED
        fields["next_review_due"] = NEXT_REVIEW_DUE
        changed = apply_fields(page, fields)
        changed |= apply_topics(page, [topics[slug] for slug in item["topics"]])

        related = []
        for slug in item.get("related", []):
            link = ResourcePageRelatedResource(page=page, resource=resources[slug])
            link.clean()
            related.append(link)
        changed |= apply_orderables(
            page, "related_resource_items", ResourcePageRelatedResource, related
        )
        finish_page(
            page,
            created=item["slug"] in created_slugs,
            changed=changed,
            report=report,
            kind="Resources",
        )
    return resources
