from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from core.public_address import public_address


@register()
def check_site_url(app_configs, **kwargs):
    try:
        public_address()
    except ImproperlyConfigured as error:
        return [Error(str(error), hint="Set SITE_URL in the environment.", id="website.E001")]
    return []
