"""How long the plan's free-text fields may be."""

LONG_TEXT = 2000
SHORT_TEXT = 500
