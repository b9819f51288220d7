"""Server time and queries per request for the public pages, next to a bare Wagtail page.

    ./dev bench                      # N = 100, then N = 1,000 resources; 10,000 plans
    ./dev bench --resources 100 5000 --plans 20000

Runs in-process through Django's test client against a throwaway SQLite database (or the
database in BENCH_DATABASE_URL), so the figures are server time without network or browser.
Target: every page within 3x the bare page's median, and the same query count at every N.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from benchmarks.timing import measure


def setup_django(database_url: str | None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        path = Path(tempfile.mkdtemp(prefix="dwp-bench-")) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build_content(site: dict, target: int, created: int) -> int:
    from resources.choices import ResourceType
    from tests.factories import ResourcePageFactory

    types = list(ResourceType)
    for index in range(created, target):
        ResourcePageFactory(
            parent=site["library"],
            title=f"Guide to living well {index:05d}",
            resource_type=types[index % len(types)],
            for_people_with_dementia=index % 2 == 0,
            topics=[site["topics"][index % len(site["topics"])]],
        )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--iterations", type=int, default=60)
    parser.add_argument(
        "--plans", type=int, default=10_000, help="other plans in the practitioner's team"
    )
    args = parser.parse_args()

    setup_django(os.environ.get("BENCH_DATABASE_URL"))

    from django.test import Client
    from wagtail.models import Locale, Page
    from wagtail_localize.synctree import synchronize_tree

    from tests.factories import (
        SupportOrganisationFactory,
        TopicFactory,
        build_site_tree,
    )

    site = build_site_tree()
    english, urdu = Locale.get_default(), Locale.objects.get(language_code="ur")
    site["topics"] = [TopicFactory(name=f"Benchmark topic {n}") for n in range(10)]
    bare = site["home"].add_child(instance=Page(title="Bare page", slug="bare"))
    for n in range(60):
        SupportOrganisationFactory(topics=[site["topics"][n % 10]])
    topic = site["topics"][0].slug

    client = Client()
    created = 0
    rows = []
    for count in sorted(args.resources):
        print(f"Building {count} resources ...", file=sys.stderr, flush=True)
        created = build_content(site, count, created)
        # Mirror the tree into Urdu, as every language is: untranslated pages become aliases.
        synchronize_tree(english, urdu)
        resource = site["library"].get_children().live().last().specific
        pages = [
            ("bare Wagtail page", bare.url),
            ("home", site["home"].url),
            (
                "library, filtered",
                f"{site['library'].url}?topic={topic}&audience=families-and-carers&type=guide",
            ),
            ("library, unfiltered", site["library"].url),
            ("resource page", resource.url),
            ("organisation directory", site["directory"].url),
            ("search, repeated", "/en/search/?q=living+well"),
            (
                "search, each one new",
                [f"/en/search/?q=living+well+{n:05d}" for n in range(args.iterations + 6)],
            ),
            ("library, Urdu", site["library"].url.replace("/en/", "/ur/", 1)),
            (
                "library, filtered, Urdu",
                f"{site['library'].url.replace('/en/', '/ur/', 1)}?topic={topic}"
                "&audience=families-and-carers&type=guide",
            ),
            ("search, repeated, Urdu", "/ur/search/?q=living+well"),
            (
                "search, each new, Urdu",
                [f"/ur/search/?q=living+well+{n:05d}" for n in range(args.iterations + 6)],
            ),
        ]
        results = {name: measure(client, url, args.iterations) for name, url in pages}
        bare_median = results["bare Wagtail page"]["median"]
        for name, _url in pages:
            figures = results[name]
            rows.append((count, name, figures, figures["median"] / bare_median))

    print()
    print(f"{'N':>6} | {'page':<24} | {'median ms':>9} | {'p95 ms':>7} | {'x bare':>6} | queries")
    print(f"{'-' * 6}-|-{'-' * 24}-|-{'-' * 9}-|-{'-' * 7}-|-{'-' * 6}-|--------")
    for count, name, figures, ratio in rows:
        flag = "" if ratio <= 3 or name == "bare Wagtail page" else "  over 3x"
        print(
            f"{count:>6} | {name:<24} | {figures['median']:>9.1f} | {figures['p95']:>7.1f} |"
            f" {ratio:>6.2f} | {figures['queries']:>7}{flag}"
        )
    by_page: dict[str, set[int]] = {}
    for _count, name, figures, _ratio in rows:
        by_page.setdefault(name, set()).add(figures["queries"])
    grew = [name for name, counts in by_page.items() if len(counts) > 1]
    print()
    print("Queries the same at every N:", "yes" if not grew else f"no ({', '.join(grew)})")

    from benchmarks import plans

    plan_rows = plans.run(site, plans=args.plans, iterations=args.iterations)
    print()
    print("Plan builder: one plan with 10 goals and 40 attachments, signed in")
    print(f"{'page':<28} | {'median ms':>9} | {'p95 ms':>7} | queries")
    print(f"{'-' * 28}-|-{'-' * 9}-|-{'-' * 7}-|--------")
    for name, figures in plan_rows:
        print(
            f"{name:<28} | {figures['median']:>9.1f} | {figures['p95']:>7.1f} |"
            f" {figures['queries']:>7}"
        )


if __name__ == "__main__":
    main()
