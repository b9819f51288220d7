import re

from csp.constants import HEADER, SELF
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.middleware.locale import LocaleMiddleware

FRAME_ANCESTORS = re.compile(r"frame-ancestors [^;]*")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its habit of answering a 404 under /plans/ or /admin/
    with a redirect to /en/...: those areas have no language prefix, and a plan that is not
    yours must be a plain 404, not a redirect that hints it might exist elsewhere."""

    def process_response(self, request, response):
        if request.path_info.startswith(tuple(settings.UNPREFIXED_PATHS)):
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with two policies: CONTENT_SECURITY_POLICY for the site and the
    plan builder, ADMIN_CONTENT_SECURITY_POLICY for the Wagtail admin (see the settings for what
    it relaxes and why).

    frame-ancestors agrees with X-Frame-Options: 'none' (settings), but 'self' on a response a
    view has marked X-Frame-Options: SAMEORIGIN. Those are Wagtail's previews, which the page
    editor shows in an iframe. A page preview is rendered by a dummy request for the page's
    public URL that Wagtail passes through this middleware stack itself, so it carries the
    public policy the page will be served with; the preview view marks it SAMEORIGIN only
    afterwards, on its way out through the admin's stack, which is where it is put right."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_PATH_PREFIX)
        ):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        policy = response.get(HEADER)
        if policy and response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            response[HEADER] = FRAME_ANCESTORS.sub(f"frame-ancestors {SELF}", policy)
        return response


def permissions_policy(get_response):
    """`Permissions-Policy: camera=(), microphone=(), ...`: the features in
    settings.PERMISSIONS_POLICY are off for every page and for anything it frames."""
    header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", header)
        return response

    return middleware
