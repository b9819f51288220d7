"""Where each goal, action and organisation stands, as the person's copy says it: plain words
addressed to the person ("You have done this."), where the practitioner's pages show the status
name. A status with nothing worth saying to the person has no words."""

from django.utils.dateformat import format as format_date
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from plan_builder.content_languages import typed
from plan_builder.models import (
    ActionStatus,
    AgreedBy,
    Attachment,
    GoalStatus,
    Plan,
    ReferralStatus,
    SupportType,
)

# A date in full, as the person's copy writes every date: "Tuesday 3 March 2026".
FULL_DATE = "l j E Y"

GOAL_STATUS_WORDS: dict[str, StrOrPromise] = {
    GoalStatus.ACHIEVED: _("You have done this."),
    GoalStatus.ON_HOLD: _("This goal is on hold for now."),
    GoalStatus.STOPPED: _("You have stopped working on this goal."),
}

ACTION_STATUS_WORDS: dict[str, StrOrPromise] = {
    ActionStatus.IN_PROGRESS: _("This has started."),
    ActionStatus.DONE: _("This is done."),
    ActionStatus.DECLINED: _("This is not going ahead."),
}

REFERRAL_STATUS_WORDS: dict[str, StrOrPromise] = {
    ReferralStatus.SENT: _(
        "We have asked them to get in touch with you. They should contact you soon."
    ),
    ReferralStatus.ACCEPTED: _(
        "We asked them to get in touch with you. They have said yes and will contact you."
    ),
    ReferralStatus.DECLINED: _(
        "We asked them to help, but they cannot help this time. Ask us what else could help."
    ),
    ReferralStatus.COMPLETED: _("We asked them to help you. This is now finished."),
}
REFERRAL_NOT_SENT_WORDS = _("We are going to ask them to get in touch with you.")
SIGNPOSTED_WORDS = _("You can contact them yourself when you are ready.")


def goal_status_words(status: str) -> StrOrPromise:
    return GOAL_STATUS_WORDS.get(status, "")


def action_status_words(status: str) -> StrOrPromise:
    return ACTION_STATUS_WORDS.get(status, "")


def support_words(attachment: Attachment) -> StrOrPromise:
    """What happens next with an organisation: the person gets in touch themselves, or the
    service has asked (or will ask) the organisation to get in touch."""
    if attachment.support_type != SupportType.REFERRED:
        return SIGNPOSTED_WORDS
    return REFERRAL_STATUS_WORDS.get(attachment.referral_status, REFERRAL_NOT_SENT_WORDS)


def agreement_words(plan: Plan) -> SafeString | str:
    """Who agreed the plan and when, said to the person: "You agreed this plan on ..." or
    "Ann agreed this plan with you on ...". Nothing when it is not agreed, or was agreed by
    someone whose name was not written down."""
    if not plan.is_agreed or plan.agreed_on is None:
        return ""
    date = format_date(plan.agreed_on, FULL_DATE)
    if plan.agreed_by == AgreedBy.PERSON:
        sentence = gettext("You agreed this plan on %(date)s.")
        return conditional_escape(sentence % {"date": date})
    if not plan.agreed_by_name:
        return ""
    # The sentence is translated, the name typed by someone: only the name is isolated, and
    # both are escaped before they meet.
    sentence = gettext("%(name)s agreed this plan with you on %(date)s.")
    return mark_safe(  # noqa: S308  # nosec B308 B703 - every part is escaped
        conditional_escape(sentence)
        % {"name": typed(plan.agreed_by_name), "date": conditional_escape(date)}
    )
