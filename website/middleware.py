from django.conf import settings
from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its habit of answering a 404 under /plans/ or /admin/
    with a redirect to /en/...: those areas have no language prefix, and a plan that is not
    yours must be a plain 404, not a redirect that hints it might exist elsewhere."""

    def process_response(self, request, response):
        if request.path_info.startswith(tuple(settings.UNPREFIXED_PATHS)):
            return response
        return super().process_response(request, response)
