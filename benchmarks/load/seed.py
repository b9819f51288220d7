"""Seed the load-test database after `load_starter_content`: more resources, plan teams with
practitioners, full plans to edit and many more in each team's list. Prints one JSON document
(the URLs and accounts the load test uses) on stdout.

    python -m benchmarks.load.seed --resources 300 --teams 4 --practitioners 3 --plans 500

Run by benchmarks.load with the load database's environment (production settings); never
against a database that matters: it adds test accounts with known passwords.
"""

import argparse
import json
import os
import re
import secrets
import sys
import time

from benchmarks.load import say

WORD = re.compile(r"[a-z]{4,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=300, help="extra resources")
    parser.add_argument("--teams", type=int, default=4)
    parser.add_argument("--practitioners", type=int, default=3, help="per team")
    parser.add_argument("--full-plans", type=int, default=6, help="plans to edit, per team")
    parser.add_argument("--plans", type=int, default=500, help="other plans, per team")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    if not connection.settings_dict["NAME"].endswith("_load"):
        raise SystemExit("load_seed only runs on a database whose name ends in _load")

    from django.contrib.auth import get_user_model
    from wagtail.models import Locale
    from wagtail_localize.synctree import synchronize_tree

    from benchmarks.plans import build_other_plans
    from benchmarks.run import build_content
    from resources.choices import Audience, ResourceType
    from resources.models import (
        ResourceIndexPage,
        ResourcePage,
        SupportOrganisation,
        SupportOrganisationIndexPage,
        Topic,
    )
    from tests.plan_factories import TeamFactory, TeamMembershipFactory, build_full_plan

    english = Locale.get_default()
    library = ResourceIndexPage.objects.live().get(locale=english)
    directory = SupportOrganisationIndexPage.objects.live().get(locale=english)
    topics = list(Topic.objects.order_by("slug"))
    if not topics:
        raise SystemExit("No topics: run load_starter_content first")

    started = time.perf_counter()
    existing = ResourcePage.objects.child_of(library).count()
    say(f"  {args.resources} more resources ...")
    build_content({"library": library, "topics": topics}, existing + args.resources, existing)
    say(f"  ({time.perf_counter() - started:.0f} s); mirroring them into every language ...")
    for locale in Locale.objects.exclude(pk=english.pk):
        synchronize_tree(english, locale)

    user_model = get_user_model()
    teams = []
    say(f"  {args.teams} teams of {args.practitioners} practitioners, with plans ...")
    for number in range(args.teams):
        team = TeamFactory(name=f"Load test memory service {number + 1}")
        users = []
        for index in range(args.practitioners):
            password = secrets.token_urlsafe(16)
            user = user_model.objects.create_user(
                username=f"load-t{number + 1}-p{index + 1}",
                email=f"load-t{number + 1}-p{index + 1}@example.org",
                password=password,
                first_name="Load",
                last_name=f"Practitioner {number + 1}.{index + 1}",
            )
            TeamMembershipFactory(team=team, user=user, is_lead=index == 0)
            users.append({"username": user.username, "password": password})
        lead = user_model.objects.get(username=users[0]["username"])
        plans = [
            build_full_plan(
                library=library, practitioner=lead, team=team, goals=5, attachments=10
            ).pk
            for _ in range(args.full_plans)
        ]
        build_other_plans(team, args.plans)
        teams.append({"id": team.pk, "name": team.name, "users": users, "plans": plans})

    resources = list(ResourcePage.objects.live().child_of(library).order_by("?")[:200])
    organisations = list(
        SupportOrganisation.objects.filter(locale=english, live=True).order_by("?")[:50]
    )
    words = sorted(
        {word for page in resources for word in WORD.findall(page.title.lower())}
        | {word for topic in topics for word in WORD.findall(topic.name.lower())}
    )
    seed = {
        "home": library.get_parent().url,
        "library": library.url,
        "directory": directory.url,
        "resources": [page.url for page in resources],
        "organisations": [
            directory.url + directory.reverse_subpage("organisation", args=[item.slug]).lstrip("/")
            for item in organisations
        ],
        "topics": [topic.slug for topic in topics],
        "audiences": [audience.value for audience in Audience],
        "types": [kind.value for kind in ResourceType],
        "words": words,
        "teams": teams,
    }
    say(f"  seeded in {time.perf_counter() - started:.0f} s")
    json.dump(seed, sys.stdout)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
    main()
