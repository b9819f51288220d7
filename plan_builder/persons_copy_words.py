"""Where each goal, action and organisation stands, as the person's copy says it: plain words
addressed to the person ("You have done this."), where the practitioner's pages show the status
name. A status with nothing worth saying to the person has no words."""

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from plan_builder.models import ActionStatus, Attachment, GoalStatus, ReferralStatus, SupportType

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
