from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from website.content_cache import cached_content

register = template.Library()


def _site_chrome(site: Site, request) -> dict:
    root = Page.objects.filter(pk=site.root_page_id).first()
    if root is None:
        return {"home": None, "navigation": []}
    locale = Locale.get_active()
    home = root if root.locale_id == locale.pk else root.get_translation_or_none(locale) or root
    navigation = [
        {"title": page.title, "url": page.get_url(request=request), "url_path": page.url_path}
        for page in home.get_children().live().in_menu()
    ]
    return {"home": home, "navigation": navigation}


@register.simple_tag(takes_context=True)
def site_chrome(context) -> dict:
    """The home page and menu in the visitor's language, cached until content changes."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"home": None, "navigation": []}
    chrome = cached_content(
        f"chrome:{site.pk}:{get_language()}", lambda: _site_chrome(site, request)
    )
    current_path = getattr(context.get("page"), "url_path", "")
    return {
        "home": chrome["home"],
        "navigation": [
            {**item, "is_current": current_path.startswith(item["url_path"])}
            for item in chrome["navigation"]
        ],
    }


@register.simple_tag(takes_context=True)
def site_home_page(context) -> Page | None:
    return site_chrome(context)["home"]


@register.filter
def short_date(value) -> str:
    if not value:
        return ""
    return f"{value.day} {value:%B %Y}"


@register.simple_tag
def breadcrumb_ancestors(page) -> list[Page]:
    """Ancestors below the tree root, home page first."""
    if page is None:
        return []
    return list(page.get_ancestors().filter(depth__gt=1))
