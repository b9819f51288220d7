"""Loaders for the starter content, one per kind, run in order by `load_starter_content`.

Each is safe to run again: everything is found by a natural key (a page's slug under its
parent, an organisation's slug and locale, a topic's slug) and updated in place, and a page
or organisation gets a new revision only when its content has changed.
"""
