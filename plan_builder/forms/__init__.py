"""Forms for each part of the plan, by concern; every form is importable from
`plan_builder.forms`. Every form that changes a plan carries the plan's edit revision, so a
save made from a stale page is caught instead of overwriting newer work."""

from plan_builder.forms.accounts import PersonDeleteForm, ShareLinkForm, SignInForm
from plan_builder.forms.base import (
    REVIEW_WORDING,
    NHSFormMixin,
    PlanFormMixin,
    Wording,
    months_from_today,
    offer_no_blank_choice,
    plan_formfield,
    speak_of,
    validate_not_in_future,
    validate_review_date,
)
from plan_builder.forms.people import NewPlanForm, PersonForm
from plan_builder.forms.rows import (
    ActionForm,
    AttachmentForm,
    ContactForm,
    GoalForm,
    GoalRatingForm,
    RemoveForm,
    StatementForm,
)
from plan_builder.forms.sections import (
    AGREED_FIELDS,
    AboutMeForm,
    AgreementForm,
    ContingencyForm,
    ReviewDateForm,
    StartReviewForm,
)

__all__ = [
    "AGREED_FIELDS",
    "REVIEW_WORDING",
    "AboutMeForm",
    "ActionForm",
    "AgreementForm",
    "AttachmentForm",
    "ContactForm",
    "ContingencyForm",
    "GoalForm",
    "GoalRatingForm",
    "NHSFormMixin",
    "NewPlanForm",
    "PersonDeleteForm",
    "PersonForm",
    "PlanFormMixin",
    "RemoveForm",
    "ReviewDateForm",
    "ShareLinkForm",
    "SignInForm",
    "StartReviewForm",
    "StatementForm",
    "Wording",
    "months_from_today",
    "offer_no_blank_choice",
    "plan_formfield",
    "speak_of",
    "validate_not_in_future",
    "validate_review_date",
]
