"""Load and resilience: the production configuration under gunicorn, on its own PostgreSQL
database, driven by Locust; then a killed worker and a PostgreSQL restart.

    ./dev load                                   # the whole run, about 6 to 8 minutes
    ./dev load --steps 1 4 --step-seconds 10 --skip-compare --skip-resilience   # a quick look

What it does, in order:

1. Drops and recreates the database `dementia_wellbeing_load` (only a name ending in `_load`
   is accepted), migrates, loads the starter content, adds resources, plan teams with
   practitioners and plans (benchmarks.load.seed), and runs collectstatic alongside.
2. Serves website.settings.production with gunicorn on 127.0.0.1 (a free port) and the Redis
   cache, and runs each concurrency step (public visitors with no pause, plus a quarter as
   many practitioners editing plans): requests per second, p50/p95/p99 and error rate.
3. The same public step with 1 and with 2 workers, and with the Redis cache, the in-process
   cache (no REDIS_URL) and no cache (benchmarks.load.nocache_settings).
4. Practitioners and the public together while one gunicorn worker is killed (SIGKILL) and,
   later, PostgreSQL is restarted: errors during each outage and the time to recovery.
5. Every plan change the client sent is looked for in the database (each one carries a unique
   marker): acknowledged changes must be stored exactly once, refused ones not at all; then
   consistency queries and `manage.py check`.

Tables are printed in Markdown and written to bench-results/load-<time>.md. The exit status is
1 when a change was lost, stored twice or stored after a refusal, when the data is
inconsistent, or when the site did not recover.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.load import ROOT, say
from benchmarks.load.checks import (
    WRITE_HEADER,
    bad,
    check_writes,
    consistency,
    plan_snapshot,
    stored_changes,
    write_row,
)
from benchmarks.load.compare import compare_workers_and_caches
from benchmarks.load.database import (
    Database,
    build,
    ensure_postgres,
    redis_forget,
    redis_reachable,
)
from benchmarks.load.report import CACHE_NAMES, FIGURE_HEADER, Report, figures, row, step_row
from benchmarks.load.resilience import resilience_report, resilience_run
from benchmarks.load.server import Server
from benchmarks.load.traffic import run_load
from benchmarks.load.users import ACKED, Ledger, Shared

# --- the phases -------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="./dev load", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add("--steps", type=int, nargs="+", default=[1, 4, 16, 32], help="users at each step")
    add("--step-seconds", type=float, default=20, help="length of each step")
    add("--warmup", type=float, default=3, help="seconds at the start of a run not counted")
    add("--practitioner-share", type=float, default=0.25, help="of the users at each step")
    add("--workers", type=int, default=2, help="gunicorn workers for the steps")
    add("--compare-users", type=int, default=16, help="public users in the comparisons")
    add("--compare-seconds", type=float, default=20)
    add("--skip-compare", action="store_true", help="no workers and cache comparison")
    add("--resilience-users", type=int, default=8, help="public users during the outages")
    add("--resilience-practitioners", type=int, default=4)
    add("--resilience-seconds", type=float, default=60)
    add("--kill-at", type=float, default=15, help="seconds into the run: kill a worker")
    add("--restart-at", type=float, default=35, help="seconds into the run: restart PostgreSQL")
    add("--recovery-limit", type=float, default=15, help="seconds allowed to recover")
    add("--skip-resilience", action="store_true", help="no worker kill, no PostgreSQL restart")
    add("--resources", type=int, default=200, help="resources added to the starter content")
    add("--teams", type=int, default=4)
    add("--practitioners", type=int, default=3, help="accounts per team")
    add("--plans", type=int, default=500, help="plans per team, besides the ones edited")
    add("--postgres", default="postgres://postgres@127.0.0.1:5432", help="the server, no name")
    add("--database", default="dementia_wellbeing_load", help="dropped and made again")
    add("--pg-cluster", default="15 main", help="for pg_ctlcluster: version and name")
    add("--redis-url", default="redis://127.0.0.1:6379/7")
    add("--conn-max-age", type=int, default=60, help="DATABASE_CONN_MAX_AGE for gunicorn")
    add("--reuse-database", action="store_true", help="keep the last run's database and seed")
    add("--out", default=str(ROOT / "bench-results"), help="where the Markdown goes")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    run_id = time.strftime("%Y%m%d%H%M%S")
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    report_path = out_dir / f"load-{run_id}.md"
    log_path = out_dir / f"load-{run_id}-gunicorn.log"
    database = Database(args.postgres, args.database)
    cluster = args.pg_cluster.split()
    ensure_postgres(database, cluster)
    have_redis = redis_reachable(args.redis_url)
    scratch = Path(tempfile.mkdtemp(prefix="dwp-load-"))
    prefixes: list[str] = []

    def environment(cache: str = "redis") -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"REDIS_URL", "ELASTICSEARCH_URL", "BEHIND_TLS_PROXY", "PYTHONPATH"}
        }
        prefix = f"dwp-load-{run_id}-{len(prefixes)}"
        prefixes.append(prefix)
        env.update(
            DJANGO_SETTINGS_MODULE="website.settings.production",
            SECRET_KEY=secret_key,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=database.url,
            DATABASE_CONN_MAX_AGE=str(args.conn_max_age),
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            STATIC_ROOT=str(out_dir / "load-static"),
            MEDIA_ROOT=str(scratch / "media"),
            CACHE_KEY_PREFIX=prefix,
            LOG_LEVEL="WARNING",
        )
        if cache == "redis":
            env["REDIS_URL"] = args.redis_url
        elif cache == "off":
            env["DJANGO_SETTINGS_MODULE"] = "benchmarks.load.nocache_settings"
        return env

    secret_key = secrets.token_urlsafe(50)
    main_cache = "redis" if have_redis else "memory"
    report = Report()
    failures: list[str] = []
    ledger = Ledger(run_id)
    started = time.time()
    try:
        # 1. The database and its content.
        setup_env = environment(main_cache)
        seed = build(args, database, setup_env, out_dir)
        Shared.configure(seed, ledger)
        team_ids = [team["id"] for team in seed["teams"]]
        before = plan_snapshot(database, team_ids)
        resources, plans = database.query(
            """SELECT (SELECT count(*) FROM resources_resourcepage),
                      (SELECT count(*) FROM plan_builder_plan)"""
        )[0]
        setup_seconds = time.time() - started

        report.add(
            f"# Load and resilience, {time.strftime('%Y-%m-%d %H:%M %Z')}",
            "",
            f"Production settings, gunicorn (sync workers) on 127.0.0.1, PostgreSQL database "
            f"`{database.name}` ({resources} resource pages in all languages, {plans} plans; "
            f"{len(seed['teams'])} teams of {len(seed['teams'][0]['users'])} practitioners), "
            f"cache: "
            f"{CACHE_NAMES[main_cache]}, DATABASE_CONN_MAX_AGE={args.conn_max_age}. "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start; "
            f"Locust runs on the same machine. Set up in {setup_seconds:.0f} s.",
            "",
        )

        # 2. The concurrency steps.
        steps = []
        with Server(setup_env, args.workers, log_path, f"steps, {args.workers} workers") as server:
            for users in args.steps:
                practitioners = int(users * args.practitioner_share)
                ledger.phase = f"{users} users"
                say(f"Step: {users} users ({practitioners} practitioners), {args.step_seconds} s")
                run = run_load(
                    server.url,
                    public=users - practitioners,
                    practitioners=practitioners,
                    seconds=args.step_seconds,
                    warmup=args.warmup,
                )
                steps.append((users, practitioners, run))
            if not args.skip_resilience:
                outages = resilience_run(args, server)
        report.add(
            f"## Throughput by concurrency ({args.workers} workers, {CACHE_NAMES[main_cache]})",
            "",
            "Public visitors send their next request as soon as the last one is answered; "
            "practitioners pause 0.2 to 1 s between steps. Each step lasts "
            f"{args.step_seconds:.0f} s; the first {args.warmup:.0f} s are not counted.",
            "",
        )
        report.table(
            ["users", "practitioners", *FIGURE_HEADER, "public p95 ms", "plans p95 ms"],
            [step_row(users, practitioners, run) for users, practitioners, run in steps],
        )
        users, _practitioners, top = steps[-1]
        names = sorted({s.name for s in top.samples if top.measure_from <= s.end <= top.end})
        report.add(f"### Each request at {users} users", "")
        report.table(
            ["request", *FIGURE_HEADER],
            [row([name], figures(top.samples, top.measure_from, top.end, name)) for name in names],
        )

        counts, areas = stored_changes(database, run_id)
        tallies = check_writes(ledger, counts, areas)
        report.add(
            "### Plan changes: what the client was told, and what the database holds",
            "",
            "Each change (a goal, a need, an action added; a goal changed) carries a unique "
            "marker. *Lost*: acknowledged (302 to the plan) but not stored. *Stored after "
            "refusal*: stored although the answer was a 409 conflict or the form again. A changed "
            "goal counts as stored when its value is in the database or a later acknowledged "
            "change replaced it.",
            "",
        )
        report.table(
            ["step", *WRITE_HEADER],
            [write_row([phase], tallies[phase]) for phase in tallies if phase != "outages"],
        )
        top_tally = tallies.get(f"{steps[-1][0]} users", Counter())
        verdict = "NO" if any(bad(t) for p, t in tallies.items() if p != "outages") else "yes"
        report.add(
            f"No lost writes at the highest step ({top_tally[ACKED]} acknowledged, "
            f"{top_tally['stored']} stored): "
            f"{'NO' if bad(top_tally) else 'yes'}; at every step: "
            f"{verdict}.",
            "",
        )
        if verdict != "yes":
            failures.append("plan changes lost, duplicated or stored after a refusal (steps)")
        if steps[-1][1] and not top_tally[ACKED]:
            failures.append("no plan change was acknowledged at the highest step")

        # 3. Workers and cache.
        if not args.skip_compare:
            compare_workers_and_caches(
                args,
                environment=environment,
                main_cache=main_cache,
                have_redis=have_redis,
                log_path=log_path,
                report=report,
            )

        # 4. Resilience.
        if not args.skip_resilience:
            resilience_report(args, *outages, report, failures)
            counts, areas = stored_changes(database, run_id)
            tallies = check_writes(ledger, counts, areas)
            outage = tallies.get("outages", Counter())
            report.add("### Plan changes during the outages", "")
            report.table(["run", *WRITE_HEADER], [write_row(["outages"], outage)])
            if bad(outage):
                failures.append("plan changes lost, duplicated or stored after a refusal")

        checks = consistency(database, run_id, team_ids, before, setup_env)
        report.add("## Data after the run", "")
        report.table(
            ["check", "problems"],
            [[name, problems] for name, problems in checks],
        )
        failures += [name for name, problems in checks if problems]
        report.add(
            f"Result: {'FAILED: ' + '; '.join(failures) if failures else 'passed'}. "
            f"Whole run: {(time.time() - started) / 60:.1f} minutes.",
        )
    finally:
        if report.lines:
            report_path.write_text("\n".join(report.lines) + "\n")
            say(f"\nWritten to {report_path} (gunicorn's log: {log_path})")
        if have_redis:
            for prefix in prefixes:
                redis_forget(args.redis_url, prefix)
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failures else 0
