"""Load the starter page tree, topics, resources and support organisations.

Safe to run more than once: everything is found by a natural key (a page's slug under its
parent, an organisation's slug and locale, a topic's slug) and updated in place. A page or
organisation gets a new revision only when its content has changed.
"""

import contextlib
import logging
from collections import Counter, defaultdict

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from core.public_address import public_address, sync_default_site
from pages.models import ContentPage, HomePage, HomePageFeaturedResource, SiteSettings
from resources import starter_content as data
from resources import starter_translation as starter
from resources.models import (
    ResourceIndexPage,
    ResourcePage,
    ResourcePageRelatedResource,
    SupportOrganisation,
    SupportOrganisationIndexPage,
    Topic,
    TopicLabel,
)

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"

# Wagtail's own migrations give the welcome page the slug "home". If it is still there it is
# moved out of the way (then deleted) so the new home page can take that slug.
OLD_WELCOME_PAGE_SLUG = "wagtail-welcome-page-to-delete"

# Explanatory pages, then the pages linked from the footer.
CONTENT_PAGES = [*data.CONTENT_PAGES, *data.SERVICE_PAGES]

# Loggers that report every save, revision and background task at INFO level. Below
# verbosity 2 they are limited to warnings while the command runs.
CHATTY_LOGGERS = ["wagtail", "django_tasks"]

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


@contextlib.contextmanager
def loggers_at_level(names: list[str], level: int):
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)


def stream_signature(stream_value) -> list:
    """The content of a StreamField value without block ids, to compare two values."""
    return [(child.block_type, child.block.get_prep_value(child.value)) for child in stream_value]


def apply_fields(instance, values: dict) -> bool:
    """Set field values on a model instance. Returns True if anything changed.

    StreamField values are given as lists of (block_type, value) tuples and are validated
    here, because the model's full_clean() does not validate blocks."""
    changed = False
    for name, new_value in values.items():
        field = instance._meta.get_field(name)
        if isinstance(field, StreamField):
            new_value = field.stream_block.clean(field.to_python(new_value))
            # Round-trip through the stored form, so that optional sub-blocks left out of the
            # data compare equal to the empty values they are saved as.
            new_value = field.to_python(field.stream_block.get_prep_value(new_value))
            if stream_signature(getattr(instance, name)) != stream_signature(new_value):
                setattr(instance, name, new_value)
                changed = True
        elif field.is_relation:
            new_id = new_value.pk if new_value is not None else None
            if getattr(instance, field.attname) != new_id:
                setattr(instance, name, new_value)
                changed = True
        elif getattr(instance, name) != new_value:
            setattr(instance, name, new_value)
            changed = True
    return changed


def apply_topics(instance, topics: list[Topic]) -> bool:
    """Set the topics of a page or organisation (in memory until it is saved)."""
    current = {item.tag_id for item in instance.topic_items.all()}
    if current == {topic.pk for topic in topics}:
        return False
    instance.topics.set(topics)
    return True


def apply_orderables(instance, relation_name: str, model, items: list) -> bool:
    """Replace an inline (orderable) relation when its list of targets has changed. ``items``
    are unsaved instances of ``model``, in order; they are compared by ``resource``."""
    current = [item.resource_id for item in getattr(instance, relation_name).all()]
    if current == [item.resource_id for item in items]:
        return False
    for sort_order, item in enumerate(items):
        item.sort_order = sort_order
    setattr(instance, relation_name, items)
    return True


class Command(BaseCommand):
    help = (
        "Create or update the starter content: home page, resource library, support "
        "organisation directory, explanatory pages, topics, resources and organisations. "
        "Safe to run again; nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--write-translation-template",
            action="store_true",
            help=(
                "Also write resources/starter_translations/starter.pot: every string of the "
                "translated starter pages and topics, for translators (merge it into each "
                "language's .po file with msgmerge)."
            ),
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.write_template = options["write_translation_template"]
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.translation_counts: dict[str, Counter] = defaultdict(Counter)
        self.removed_welcome_page = False
        quiet = (
            loggers_at_level(CHATTY_LOGGERS, logging.WARNING)
            if self.verbosity < 2
            else contextlib.nullcontext()
        )
        with quiet, transaction.atomic():
            self.load()
        self.report()

    # Output

    def log(self, message: str, *, level: int = 2) -> None:
        if self.verbosity >= level:
            self.stdout.write(message)

    def count(self, kind: str, outcome: str, label: str) -> None:
        self.counts[kind][outcome] += 1
        if outcome != UNCHANGED:
            self.log(f"  {kind}: {outcome} {label}")

    def report(self) -> None:
        if self.verbosity < 1:
            return
        self.stdout.write(self.style.SUCCESS("Starter content loaded."))
        for kind in (
            "Pages",
            "Topics",
            "Resources",
            "Support organisations",
            "Sites",
            "Site settings",
        ):
            counts = self.counts.get(kind)
            if not counts:
                continue
            self.stdout.write(
                f"  {kind}: {counts[CREATED]} created, {counts[UPDATED]} updated, "
                f"{counts[UNCHANGED]} unchanged"
            )
        for language_code, counts in sorted(self.translation_counts.items()):
            self.stdout.write(
                f"  Translations into {language_code}: {counts[starter.TRANSLATED]} made, "
                f"{counts[starter.UPDATED]} updated, {counts[starter.UNCHANGED]} unchanged"
                + (
                    f", {counts[starter.INCOMPLETE]} incomplete"
                    if counts[starter.INCOMPLETE]
                    else ""
                )
            )
        if self.removed_welcome_page:
            self.stdout.write("  Removed Wagtail's default welcome page.")
        self.stdout.write(
            "Run `python manage.py runserver` and open http://localhost:8000/ "
            "(editors: http://localhost:8000/admin/)."
        )

    # Loading

    def load(self) -> None:
        self.locale = Locale.get_default()
        self.topics = self.load_topics()

        home, home_created = self.ensure_home_page()
        library, library_created = self.ensure_page(home, ResourceIndexPage, data.RESOURCE_LIBRARY)
        directory, directory_created = self.ensure_page(
            home, SupportOrganisationIndexPage, data.SUPPORT_DIRECTORY
        )
        self.finish_page(
            library,
            library_created,
            apply_fields(library, self.page_fields(data.RESOURCE_LIBRARY, ["introduction"])),
        )
        self.finish_page(
            directory,
            directory_created,
            apply_fields(directory, self.page_fields(data.SUPPORT_DIRECTORY, ["introduction"])),
        )

        self.load_content_pages(home)
        resources = self.load_resources(library)
        self.load_support_organisations()

        # Last, because it points at a content page and at resources.
        changed = apply_fields(
            home,
            {
                **self.page_fields(data.HOME_PAGE, ["introduction"]),
                "personalised_care_page": self.child_page(
                    home, data.HOME_PAGE["personalised_care_page"]
                ),
            },
        )
        changed |= apply_orderables(
            home,
            "featured_resource_items",
            HomePageFeaturedResource,
            [
                HomePageFeaturedResource(resource=resources[slug])
                for slug in data.HOME_PAGE["featured_resources"]
            ],
        )
        self.finish_page(home, home_created, changed)

        self.point_default_site_at(home)
        self.load_site_settings(home)
        self.translate(home, library, directory)

    def translate(self, home, library, directory) -> None:
        """Mirror the English tree into every other language, then translate the pages and
        topics the starter catalogues cover (the rest stay English aliases)."""
        self.translation_counts: dict[str, Counter] = defaultdict(Counter)
        starter.sync_locale_trees()
        items = [
            starter.Translatable(home, home.slug),
            starter.Translatable(library, library.slug),
            starter.Translatable(directory, directory.slug),
            *(
                starter.Translatable(self.child_page(home, item["slug"]), item["slug"])
                for item in CONTENT_PAGES
            ),
            *(
                starter.Translatable(
                    TopicLabel.objects.get(topic=topic, locale=self.locale), f"topic:{slug}"
                )
                for slug, topic in self.topics.items()
            ),
        ]
        if self.write_template:
            starter.translation_template(items).save(str(starter.TEMPLATE_PATH))
            self.log(f"  Wrote {starter.TEMPLATE_PATH}", level=1)
        for language_code in starter.catalogue_languages():
            locale = Locale.objects.filter(language_code=language_code).first()
            if locale is None:
                self.log(
                    f"  No locale for {language_code}: its starter translations skipped.", level=1
                )
                continue
            catalogue = starter.load_catalogue(language_code)
            for item in items:
                outcome = starter.translate(item, locale, catalogue)
                self.translation_counts[language_code][outcome] += 1
                if outcome != starter.UNCHANGED:
                    self.log(f"  {language_code}: {outcome} {item.key}")

    def load_topics(self) -> dict[str, Topic]:
        topics = {}
        for item in data.TOPICS:
            topic = Topic.objects.filter(slug=item["slug"]).first()
            if topic is None:
                topic = Topic(slug=item["slug"], name=item["name"])
                outcome = CREATED
            elif topic.name != item["name"]:
                topic.name = item["name"]
                outcome = UPDATED
            else:
                outcome = UNCHANGED
            if outcome != UNCHANGED:
                topic.full_clean()
                topic.save()
            self.count("Topics", outcome, item["name"])
            topics[topic.slug] = topic
        return topics

    # Pages

    def page_fields(self, item: dict, extra_fields: list[str]) -> dict:
        fields = {"title": item["title"], "show_in_menus": item.get("show_in_menus", False)}
        fields.update({name: item[name] for name in extra_fields})
        return fields

    def child_page(self, parent: Page, slug: str, page_class=None) -> Page | None:
        page = parent.get_children().filter(slug=slug).specific().first()
        if page is not None and page_class is not None and type(page) is not page_class:
            raise CommandError(
                f"The page at {page.url_path} is a {type(page).__name__}, "
                f"not a {page_class.__name__}. Move or rename it, then run this again."
            )
        return page

    def ensure_page(self, parent: Page, page_class, item: dict, **initial):
        """Find the page with this slug under ``parent``, or add it as a draft. Returns the
        specific page and whether it was created. Content is set and published later by
        ``finish_page``, so pages can link to each other whatever order they are made in."""
        page = self.child_page(parent, item["slug"], page_class)
        if page is not None:
            return page, False
        initial.setdefault("locale", parent.locale)
        page = page_class(title=item["title"], slug=item["slug"], live=False, **initial)
        parent.add_child(instance=page)
        return page, True

    def finish_page(self, page: Page, created: bool, changed: bool, kind: str = "Pages") -> str:
        """Save a revision and publish it when the page is new or has changed (or was left
        unpublished), so that re-running the command adds no revisions."""
        needs_publishing = (
            created
            or changed
            or not page.live
            or page.has_unpublished_changes
            or page.latest_revision_id is None
        )
        if needs_publishing:
            page.save_revision().publish()
        outcome = CREATED if created else UPDATED if needs_publishing else UNCHANGED
        self.count(kind, outcome, page.url_path)
        return outcome

    def ensure_home_page(self):
        root = Page.get_first_root_node()
        existing = root.get_children().filter(slug=data.HOME_PAGE["slug"]).first()
        if existing is not None and existing.specific_class is not HomePage:
            if self.is_old_welcome_page(existing):
                # Free the slug. The page is deleted once the site points at the new home.
                existing.slug = OLD_WELCOME_PAGE_SLUG
                existing.save(update_fields=["slug", "url_path"])
            else:
                raise CommandError(
                    f"There is already a {existing.specific_class.__name__} at "
                    f"{existing.url_path}. Move or rename it, then run this again."
                )
        root = Page.get_first_root_node()
        page, created = self.ensure_page(
            root,
            HomePage,
            data.HOME_PAGE,
            introduction=data.HOME_PAGE["introduction"],
            locale=self.locale,
        )
        return page, created

    def is_old_welcome_page(self, page: Page) -> bool:
        """Wagtail's default welcome page: a plain Page with no children of its own."""
        page = Page.objects.get(pk=page.pk)
        return page.specific_class is Page and page.depth == 2 and page.get_children_count() == 0

    def point_default_site_at(self, home: HomePage) -> None:
        site = Site.objects.filter(is_default_site=True).first()
        old_root_id = site.root_page_id if site else None
        if site is None:
            address = public_address()
            site = Site.objects.filter(hostname=address.hostname, port=address.port).first()
            site = site or Site(hostname=address.hostname, port=address.port, site_name=home.title)
            outcome = CREATED if site.pk is None else UPDATED
            site.is_default_site = True
            site.root_page = home
            site.full_clean()
            site.save()
            self.count("Sites", outcome, site.hostname)
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.full_clean()
            site.save()
            self.count("Sites", UPDATED, site.hostname)
        else:
            self.count("Sites", UNCHANGED, site.hostname)
        sync_default_site()

        old_pages = Page.objects.filter(depth=2, slug=OLD_WELCOME_PAGE_SLUG)
        if old_root_id and old_root_id != home.pk:
            old_pages |= Page.objects.filter(pk=old_root_id)
        for old_page in old_pages.distinct():
            still_used = Site.objects.filter(root_page_id=old_page.pk).exists()
            if self.is_old_welcome_page(old_page) and not still_used:
                # With other languages set up, migrate mirrored it into each of them.
                for copy in Page.objects.filter(translation_key=old_page.translation_key):
                    if copy.pk != old_page.pk and self.is_old_welcome_page(copy):
                        copy.delete()
                Page.objects.get(pk=old_page.pk).delete()
                self.removed_welcome_page = True
                self.log(f"  Deleted the old welcome page '{old_page.title}'.")
            else:
                self.log(
                    f"  Left the old site root '{old_page.title}' in place: it is not an "
                    "empty default page.",
                    level=1,
                )

    def load_site_settings(self, home: HomePage) -> None:
        """Give a new site the starter settings: who runs the service and its contact details
        when none of them is set yet, and the footer's links when it has none. Anything
        someone has set is kept, and a detail left out on purpose is not put back."""
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        details = [name for name in data.SITE_SETTINGS if name != "footer_links"]
        changed = False
        if not any(getattr(site_settings, name) for name in details):
            for name in details:
                setattr(site_settings, name, data.SITE_SETTINGS[name])
            changed = True
        if not site_settings.footer_links:
            site_settings.footer_links = [
                ("link", {"text": "", "page": self.child_page(home, slug), "external_url": ""})
                for slug in data.SITE_SETTINGS["footer_links"]
            ]
            changed = True
        if changed:
            site_settings.full_clean()
            site_settings.save()
        self.count("Site settings", UPDATED if changed else UNCHANGED, str(site_settings.site))

    def load_content_pages(self, home: HomePage) -> None:
        pages = [
            (item, *self.ensure_page(home, ContentPage, item, summary=item["summary"]))
            for item in CONTENT_PAGES
        ]
        for item, page, created in pages:
            fields = self.page_fields(item, ["summary"])
            fields["body"] = self.resolve_page_links(home, item["body"])
            self.finish_page(page, created, apply_fields(page, fields))

    def resolve_page_links(self, home: HomePage, body: list) -> list:
        """Swap the page slugs in action links for the pages under the home page."""
        resolved = []
        for block_type, value in body:
            if isinstance(value, dict) and isinstance(value.get("page"), str):
                page = self.child_page(home, value["page"])
                if page is None:
                    raise CommandError(f"No page with the slug '{value['page']}' to link to.")
                value = {**value, "page": page}
            resolved.append((block_type, value))
        return resolved

    # Resources

    def load_resources(self, library: ResourceIndexPage) -> dict[str, ResourcePage]:
        resources = {}
        created_slugs = set()
        for item in data.RESOURCES:
            page, created = self.ensure_page(
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

        for item in data.RESOURCES:
            page = resources[item["slug"]]
            fields = {
                name: item.get(name, ResourcePage._meta.get_field(name).get_default())
                for name in RESOURCE_FIELDS
            }
            fields["body"] = item["body"]
            fields["last_reviewed"] = data.LAST_REVIEWED
            fields["next_review_due"] = data.NEXT_REVIEW_DUE
            changed = apply_fields(page, fields)
            changed |= apply_topics(page, [self.topics[slug] for slug in item["topics"]])

            related = []
            for slug in item.get("related", []):
                link = ResourcePageRelatedResource(page=page, resource=resources[slug])
                link.clean()
                related.append(link)
            changed |= apply_orderables(
                page, "related_resource_items", ResourcePageRelatedResource, related
            )
            self.finish_page(page, item["slug"] in created_slugs, changed, kind="Resources")
        return resources

    # Support organisations

    def load_support_organisations(self) -> None:
        for item in data.SUPPORT_ORGANISATIONS:
            organisation = SupportOrganisation.objects.filter(
                locale=self.locale, slug=item["slug"]
            ).first()
            created = organisation is None
            if created:
                organisation = SupportOrganisation(
                    locale=self.locale, slug=item["slug"], live=False
                )
            fields = {
                name: item.get(name, SupportOrganisation._meta.get_field(name).get_default())
                for name in ORGANISATION_FIELDS
            }
            changed = apply_fields(organisation, fields)
            changed |= apply_topics(organisation, [self.topics[slug] for slug in item["topics"]])

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
                self.log(
                    f"  Support organisations: {organisation.name} is kept as a draft: add a "
                    "phone number, website or email address before publishing it.",
                    level=1,
                )
            outcome = (
                CREATED if created else UPDATED if needs_revision or needs_publishing else UNCHANGED
            )
            self.count("Support organisations", outcome, organisation.name)
