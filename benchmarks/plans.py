"""Plan builder figures: one full plan (10 goals, 40 attachments) among many others.

Called from benchmarks.run after the public pages, on the same throwaway database."""

import sys
import time

from benchmarks.timing import measure


def build_other_plans(team, count: int) -> None:
    """Many more people and plans in the team, in bulk: the list must not slow down."""
    import datetime

    from plan_builder.models import Person, Plan

    today = datetime.date.today()
    batch = 1000
    for start in range(0, count, batch):
        people = Person.objects.bulk_create(
            Person(team=team, full_name=f"Person {n:06d}", nhs_number="")
            for n in range(start, min(count, start + batch))
        )
        Plan.objects.bulk_create(
            Plan(person=person, review_due=today + datetime.timedelta(days=n % 365))
            for n, person in enumerate(people)
        )


def run(site: dict, *, plans: int, iterations: int) -> list[tuple[str, dict]]:
    from django.test import Client
    from django.urls import reverse

    from tests.plan_factories import TeamFactory, build_full_plan, practitioner

    team = TeamFactory(name="Benchmark memory service")
    user = practitioner(team, username="bench-practitioner")
    print("Building a plan with 10 goals and 40 attachments ...", file=sys.stderr, flush=True)
    plan = build_full_plan(
        library=site["library"], practitioner=user, team=team, goals=10, attachments=40
    )
    print(f"Building {plans} other plans ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    build_other_plans(team, plans)
    print(f"  ({time.perf_counter() - started:.1f} s)", file=sys.stderr, flush=True)

    client = Client()
    client.force_login(user)
    pdf_iterations = max(5, iterations // 6)  # each PDF takes a good part of a second
    plan_list = reverse("plan_builder:plan_list")
    return [
        (
            "plan page",
            measure(client, reverse("plan_builder:plan_detail", args=[plan.pk]), iterations),
        ),
        (
            "person's copy (HTML)",
            measure(client, reverse("plan_builder:my_plan", args=[plan.pk]), iterations),
        ),
        (
            "person's copy (PDF)",
            measure(client, reverse("plan_builder:my_plan_pdf", args=[plan.pk]), pdf_iterations),
        ),
        (
            "FHIR export",
            measure(client, reverse("plan_builder:plan_fhir", args=[plan.pk]), iterations),
        ),
        (f"plan list, {plans + 1} plans", measure(client, plan_list, iterations)),
        ("plan list, page 200", measure(client, f"{plan_list}?page=200", iterations)),
        ("plan list, name search", measure(client, f"{plan_list}?q=Person+0042", iterations)),
        ("plan list, overdue", measure(client, f"{plan_list}?review=overdue", iterations)),
    ]
