"""Settings shared by every environment. Anything secret or host-specific comes from the
environment; the defaults here are safe for a laptop and nowhere else."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The site's apps, highest layer first (see [tool.importlinter] in pyproject.toml): editorial's
# admin templates override Wagtail's and wagtail-localize's, so it comes before them.
INSTALLED_APPS = [
    "starter",
    "search",
    "editorial",
    "pages",
    "resources",
    "core",
    "jobs",
    "plan_builder",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

# The middleware that sets security headers comes first, outside everything that can fail:
# a layer that raises (sessions read the database) is answered with a 500 page by the layer
# around it, so every header set further out is still sent on that error page.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.permissions_policy",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "core.publishing.PublishingRefusedMiddleware",
]

# Sign-in: django-axes locks a username on one address after repeated failures (the Wagtail
# admin and the plan builder share the one login backend).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Every attempt while paused starts the pause again, so guessing on cannot shorten it;
# the paused page (pages.views.sign_in_paused) says so, and when the pause ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_LOCKOUT_CALLABLE = "pages.views.sign_in_paused"
AXES_LOCKOUT_TEMPLATE = "plan_builder/locked_out.html"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0")) or None
LOGIN_URL = "plan_builder:login"
LOGIN_REDIRECT_URL = "plan_builder:plan_list"

# Sessions end after SESSION_IDLE_MINUTES without a request, and when the browser closes:
# practitioners work on shared tablets in people's homes.
SESSION_COOKIE_AGE = 60 * int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

ROOT_URLCONF = "website.urls"
# Areas outside i18n_patterns: a 404 there stays a 404 (see SiteLocaleMiddleware).
UNPREFIXED_PATHS = ["/plans/", "/admin/", "/documents/"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}

# SQLite (the embedded default) is shared by the web server, the workers and the scheduler:
# write-ahead logging lets readers carry on while one process writes, and transactions take
# the write lock when they begin, so two writers queue (up to the timeout) instead of failing
# with "database is locked" halfway through.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }

# Background work (the jobs app): Wagtail's own tasks (search index, references) and ours go
# to a queue in the database, which workers (`manage.py run_worker`) on any machine take from.
# `manage.py run_scheduler` enqueues the periodic jobs. See "Background work" in the README.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The daily link check (core.link_health); options as core.links.Settings. Private and
# loopback addresses are never followed unless allow_private_addresses is set (tests only).
LINK_CHECKER: dict = {}

# AutoField, as Wagtail's own models use: a BigAutoField default would make makemigrations
# write migrations for third-party apps that do not set default_auto_field.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "dwp"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation is on from the first migration, so adding languages later is
# configuration and translation, never a data migration.
LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
# "Translate" makes a draft translation, never a published one: wagtail-localize would
# otherwise publish the new translation (still in English) at once whenever the original is
# live, even for an editor who may not publish. A translation goes live through moderation
# (editorial/translation_moderation.py) or a moderator's "Publish" in the translation editor.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# English is the source language. Urdu is written right to left; Django's LANGUAGES_BIDI says
# so, and the templates read it. Adding a language: add it here, run `manage.py makemessages
# -l <code>` in the project and in plan_builder, translate the .po files, and migrate (a Locale
# that mirrors the English tree is made for it then; see core/locales.py).
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("cy", _("Welsh")),
    ("ur", _("Urdu")),
    ("pl", _("Polish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Dementia Wellbeing Plan"
# The address the public reaches the site at. Full links (the sitemap, resources printed in a
# person's copy of their plan, FHIR) are built from it: the default Wagtail Site is kept in
# step after every migrate (core/public_address.py). `./dev serve` sets it to the address
# it serves.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt", "epub"]
# Videos come from YouTube or Vimeo only (the video block says so): the Content-Security-Policy
# lets the page frame those two players (CSP_VIDEO_PLAYERS) and nothing else, so other
# providers are refused when the editor saves rather than shown as a blocked frame.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]
# Not Wagtail's responsive wrapper: it sizes the frame with an inline style="", which the
# Content-Security-Policy (style-src 'self') refuses. `.app-video iframe` in site.css keeps the
# player within the page.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
TAGGIT_CASE_INSENSITIVE = True

if os.environ.get("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [os.environ["ELASTICSEARCH_URL"]],
            "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "dementia_wellbeing"),
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views opt back in to SAMEORIGIN themselves.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp, through core.middleware.ContentSecurityPolicyMiddleware).
# The public site and the plan builder: everything from this origin, nothing inline, no eval.
# The templates have no inline <script>, <style>, style="" or on*="" (tests/security checks it),
# and the only third-party content is a YouTube or Vimeo player in a video block's frame.
# frame-ancestors agrees with X-Frame-Options: 'none', except on Wagtail's previews, which the
# page editor shows in an iframe and Wagtail marks SAMEORIGIN: those get 'self' (the middleware).
# upgrade-insecure-requests is added in production.py (a laptop serves plain http).
CSP_VIDEO_PLAYERS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_VIDEO_PLAYERS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin (/admin/) has its own policy. Checked in Chromium (tests/browser/
# test_content_security_policy.py), it relaxes only these directives, for these reasons:
#   script-src  + 'unsafe-inline'  Wagtail 7.4 writes inline <script>s: the date and time pickers
#                                  of the page editor's publishing schedule, inline panels, and
#                                  the panels and modals jQuery inserts; wagtail-localize's
#                                  translation editor starts from one too.
#   style-src   + 'unsafe-inline'  wagtail-localize's translation editor (React with
#                                  styled-components) writes its CSS into <style> elements.
#   img-src     + blob:            the image uploader previews the files chosen, as blob: URLs.
#   img-src     + www.gravatar.com editors' avatars (Wagtail's default avatar provider).
#   connect-src + https://releases.wagtail.org  the dashboard's new-Wagtail-version notice.
# Everything else is as strict as the public policy: no 'unsafe-eval', no plugins, forms and
# <base> same-origin only, frames from this origin only, and never framed itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "blob:", "www.gravatar.com"],
        "connect-src": [SELF, "https://releases.wagtail.org"],
        "frame-src": [SELF],
    },
}
ADMIN_PATH_PREFIX = "/admin/"

# Browser features no page here uses, switched off for the page and anything it frames.
PERMISSIONS_POLICY = [
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
]
CSRF_FAILURE_VIEW = "pages.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # The link checker makes thousands of requests a day; its findings are stored.
        "httpx": {"level": "WARNING"},
        "httpcore": {"level": "WARNING"},
    },
}
