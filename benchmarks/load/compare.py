"""The same public load with 1 and with 2 gunicorn workers, and with the Redis cache, the
per-process cache and no cache, each on a fresh server: what the workers and the cache are
worth."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from benchmarks.load import say
from benchmarks.load.database import redis_hits
from benchmarks.load.report import CACHE_NAMES, FIGURE_HEADER, Report, figures, row
from benchmarks.load.server import Server
from benchmarks.load.traffic import run_load


def compare_workers_and_caches(
    args,
    *,
    environment: Callable[[str], dict],
    main_cache: str,
    have_redis: bool,
    log_path: Path,
    report: Report,
) -> None:
    """Two tables: 1 against 2 workers with the main cache, then each cache with 2 workers.
    `environment(cache)` gives the server's environment for "redis", "memory" or "off"."""
    configurations = [(1, main_cache), (2, main_cache)]
    configurations += [(2, cache) for cache in ("memory", "off") if cache != main_cache]
    compared = {}
    for workers, cache in configurations:
        label = f"{workers} worker{'s' if workers > 1 else ''}, cache {cache}"
        with Server(environment(cache), workers, log_path, label) as server:
            say(f"Compare: {label}, {args.compare_users} public users")
            hits_before = redis_hits(args.redis_url) if cache == "redis" else None
            run = run_load(
                server.url,
                public=args.compare_users,
                practitioners=0,
                seconds=args.compare_seconds,
                warmup=args.warmup,
            )
            compared[workers, cache] = figures(run.samples, run.measure_from, run.end)
            hit_rate = "-"
            if hits_before:
                hits, misses = (
                    after - before
                    for after, before in zip(redis_hits(args.redis_url), hits_before, strict=True)
                )
                hit_rate = f"{100 * hits / max(hits + misses, 1):.0f} %"
            compared[workers, cache]["hit_rate"] = hit_rate
    one, two = compared[1, main_cache], compared[2, main_cache]
    report.add(
        f"## Workers: 1 against 2 ({args.compare_users} public users, {CACHE_NAMES[main_cache]})",
        "",
    )
    report.table(
        ["workers", *FIGURE_HEADER, "throughput"],
        [
            [*row([1], one), "1.00x"],
            [*row([2], two), f"{two['rps'] / max(one['rps'], 1e-9):.2f}x"],
        ],
    )
    report.add(
        f"## Cache ({args.compare_users} public users, 2 workers)",
        "",
        "Each configuration starts with an empty cache (a fresh gunicorn and key "
        "prefix). Half the searches and most filter combinations are new each time, so "
        "a short run shows the cache on the repeated pages mostly. The hit rate is the "
        "Redis server's own count during the run (all its clients; each lookup also reads "
        "the content version key, which nearly always hits).",
        "",
    )
    off = compared.get((2, "off"))
    report.table(
        ["cache", *FIGURE_HEADER, "against no cache", "Redis hit rate"],
        [
            [
                *row([CACHE_NAMES[cache]], compared[2, cache]),
                f"{compared[2, cache]['rps'] / max(off['rps'], 1e-9):.2f}x" if off else "-",
                compared[2, cache]["hit_rate"],
            ]
            for cache in ("redis", "memory", "off")
            if (2, cache) in compared
        ],
    )
    if not have_redis:
        report.add(f"Redis was not reachable at {args.redis_url}: not measured.", "")
