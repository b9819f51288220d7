"""The plugin's own fixtures (a team, a practitioner in it, a plan, signed in), shared with the
site's plan-builder tests rather than written twice."""

from plan_builder.tests.conftest import plan, signed_in, team, user

__all__ = ["plan", "signed_in", "team", "user"]
