import pytest
from wagtail.models import Site

from pages.models import SiteSettings


@pytest.fixture
def site_tree(site_tree):
    """The site as visitors find it after its first request: the site settings row exists.

    (Its creation on first read is a save, which moves the content version on and would make
    cache behaviour in a test depend on which request happened to come first.)
    """
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return site_tree
