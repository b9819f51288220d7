"""The page tree: the home page, the resource library and directory pages, and the
explanatory and service pages under the home page.

Pages are added as drafts first and given their content and published afterwards (by
``finish_page``), so pages can link to each other whatever order they are made in.
"""

from dataclasses import dataclass

from django.core.management.base import CommandError
from wagtail.models import Locale, Page

from pages.models import ContentPage, HomePage, HomePageFeaturedResource
from resources.models import ResourceIndexPage, ResourcePage, SupportOrganisationIndexPage
from starter.data.pages import (
    CONTENT_PAGES,
    HOME_PAGE,
    RESOURCE_LIBRARY,
    SUPPORT_DIRECTORY,
)
from starter.data.service_pages import SERVICE_PAGES
from starter.loaders.fields import apply_fields, apply_orderables
from starter.loaders.report import CREATED, UNCHANGED, UPDATED, LoadReport

# Wagtail's own migrations give the welcome page the slug "home". If it is still there it is
# moved out of the way (then deleted) so the new home page can take that slug.
OLD_WELCOME_PAGE_SLUG = "wagtail-welcome-page-to-delete"


@dataclass
class PageTree:
    """The pages the rest of the starter content hangs from."""

    home: HomePage
    home_created: bool
    library: ResourceIndexPage


def page_fields(item: dict, extra_fields: list[str]) -> dict:
    fields = {"title": item["title"], "show_in_menus": item.get("show_in_menus", False)}
    fields.update({name: item[name] for name in extra_fields})
    return fields


def child_page(parent: Page, slug: str, page_class=None) -> Page | None:
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is not None and page_class is not None and type(page) is not page_class:
        raise CommandError(
            f"The page at {page.url_path} is a {type(page).__name__}, "
            f"not a {page_class.__name__}. Move or rename it, then run this again."
        )
    return page


def ensure_page(parent: Page, page_class, item: dict, **initial) -> tuple[Page, bool]:
    """Find the page with this slug under ``parent``, or add it as a draft. Returns the
    specific page and whether it was created."""
    page = child_page(parent, item["slug"], page_class)
    if page is not None:
        return page, False
    initial.setdefault("locale", parent.locale)
    page = page_class(title=item["title"], slug=item["slug"], live=False, **initial)
    parent.add_child(instance=page)
    return page, True


def finish_page(
    page: Page, *, created: bool, changed: bool, report: LoadReport, kind: str = "Pages"
) -> str:
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
    report.count(kind, outcome, page.url_path)
    return outcome


def is_old_welcome_page(page: Page) -> bool:
    """Wagtail's default welcome page: a plain Page with no children of its own."""
    page = Page.objects.get(pk=page.pk)
    return page.specific_class is Page and page.depth == 2 and page.get_children_count() == 0


def ensure_home_page(*, locale: Locale) -> tuple[HomePage, bool]:
    root = Page.get_first_root_node()
    existing = root.get_children().filter(slug=HOME_PAGE["slug"]).first()
    if existing is not None and existing.specific_class is not HomePage:
        if is_old_welcome_page(existing):
            # Free the slug. The page is deleted once the site points at the new home.
            existing.slug = OLD_WELCOME_PAGE_SLUG
            existing.save(update_fields=["slug", "url_path"])
        else:
            raise CommandError(
                f"There is already a {existing.specific_class.__name__} at "
                f"{existing.url_path}. Move or rename it, then run this again."
            )
    root = Page.get_first_root_node()
    return ensure_page(
        root, HomePage, HOME_PAGE, introduction=HOME_PAGE["introduction"], locale=locale
    )


def load_page_tree(*, report: LoadReport, locale: Locale) -> PageTree:
    """The home page (a draft while it is new: it is finished last, by ``finish_home_page``,
    because it links to content pages and resources), the library and the directory."""
    home, home_created = ensure_home_page(locale=locale)
    library, library_created = ensure_page(home, ResourceIndexPage, RESOURCE_LIBRARY)
    directory, directory_created = ensure_page(
        home, SupportOrganisationIndexPage, SUPPORT_DIRECTORY
    )
    finish_page(
        library,
        created=library_created,
        changed=apply_fields(library, page_fields(RESOURCE_LIBRARY, ["introduction"])),
        report=report,
    )
    finish_page(
        directory,
        created=directory_created,
        changed=apply_fields(directory, page_fields(SUPPORT_DIRECTORY, ["introduction"])),
        report=report,
    )
    return PageTree(home=home, home_created=home_created, library=library)


def resolve_page_links(home: HomePage, body: list) -> list:
    """Swap the page slugs in action links for the pages under the home page."""
    resolved = []
    for block_type, value in body:
        if isinstance(value, dict) and isinstance(value.get("page"), str):
            page = child_page(home, value["page"])
            if page is None:
                raise CommandError(f"No page with the slug '{value['page']}' to link to.")
            value = {**value, "page": page}
        resolved.append((block_type, value))
    return resolved


def load_content_pages(*, report: LoadReport, home: HomePage) -> None:
    """The explanatory pages, then the pages linked from the footer."""
    pages = [
        (item, *ensure_page(home, ContentPage, item, summary=item["summary"]))
        for item in [*CONTENT_PAGES, *SERVICE_PAGES]
    ]
    for item, page, created in pages:
        fields = page_fields(item, ["summary"])
        fields["body"] = resolve_page_links(home, item["body"])
        finish_page(page, created=created, changed=apply_fields(page, fields), report=report)


def finish_home_page(
    *, report: LoadReport, tree: PageTree, resources: dict[str, ResourcePage]
) -> None:
    """The home page's content, which points at a content page and at resources."""
    home = tree.home
    changed = apply_fields(
        home,
        {
            **page_fields(HOME_PAGE, ["introduction"]),
            "personalised_care_page": child_page(home, HOME_PAGE["personalised_care_page"]),
        },
    )
    changed |= apply_orderables(
        home,
        "featured_resource_items",
        HomePageFeaturedResource,
        [
            HomePageFeaturedResource(resource=resources[slug])
            for slug in HOME_PAGE["featured_resources"]
        ],
    )
    finish_page(home, created=tree.home_created, changed=changed, report=report)
