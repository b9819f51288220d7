"""Load the starter page tree, topics, resources and support organisations.

Safe to run more than once: each loader (`starter.loaders`) finds what it made before by a
natural key and updates it in place, adding a revision only when the content has changed.
"""

import contextlib
import logging

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from starter import translation
from starter.loaders.organisations import load_support_organisations
from starter.loaders.pages import finish_home_page, load_content_pages, load_page_tree
from starter.loaders.report import CREATED, UNCHANGED, UPDATED, LoadReport
from starter.loaders.resources import load_resources
from starter.loaders.site import load_site_settings, point_default_site_at
from starter.loaders.topics import load_topics
from starter.loaders.translations import load_translations

# Loggers that report every save, revision and background task at INFO level. Below
# verbosity 2 they are limited to warnings while the command runs.
CHATTY_LOGGERS = ["wagtail", "django_tasks"]

# The summary's lines, in this order.
KINDS = ["Pages", "Topics", "Resources", "Support organisations", "Sites", "Site settings"]


@contextlib.contextmanager
def loggers_at_level(names: list[str], level: int):
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)


class Command(BaseCommand):
    help = (
        "Create or update the starter content: home page, resource library, support "
        "organisation directory, explanatory pages, topics, resources and organisations. "
        "Safe to run again; nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--write-translation-template",
            action="store_true",
            help=(
                "Also write starter/data/translations/starter.pot: every string of the "
                "translated starter pages and topics, for translators (merge it into each "
                "language's .po file with msgmerge)."
            ),
        )

    def handle(self, *args, **options):
        report = LoadReport(write=self.stdout.write, verbosity=options["verbosity"])
        quiet = (
            loggers_at_level(CHATTY_LOGGERS, logging.WARNING)
            if report.verbosity < 2
            else contextlib.nullcontext()
        )
        with quiet, transaction.atomic():
            self.load(report, write_template=options["write_translation_template"])
        self.summarise(report)

    def load(self, report: LoadReport, *, write_template: bool) -> None:
        """Run the loaders in order: a page is made before anything that links to it."""
        locale = Locale.get_default()
        topics = load_topics(report=report)
        tree = load_page_tree(report=report, locale=locale)
        load_content_pages(report=report, home=tree.home)
        resources = load_resources(report=report, library=tree.library, topics=topics)
        load_support_organisations(report=report, locale=locale, topics=topics)
        finish_home_page(report=report, tree=tree, resources=resources)
        point_default_site_at(report=report, home=tree.home)
        load_site_settings(report=report, home=tree.home)
        load_translations(
            report=report,
            home=tree.home,
            topics=topics,
            locale=locale,
            write_template=write_template,
        )

    def summarise(self, report: LoadReport) -> None:
        if report.verbosity < 1:
            return
        self.stdout.write(self.style.SUCCESS("Starter content loaded."))
        for kind in KINDS:
            counts = report.counts.get(kind)
            if not counts:
                continue
            self.stdout.write(
                f"  {kind}: {counts[CREATED]} created, {counts[UPDATED]} updated, "
                f"{counts[UNCHANGED]} unchanged"
            )
        for language_code, counts in sorted(report.translation_counts.items()):
            self.stdout.write(
                f"  Translations into {language_code}: {counts[translation.TRANSLATED]} made, "
                f"{counts[translation.UPDATED]} updated, {counts[translation.UNCHANGED]} "
                "unchanged"
                + (
                    f", {counts[translation.INCOMPLETE]} incomplete"
                    if counts[translation.INCOMPLETE]
                    else ""
                )
            )
        if report.removed_welcome_page:
            self.stdout.write("  Removed Wagtail's default welcome page.")
        self.stdout.write(
            "Run `python manage.py runserver` and open http://localhost:8000/ "
            "(editors: http://localhost:8000/admin/)."
        )
