"""The header, the footer and the meta description: the site's home page, menu, description,
footer links, and what a page says about itself."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from core.content_cache import cached_content
from core.languages import content_language_expression, page_links
from pages.models import HomePage, SiteSettings

register = template.Library()


def _site_chrome(site: Site, request) -> dict:
    # Fetched as a home page (one query, as for a plain page), so its introduction is at hand.
    root = (
        HomePage.objects.filter(pk=site.root_page_id).first()
        or Page.objects.filter(pk=site.root_page_id).first()
    )
    if root is None:
        return {"home": None, "navigation": [], "description": ""}
    locale = Locale.get_active()
    home = root if root.locale_id == locale.pk else root.get_translation_or_none(locale) or root
    navigation = [
        {
            "title": page.title,
            "url": page.get_url(request=request),
            "url_path": page.url_path,
            # An untranslated page's title is in the language it was copied from.
            "content_language": page.content_language,
        }
        for page in home.get_children()
        .live()
        .in_menu()
        .annotate(content_language=content_language_expression())
    ]
    # What the site is for, in the reader's language: the description of pages with none.
    description = getattr(home, "introduction", "")
    return {"home": home, "navigation": navigation, "description": description}


@register.simple_tag(takes_context=True)
def site_chrome(context) -> dict:
    """The home page and menu in the visitor's language, cached until content changes."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"home": None, "navigation": [], "description": ""}
    chrome = cached_content(
        f"chrome:{site.pk}:{get_language()}", lambda: _site_chrome(site, request)
    )
    current_path = getattr(context.get("page"), "url_path", "")
    return {
        "home": chrome["home"],
        "description": chrome.get("description", ""),
        "navigation": [
            {**item, "is_current": current_path.startswith(item["url_path"])}
            for item in chrome["navigation"]
        ],
    }


@register.simple_tag(takes_context=True)
def site_home_page(context) -> Page | None:
    return site_chrome(context)["home"]


# The fields a page may describe itself with, best first.
DESCRIPTION_FIELDS = ("search_description", "summary", "introduction")


@register.simple_tag(takes_context=True)
def page_description(context) -> str:
    """The page's meta description: the first of its own descriptions it has, else what the
    site is for."""
    page = context.get("page")
    for field in DESCRIPTION_FIELDS:
        if description := getattr(page, field, ""):
            return description
    return site_description(context)


@register.simple_tag(takes_context=True)
def site_description(context) -> str:
    """What the site is for, in the reader's language (its home page's introduction): the
    description of a page that has none of its own, such as search and error pages."""
    return site_chrome(context)["description"]


def _footer_links(site_settings, request) -> list[dict]:
    blocks = [block.value for block in site_settings.footer_links]
    # Each chosen page's version in the reader's language, in one query for them all.
    pages = {
        link.page.translation_key: link
        for link in page_links((value["page"] for value in blocks), request)
    }
    links = []
    for link in blocks:
        if link["page"] is not None:
            version = pages.get(link["page"].translation_key)
            if version is None:  # unpublished or deleted
                continue
            links.append(
                {
                    "url": version.url,
                    "text": link["text"] or version.title,
                    # Typed words are in the source language; an untranslated page's title is
                    # in the language it is an alias of.
                    "language": settings.LANGUAGE_CODE
                    if link["text"]
                    else version.content_language,
                }
            )
        elif link["external_url"]:
            links.append(
                {
                    "url": link["external_url"],
                    "text": link["text"],
                    "language": settings.LANGUAGE_CODE,
                }
            )
    return links


@register.simple_tag(takes_context=True)
def footer_links(context) -> list[dict]:
    """The footer's links from the site settings, each to the page in the reader's language,
    cached until content or the settings change."""
    request = context.get("request")
    if request is None:
        return []
    try:
        site_settings = SiteSettings.for_request(request)
    except SiteSettings.DoesNotExist:  # no site answers for this host
        return []
    return cached_content(
        f"footer-links:{site_settings.pk}:{get_language()}",
        lambda: _footer_links(site_settings, request),
    )
