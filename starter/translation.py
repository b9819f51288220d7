"""Translations of the starter content from its catalogues (`starter.data.translations`),
loaded through wagtail-localize.

Translations are made as wagtail-localize translations (not copies), so editors can open them
in the translation editor and sync them when the English changes. Each translated page is
then sent to the "Native speaker review" workflow: a native speaker should check it.
"""

from dataclasses import dataclass
from functools import partial

import polib
from django.contrib.auth.models import Group
from django.db import models, transaction
from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowState, WorkflowTask
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import synchronize_tree

from starter.data.translations import CATALOGUE_DIRECTORY

REVIEW_WORKFLOW_NAME = "Native speaker review"
REVIEW_TASK_NAME = "Check the translation (native speaker)"
REVIEWER_GROUP = "Moderators"

# Shown beside every starter string in the translation editor. The starter translations were
# drafted with a language model, so they are labelled as machine translations until checked.
TOOL_NAME = "the starter content (a draft, not yet checked by a native speaker)"

TRANSLATED = "translated"
UPDATED = "updated"
UNCHANGED = "unchanged"
INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class Translatable:
    """One object of the starter content and the key its strings have in the catalogues."""

    instance: models.Model
    key: str


def sync_locale_trees() -> None:
    """Make every synchronised locale mirror its source tree now (aliases for pages that are
    not translated), rather than in a background task."""
    for synchronisation in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(synchronisation.sync_from, synchronisation.locale)


def catalogue_languages() -> list[str]:
    return sorted(path.stem for path in CATALOGUE_DIRECTORY.glob("*.po"))


def load_catalogue(language_code: str) -> dict[tuple[str, str], str]:
    """(msgctxt, msgid) -> translation, leaving out empty and fuzzy entries."""
    catalogue = polib.pofile(str(CATALOGUE_DIRECTORY / f"{language_code}.po"))
    return {
        (entry.msgctxt or "", entry.msgid): entry.msgstr
        for entry in catalogue
        if entry.msgstr and not entry.fuzzy and not entry.obsolete
    }


def source_segments(source: TranslationSource):
    return (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )


def source_for(instance: models.Model) -> tuple[TranslationSource, bool]:
    """The wagtail-localize source of an object, brought up to date with its English, and
    whether that English is new or changed."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if created:
        return source, True
    previous = source.content_json
    source.update_from_db()
    return source, source.content_json != previous


def translation_template(items: list[Translatable]) -> polib.POFile:
    """A PO template of every string in the starter content, for translators."""
    template = polib.POFile(wrapwidth=0)
    template.metadata = {
        "Project-Id-Version": "Dementia Wellbeing Plan starter content",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    seen = set()
    for item in items:
        source, _changed = source_for(item.instance)
        for segment in source_segments(source):
            key = (item.key, segment.string.data)
            if key in seen:
                continue
            seen.add(key)
            template.append(
                polib.POEntry(
                    msgctxt=item.key,
                    msgid=segment.string.data,
                    msgstr="",
                    comment=segment.context.path.split(".")[0],
                )
            )
    return template


def translate(item: Translatable, locale: Locale, catalogue: dict) -> str:
    """Translate one object into ``locale`` from the catalogue; publish it when something
    changed. An object the catalogue does not fully cover is left as it is (for a page, the
    English alias) and reported as incomplete."""
    source, english_changed = source_for(item.instance)
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    strings_changed = False
    for segment in source_segments(source):
        text = catalogue.get((item.key, segment.string.data))
        if text is None:
            return INCOMPLETE
        string_translation, created = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                "tool_name": TOOL_NAME,
            },
        )
        if not created and string_translation.data != text:
            string_translation.data = text
            string_translation.has_error = False
            string_translation.save()
            created = True
        strings_changed |= created

    existing = item.instance.get_translation_or_none(locale)
    is_alias = isinstance(existing, Page) and existing.alias_of_id is not None
    if existing is not None and not is_alias and not strings_changed and not english_changed:
        if isinstance(existing, Page):
            ask_for_native_speaker_review(existing)
        return UNCHANGED
    translated, _created = source.create_or_update_translation(locale, publish=True)
    if isinstance(translated, Page):
        # wagtail-localize publishes the translation when the transaction commits, and
        # publishing cancels a workflow in progress: the review starts after that publish
        # (on_commit callbacks run in the order they were added).
        # Changed machine-drafted text needs checking again, whatever was decided before.
        transaction.on_commit(partial(ask_for_native_speaker_review, translated, again=True))
    return TRANSLATED if existing is None or is_alias else UPDATED


def review_workflow() -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        task, created = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK_NAME)
        if created:
            task.groups.set(Group.objects.filter(name=REVIEWER_GROUP))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def ask_for_native_speaker_review(page: Page, *, again: bool = False) -> None:
    """Mark an unchecked translation in the admin: the page stays live, and its latest
    revision waits in the "Native speaker review" workflow until a moderator who
    reads the language approves it.

    Unless ``again`` (the text has just changed), a review that a moderator has already
    approved or sent back is left alone; one that was only cancelled (by a publish, or by
    an earlier version of this loader) is started again, so a draft translation is never
    left looking checked."""
    page = page.specific
    workflow = review_workflow()
    decided = WorkflowState.objects.for_instance(page).filter(workflow=workflow)
    if not again and decided.exclude(status=WorkflowState.STATUS_CANCELLED).exists():
        return
    if (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .exists()
    ):
        return
    workflow.start(page, user=None)
