"""Everything that changes a plan, by concern; every verb is importable from
`plan_builder.services`. Views call these verbs and nothing else writes plan data, so every
change is checked against concurrent edits and recorded in the audit log."""

from plan_builder.services.attaching import AttachmentRefused, attachment_create
from plan_builder.services.audit import SIGNED_OUT, audit_record, token_digest
from plan_builder.services.drafts import (
    FORM_DRAFT_MAX_CHARACTERS,
    FORM_DRAFT_TOKEN_BYTES,
    form_draft_discard_unreadable,
    form_draft_keep,
    form_draft_purge_expired,
    form_draft_take,
)
from plan_builder.services.plans import (
    PlanEditConflict,
    PlanNotEditable,
    PlanRow,
    person_delete,
    person_update,
    plan_create,
    plan_item_delete,
    plan_item_save,
    plan_start_review,
    plan_update,
)
from plan_builder.services.sharing import (
    SHARE_TOKEN_BYTES,
    share_link_create,
    share_link_open,
    share_link_revoke,
)

__all__ = [
    "FORM_DRAFT_MAX_CHARACTERS",
    "FORM_DRAFT_TOKEN_BYTES",
    "SHARE_TOKEN_BYTES",
    "SIGNED_OUT",
    "AttachmentRefused",
    "PlanEditConflict",
    "PlanNotEditable",
    "PlanRow",
    "attachment_create",
    "audit_record",
    "form_draft_discard_unreadable",
    "form_draft_keep",
    "form_draft_purge_expired",
    "form_draft_take",
    "person_delete",
    "person_update",
    "plan_create",
    "plan_item_delete",
    "plan_item_save",
    "plan_start_review",
    "plan_update",
    "share_link_create",
    "share_link_open",
    "share_link_revoke",
    "token_digest",
]
