"""Admin forms and widgets of the resource library."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from core.review import ReviewedModelForm
from resources.models import Topic, TopicLabel, unreachable_error


def translated_languages() -> list[tuple[str, str]]:
    """(code, name) of every language of the site except the source language."""
    return [
        (code, name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def label_field_name(language_code: str) -> str:
    return f"name_{language_code}"


def language_name(language_code: str) -> str:
    return str(dict(settings.WAGTAIL_CONTENT_LANGUAGES)[language_code])


class TopicFormBase(WagtailAdminModelForm):
    """A topic with its name in every language of the site, in one form.

    The English name is the topic itself (the tag; its English label follows it). Each other
    language's name is that language's TopicLabel, created, renamed or (when left empty)
    removed here; a language without a name shows the English one, marked as English."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        english = language_name(settings.LANGUAGE_CODE)
        self.fields["name"].label = gettext("Name in %(language)s") % {"language": english}
        self.fields["name"].help_text = gettext(
            "Plain words people would look for, such as 'Money and legal matters'."
        )
        labels = {}
        if self.instance.pk:
            labels = dict(self.instance.labels.values_list("locale__language_code", "name"))
        for code, _name in translated_languages():
            field = self.fields[label_field_name(code)]
            field.label = gettext("Name in %(language)s") % {"language": language_name(code)}
            field.help_text = gettext(
                "Leave it empty until you have a translation: pages in %(language)s then show "
                "the name in %(english)s, marked as %(english)s."
            ) % {"language": language_name(code), "english": english}
            field.initial = labels.get(code, "")

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Topic.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                gettext("There is already a topic called '%(name)s'.") % {"name": name}
            )
        return name

    def clean(self):
        cleaned_data = super().clean()
        for code, _name in translated_languages():
            field_name = label_field_name(code)
            name = " ".join(cleaned_data.get(field_name, "").split())
            cleaned_data[field_name] = name
            if not name:
                continue
            clash = (
                TopicLabel.objects.filter(locale__language_code=code, name__iexact=name)
                .exclude(topic_id=self.instance.pk)
                .select_related("topic")
                .first()
            )
            if clash is not None:
                self.add_error(
                    field_name,
                    gettext("'%(topic)s' is already called '%(name)s' in %(language)s.")
                    % {"topic": clash.topic.name, "name": name, "language": language_name(code)},
                )
        return cleaned_data

    @transaction.atomic
    def save(self, commit=True):
        topic = super().save(commit=commit)
        if commit:
            self.save_labels(topic)
        return topic

    def save_labels(self, topic: Topic) -> None:
        english = TopicLabel.objects.get(topic=topic, locale=Locale.get_default())
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        for code, _name in translated_languages():
            locale = locales.get(code)
            if locale is None:
                continue
            name = self.cleaned_data[label_field_name(code)]
            if not name:
                TopicLabel.objects.filter(topic=topic, locale=locale).delete()
                continue
            TopicLabel.objects.update_or_create(
                topic=topic,
                locale=locale,
                defaults={"name": name, "translation_key": english.translation_key},
            )


# One optional name field per language of the site, declared on the class so that the Topic
# viewset's panels can name them.
TopicForm = type(
    "TopicForm",
    (TopicFormBase,),
    {
        label_field_name(code): forms.CharField(
            label=name, required=False, max_length=TopicLabel._meta.get_field("name").max_length
        )
        for code, name in translated_languages()
    },
)
TopicForm.__module__ = __name__


class SupportOrganisationForm(ReviewedModelForm):
    """Publishing and submitting for moderation need a way to reach the organisation;
    saving a draft does not (Wagtail defers validation for drafts)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        # A new entry is looked after by whoever adds it, unless they choose someone else.
        if self.instance.pk is None and for_user is not None and "owner" in self.fields:
            self.initial["owner"] = self.initial.get("owner") or for_user.pk

    def save(self, commit=True):
        if self.instance.pk is None and self.instance.owner_id is None and self.for_user:
            self.instance.owner = self.for_user
        return super().save(commit=commit)

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation and not self.has_error("phone"):
            error = unreachable_error(cleaned_data)
            if error is not None:
                self.add_error(None, error)
        return cleaned_data
