"""sitemap.xml for every language: Wagtail's own sitemap lists the default site's English
tree only. Each page's entry names its other language versions as hreflang alternates."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalisedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_language_tree = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.filter(in_a_language_tree)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        versions: dict = {}
        for item in self.paginator.page(page).object_list:
            url = item.get_full_url(self.request)
            if url:
                versions.setdefault(item.translation_key, []).append(
                    {"location": url, "lang_code": item.locale.language_code}
                )
        page_keys = {
            version["location"]: key for key, entries in versions.items() for version in entries
        }
        for url_info in urls:
            key = page_keys.get(url_info["location"])
            if key is not None and len(versions[key]) > 1:
                url_info["alternates"] = versions[key]
        return urls
