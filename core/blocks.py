"""StreamField blocks that render NHS.UK design system components. Each has its own template
in templates/blocks/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from core.languages import page_link

SIMPLE_RICH_TEXT = ["bold", "link", "document-link", "ol", "ul"]
RICH_TEXT = ["h3", "h4", *SIMPLE_RICH_TEXT]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=SIMPLE_RICH_TEXT)

    class Meta:
        icon = "pick"
        label = _("Inset text")
        template = "blocks/inset_text_block.html"


class CareCardBlock(blocks.StructBlock):
    urgency = blocks.ChoiceBlock(
        choices=[
            ("non-urgent", _("Non-urgent advice")),
            ("urgent", _("Urgent advice")),
            ("emergency", _("Immediate action required")),
        ],
        default="non-urgent",
    )
    heading = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=SIMPLE_RICH_TEXT)

    class Meta:
        icon = "warning"
        label = _("Care card")
        template = "blocks/care_card_block.html"


class WarningCalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default=_("Important"))
    body = blocks.RichTextBlock(features=SIMPLE_RICH_TEXT)

    class Meta:
        icon = "warning"
        label = _("Warning callout")
        template = "blocks/warning_callout_block.html"


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website, never both. A page link may leave
    its text empty: it then shows the page's title in the reader's language."""

    text = blocks.CharBlock(
        max_length=80,
        required=False,
        help_text=_(
            "Leave empty for a page on this site: its title is shown, in the reader's language."
        ),
    )
    page = blocks.PageChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter a web address, not both."))
                }
            )
        if value.get("external_url") and not value.get("text"):
            raise blocks.StructBlockValidationError(
                block_errors={"text": ValidationError(_("Enter the words to show for the link."))}
            )
        return value


class ActionLinkBlock(LinkBlock):
    text = blocks.CharBlock(max_length=80, help_text=_("Say what happens, e.g. 'Find support'."))

    class Meta:
        icon = "link"
        label = _("Action link")
        template = "blocks/action_link_block.html"

    def get_context(self, value, parent_context=None):
        """`href`: the chosen page's version in the reader's language, or the web address;
        None when the page is gone or unpublished (the link is then left out)."""
        context = super().get_context(value, parent_context=parent_context)
        if value["page"]:
            link = page_link(value["page"], (parent_context or {}).get("request"))
            context["href"] = link.url if link else None
        else:
            context["href"] = value["external_url"] or None
        return context


class ExpanderBlock(blocks.StructBlock):
    summary = blocks.CharBlock(max_length=120, help_text=_("The question or label people click."))
    body = blocks.RichTextBlock(features=RICH_TEXT)

    class Meta:
        icon = "collapse-down"
        label = _("Expander")
        template = "blocks/expander_block.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text=_("What the video is about."))
    video = EmbedBlock(help_text=_("A YouTube or Vimeo address."))
    transcript = blocks.RichTextBlock(
        features=SIMPLE_RICH_TEXT, required=False, help_text=_("What is said in the video.")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT, template="blocks/paragraph_block.html")
    inset_text = InsetTextBlock()
    care_card = CareCardBlock()
    warning_callout = WarningCalloutBlock()
    action_link = ActionLinkBlock()
    expander = ExpanderBlock()
    video = VideoBlock()


class ContactDetailsBlock(blocks.StaticBlock):
    """The service's own contact details, read from the site settings when the page is shown,
    so a contact page or a privacy notice never goes out of date when they change."""

    class Meta:
        icon = "mail"
        label = _("Our contact details")
        admin_text = _(
            "Shows who runs the service, its phone number and opening hours, and its email "
            "address, from Settings > Site settings."
        )
        template = "blocks/contact_details_block.html"


class ContentPageBodyBlock(BodyStreamBlock):
    """An explanatory page's body: it may also show the service's contact details."""

    contact_details = ContactDetailsBlock()
