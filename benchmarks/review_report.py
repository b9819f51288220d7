"""The editors' review pages as the library grows: the Due for review report, its CSV, and
the dashboard with its panel, against Wagtail's own Aging pages report in the same run (an
admin listing of the same pages, so the admin's own cost cancels out).

    ./dev bench-review                          # N = 1,000 then 10,000 resources
    ./dev bench-review --resources 200 2000 --iterations 20

Target: the same number of queries at every N (paging, counting and ordering happen in the
database), and the time per request growing far slower than the library.
"""

import argparse
import datetime
import os
import sys
import time

from benchmarks.run import setup_django
from benchmarks.timing import measure

REFERENCE = "Wagtail's Aging pages report"


def build_resources(library, owners, start: int, stop: int) -> None:
    """Resources with every review state: a third overdue, a sixth due within 30 days, a
    sixth never reviewed, the rest up to date."""
    from django.utils import timezone

    from tests.factories import ResourcePageFactory

    today = timezone.localdate()
    for n in range(start, stop):
        kind = n % 6
        last = None if kind == 5 else today - datetime.timedelta(days=200 + n % 300)
        due = {
            0: today - datetime.timedelta(days=1 + n % 90),
            1: today - datetime.timedelta(days=91 + n % 200),
            2: today + datetime.timedelta(days=n % 30),
            3: today + datetime.timedelta(days=40 + n % 300),
            4: today + datetime.timedelta(days=60 + n % 200),
            5: None,
        }[kind]
        ResourcePageFactory(
            parent=library,
            title=f"Guide to living well {n:05d}",
            owner=owners[n % len(owners)],
            last_reviewed=last,
            next_review_due=due,
        )


def timed_export(client, url: str, runs: int = 3) -> float:
    """Median seconds to stream the whole CSV."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        b"".join(response.streaming_content)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--iterations", type=int, default=30)
    args = parser.parse_args()
    setup_django(os.environ.get("BENCH_DATABASE_URL"))

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.urls import reverse

    from tests.factories import build_site_tree

    site = build_site_tree()

    owners = []
    for n in range(5):
        user = get_user_model().objects.create_user(
            username=f"editor{n}", first_name="Editor", last_name=str(n)
        )
        user.groups.add(Group.objects.get(name="Moderators"))
        owners.append(user)
    client = Client()
    client.force_login(owners[0])
    report = reverse("editorial_review_report")
    rows, built = [], 0
    for count in sorted(args.resources):
        print(f"Building {count} resources ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        build_resources(site["library"], owners, built, count)
        built = count
        print(f"  ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
        pages = [
            (REFERENCE, reverse("wagtailadmin_reports:aging_pages")),
            ("report, first page", report),
            ("report, page 20", f"{report}?p=20"),
            ("report, overdue, one owner", f"{report}?status=overdue&owner={owners[1].pk}"),
            ("dashboard with the panel", reverse("wagtailadmin_home")),
        ]
        figures = {name: measure(client, url, args.iterations) for name, url in pages}
        export = timed_export(client, f"{report}?export=csv")
        reference = figures[REFERENCE]["median"]
        for name, _url in pages:
            rows.append((count, name, figures[name], figures[name]["median"] / reference))
        rows.append((count, "report as CSV (whole)", {"median": export * 1000}, None))

    print()
    print(f"{'N':>6} | {'page':<28} | {'median ms':>9} | {'x ref':>6} | queries")
    print(f"{'-' * 6}-|-{'-' * 28}-|-{'-' * 9}-|-{'-' * 6}-|--------")
    for count, name, figure, ratio in rows:
        ratio_text = f"{ratio:>6.2f}" if ratio is not None else f"{'':>6}"
        queries = figure.get("queries", "")
        print(f"{count:>6} | {name:<28} | {figure['median']:>9.1f} | {ratio_text} | {queries:>7}")
    by_page: dict[str, set] = {}
    for _count, name, figure, _ratio in rows:
        if "queries" in figure:
            by_page.setdefault(name, set()).add(figure["queries"])
    grew = [name for name, counts in by_page.items() if len(counts) > 1]
    print()
    print("Queries the same at every N:", "yes" if not grew else f"no ({', '.join(grew)})")
    if grew:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
