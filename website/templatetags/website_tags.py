from django import template
from django.utils import timezone
from wagtail.models import Locale, Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home_page(context) -> Page | None:
    """The home page in the visitor's language, cached on the request."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_site_home_page"):
        site = Site.find_for_request(request)
        home = None
        if site is not None:
            root = Page.objects.filter(pk=site.root_page_id).first()
            if root is not None:
                locale = Locale.get_active()
                home = root if root.locale_id == locale.pk else (
                    root.get_translation_or_none(locale) or root
                )
        request._site_home_page = home
    return request._site_home_page


@register.simple_tag(takes_context=True)
def primary_navigation(context) -> list[dict]:
    home = site_home_page(context)
    if home is None:
        return []
    current = context.get("page")
    current_path = getattr(current, "url_path", "")
    return [
        {
            "title": page.title,
            "url": page.get_url(request=context.get("request")),
            "is_current": current_path.startswith(page.url_path),
        }
        for page in home.get_children().live().in_menu()
    ]


@register.filter
def long_date(value) -> str:
    """Dates as people say them: "Tuesday 3 March 2026", never 03/03/26."""
    if not value:
        return ""
    if hasattr(value, "astimezone"):
        value = timezone.localtime(value)
    return f"{value:%A} {value.day} {value:%B %Y}"


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
