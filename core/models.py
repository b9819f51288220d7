"""The core app's models live by concern; this module keeps Django's one import path."""

from core.link_health.models import CheckedLink, LinkCheck, LinkState, LinkUse

__all__ = ["CheckedLink", "LinkCheck", "LinkState", "LinkUse"]
