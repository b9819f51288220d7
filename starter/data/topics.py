"""The managed list of topics that resources and organisations are filed under."""

TOPICS = [
    {"slug": "goal-setting", "name": "Goal setting"},
    {"slug": "personalised-care-planning", "name": "Personalised care planning"},
    {"slug": "living-well-with-dementia", "name": "Living well with dementia"},
    {"slug": "support-for-carers", "name": "Support for carers"},
    {"slug": "advance-care-planning", "name": "Advance care planning"},
    {"slug": "money-and-legal-matters", "name": "Money and legal matters"},
    {"slug": "training-for-practitioners", "name": "Training for practitioners"},
    {"slug": "young-onset-and-rare-dementias", "name": "Young onset and rare dementias"},
    {"slug": "peer-support", "name": "Peer support"},
    {"slug": "staying-active", "name": "Staying active"},
]
