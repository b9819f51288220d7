from wagtail.models import Site


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def publish(page):
    """Publish as an editor does (a revision, then publish), and return the page as it is now."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
