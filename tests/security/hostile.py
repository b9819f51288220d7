"""What the hostile-input tests share: the checks on a response, the forms' fields filled
with a payload, a plan's state to compare, and the over-long and odd values they send."""

from django.urls import URLPattern, get_resolver, reverse

from plan_builder.models import Person, Plan, ShareLink
from tests.security.payloads import (
    LONG,
    NUL,
    free_text_fields,
    live_markup,
    page_text,
)

PASSWORD = "correct horse battery staple"  # every factory-made user's
HUGE = "99999999999999999999999"  # past any database integer
INT_KWARGS = {"plan_id", "goal_id", "row_id", "share_link_id"}
REFUSED = {
    "ten-thousand-characters": (LONG, "characters or fewer"),
    "nul-byte": (NUL, "has a hidden character that cannot be saved"),
}


def assert_inert(response, where: str = "") -> str:
    assert response.status_code < 500, where
    html = response.content.decode()
    found = live_markup(html)
    assert not found, f"{where}: {found}"
    return html


def errors_on(response) -> list[str]:
    """The error messages on a form page, for failure reports."""
    html = response.content.decode()
    return [" ".join(part.split()) for part in page_text(html).split("Error:")[1:]] or [html[:500]]


def fill(name: str, world, payload: str) -> dict[str, str]:
    """Each free-text field of the form gets the payload and a short tag saying which field,
    so the pages can be searched for each one."""
    return {
        field_name: f"{payload} ~{name[:3]}{index}"
        for index, field_name in enumerate(free_text_fields(name, world))
    }


def unchanged(world) -> tuple:
    """Anything a form saves moves the revision on, or adds a plan, person or shared link."""
    return (
        Plan.objects.get(pk=world.plan.pk).edit_revision,
        Plan.objects.count(),
        Person.objects.count(),
        ShareLink.objects.count(),
        Person.objects.values_list("full_name", "nhs_number").get(pk=world.plan.person_id),
    )


def plan_builder_patterns() -> list[URLPattern]:
    return [
        pattern
        for pattern in get_resolver("plan_builder.urls").url_patterns
        if isinstance(pattern, URLPattern)
    ]


def sample_kwargs(pattern: URLPattern, world, **override) -> dict:
    """Real values for every part of a plan_builder URL, so only what a case changes is odd."""
    real = {
        "plan_id": world.plan.pk,
        "goal_id": world.goal.pk,
        "row_id": world.rows["goals"].pk,
        "kind": "goals",
        "section": "about-me",
        "attachable_key": "resources.resourcepage",
        "object_id": world.resource.pk,
        "share_link_id": world.share_link.pk,
        "export_format": "json",
        "token": world.token,
    }
    if "goal_id" in pattern.pattern.converters:
        real["kind"] = "actions"
    return {name: override.get(name, real[name]) for name in pattern.pattern.converters}


def overflowing_urls(world) -> list[str]:
    """Every plan_builder URL with a number in it, once for each number made too big."""
    urls = []
    for pattern in plan_builder_patterns():
        for name in INT_KWARGS & set(pattern.pattern.converters):
            kwargs = sample_kwargs(pattern, world, **{name: HUGE})
            urls.append(reverse(f"plan_builder:{pattern.name}", kwargs=kwargs))
    return urls


def shared(token: str) -> list[str]:
    return [f"/plans/shared/{token}/", f"/plans/shared/{token}/plan.pdf"]


def boxes(name: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}
