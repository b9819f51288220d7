"""The starter translations: every other language mirrors the English tree, and the pages and
topics the catalogues cover are translated from them, as drafts for a native speaker."""

from wagtail.models import Locale

from pages.models import HomePage
from resources.models import Topic, TopicLabel
from starter import translation
from starter.data.translations import TEMPLATE_PATH, TRANSLATED_CHILD_PAGES, TRANSLATED_TOPICS
from starter.loaders.pages import child_page
from starter.loaders.report import LoadReport


def load_translations(
    *,
    report: LoadReport,
    home: HomePage,
    topics: dict[str, Topic],
    locale: Locale,
    write_template: bool,
) -> None:
    """Mirror the English tree into every other language, then translate the pages and
    topics the starter catalogues cover (the rest stay English aliases). With
    ``write_template``, first write the catalogues' template from the English."""
    translation.sync_locale_trees()
    items = [
        translation.Translatable(home, home.slug),
        *(
            translation.Translatable(child_page(home, slug), slug)
            for slug in TRANSLATED_CHILD_PAGES
        ),
        *(
            translation.Translatable(
                TopicLabel.objects.get(topic=topics[slug], locale=locale), f"topic:{slug}"
            )
            for slug in TRANSLATED_TOPICS
        ),
    ]
    if write_template:
        translation.translation_template(items).save(str(TEMPLATE_PATH))
        report.log(f"  Wrote {TEMPLATE_PATH}", level=1)
    for language_code in translation.catalogue_languages():
        target = Locale.objects.filter(language_code=language_code).first()
        if target is None:
            report.log(
                f"  No locale for {language_code}: its starter translations skipped.", level=1
            )
            continue
        catalogue = translation.load_catalogue(language_code)
        for item in items:
            outcome = translation.translate(item, target, catalogue)
            report.translation_counts[language_code][outcome] += 1
            if outcome != translation.UNCHANGED:
                report.log(f"  {language_code}: {outcome} {item.key}")
