"""The default site, pointed at the starter home page (Wagtail's welcome page removed), and
its settings: who runs the service, its contact details and the footer's links."""

from wagtail.models import Page, Site

from core.public_address import public_address, sync_default_site
from pages.models import HomePage, SiteSettings
from starter.data.site_settings import SITE_SETTINGS
from starter.loaders.pages import OLD_WELCOME_PAGE_SLUG, child_page, is_old_welcome_page
from starter.loaders.report import CREATED, UNCHANGED, UPDATED, LoadReport


def point_default_site_at(*, report: LoadReport, home: HomePage) -> None:
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
        report.count("Sites", outcome, site.hostname)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.full_clean()
        site.save()
        report.count("Sites", UPDATED, site.hostname)
    else:
        report.count("Sites", UNCHANGED, site.hostname)
    sync_default_site()
    remove_old_welcome_page(report=report, home=home, old_root_id=old_root_id)


def remove_old_welcome_page(*, report: LoadReport, home: HomePage, old_root_id: int | None) -> None:
    """Delete Wagtail's default welcome page once no site uses it; a former site root that
    someone has written content under is left in place."""
    old_pages = Page.objects.filter(depth=2, slug=OLD_WELCOME_PAGE_SLUG)
    if old_root_id and old_root_id != home.pk:
        old_pages |= Page.objects.filter(pk=old_root_id)
    for old_page in old_pages.distinct():
        still_used = Site.objects.filter(root_page_id=old_page.pk).exists()
        if is_old_welcome_page(old_page) and not still_used:
            # With other languages set up, migrate mirrored it into each of them.
            for copy in Page.objects.filter(translation_key=old_page.translation_key):
                if copy.pk != old_page.pk and is_old_welcome_page(copy):
                    copy.delete()
            Page.objects.get(pk=old_page.pk).delete()
            report.removed_welcome_page = True
            report.log(f"  Deleted the old welcome page '{old_page.title}'.")
        else:
            report.log(
                f"  Left the old site root '{old_page.title}' in place: it is not an "
                "empty default page.",
                level=1,
            )


def load_site_settings(*, report: LoadReport, home: HomePage) -> None:
    """Give a new site the starter settings: who runs the service and its contact details
    when none of them is set yet, and the footer's links when it has none. Anything
    someone has set is kept, and a detail left out on purpose is not put back."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    details = [name for name in SITE_SETTINGS if name != "footer_links"]
    changed = False
    if not any(getattr(site_settings, name) for name in details):
        for name in details:
            setattr(site_settings, name, SITE_SETTINGS[name])
        changed = True
    if not site_settings.footer_links:
        site_settings.footer_links = [
            ("link", {"text": "", "page": child_page(home, slug), "external_url": ""})
            for slug in SITE_SETTINGS["footer_links"]
        ]
        changed = True
    if changed:
        site_settings.full_clean()
        site_settings.save()
    report.count("Site settings", UPDATED if changed else UNCHANGED, str(site_settings.site))
