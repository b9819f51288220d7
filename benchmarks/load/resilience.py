"""Practitioners and the public at work while one gunicorn worker is killed and, later,
PostgreSQL restarts; then the report: failures by status and the time to recover."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter

import gevent

from benchmarks.load import say
from benchmarks.load.report import figures, percentile
from benchmarks.load.server import Server, busiest, http_status
from benchmarks.load.traffic import Run, run_load
from benchmarks.load.users import Shared


def resilience_run(args, server: Server) -> tuple[Run, list[dict], int]:
    """Public visitors and practitioners while a worker is killed and PostgreSQL restarts."""
    events: list[dict] = []
    Shared.ledger.phase = "outages"

    def kill_worker():
        workers = server.worker_pids()
        if not workers:
            events.append({"name": "kill a worker", "at": time.time(), "note": "no worker"})
            return
        victim = busiest(workers)
        os.kill(victim, signal.SIGKILL)
        event = {"name": f"SIGKILL worker {victim}", "at": time.time(), "note": ""}
        events.append(event)

        def watch():
            while time.time() - event["at"] < 60:
                fresh = set(server.worker_pids()) - set(workers)
                if fresh:
                    event["note"] = (
                        f"new worker {min(fresh)} after {time.time() - event['at']:.1f} s"
                    )
                    return
                gevent.sleep(0.1)

        gevent.spawn(watch)

    def restart_postgres():
        at = time.time()
        result = subprocess.run(  # noqa: S603  # nosec B603 B607 - fixed arguments; pg_ctlcluster from PATH
            ["pg_ctlcluster", "--skip-systemctl-redirect", *args.pg_cluster.split(), "restart"],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        note = f"restart took {time.time() - at:.1f} s"
        if result.returncode:
            note = f"restart failed: {(result.stderr or result.stdout).strip()[:120]}"
        events.append({"name": "restart PostgreSQL", "at": at, "note": note})

    say(
        f"Resilience: {args.resilience_users} public users and "
        f"{args.resilience_practitioners} practitioners for {args.resilience_seconds} s; "
        f"kill a worker at {args.kill_at} s, restart PostgreSQL at {args.restart_at} s"
    )
    run = run_load(
        server.url,
        public=args.resilience_users,
        practitioners=args.resilience_practitioners,
        seconds=args.resilience_seconds,
        warmup=args.warmup,
        actions=[(args.kill_at, kill_worker), (args.restart_at, restart_postgres)],
    )
    return run, events, http_status(server.port, "/en/")


def resilience_report(args, run: Run, events: list[dict], after: int, report, failures) -> None:
    report.add(
        f"## Resilience ({args.workers} workers; {args.resilience_users} public users and "
        f"{args.resilience_practitioners} practitioners for {args.resilience_seconds:.0f} s)",
        "",
        "*Recovered after*: from the event to the last failed request in its window; after it, "
        "every request succeeded. *Failed requests*: by status (0 = no HTTP answer, e.g. the "
        "connection was reset by the killed worker). Like a browser, the client sends a GET "
        "again once when its connection closes before an answer (so a GET cut off by the "
        "killed worker is answered by the other one); a POST is never sent twice.",
        "",
    )
    rows = []
    events.sort(key=lambda event: event["at"])
    for n, event in enumerate(events):
        window_end = events[n + 1]["at"] if n + 1 < len(events) else run.end
        inside = [s for s in run.samples if event["at"] <= s.end <= window_end]
        failed = [s for s in inside if not s.ok]
        recovered = "immediately (no failure)"
        if failed:
            last = max(s.end for s in failed)
            after_last = [s for s in inside if s.end > last]
            if after_last and window_end - last >= 1:
                recovered = f"{last - event['at']:.1f} s"
            else:
                recovered = "NOT within the window"
                failures.append(f"no recovery after: {event['name']}")
            if last - event["at"] > args.recovery_limit:
                failures.append(f"recovery over {args.recovery_limit:.0f} s: {event['name']}")
        statuses = Counter(s.status for s in failed)
        rows.append(
            [
                event["name"],
                f"{event['at'] - run.start:.1f}",
                len(inside),
                len(failed),
                ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
                or "-",
                recovered,
                event["note"] or "-",
            ]
        )
    report.table(
        [
            "event",
            "at s",
            "requests in window",
            "failed",
            "failed by status",
            "recovered after",
            "note",
        ],
        rows,
    )
    overall = figures(run.samples, run.measure_from, run.end)
    report.add(
        f"Whole run: {overall['requests']} requests, {overall['rps']:.1f} req/s, "
        f"{overall['errors']} failed; a request after the run: HTTP {after}.",
        "",
        "Every 2 seconds:",
        "",
    )
    timeline = []
    bin_start = run.start
    while bin_start < run.end:
        inside = [s for s in run.samples if bin_start <= s.end < bin_start + 2]
        marks = [e["name"] for e in events if bin_start <= e["at"] < bin_start + 2]
        timeline.append(
            [
                f"{bin_start - run.start:.0f}",
                len(inside),
                sum(not s.ok for s in inside),
                f"{percentile([s.ms for s in inside], 0.95):.0f}" if inside else "-",
                "; ".join(marks) or "",
            ]
        )
        bin_start += 2
    report.table(["s", "requests", "failed", "p95 ms", "event"], timeline)
    if after != 200:
        failures.append(f"the site answered {after} after the outages")
