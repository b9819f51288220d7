"""Load and resilience: the production configuration under gunicorn, on its own PostgreSQL
database, driven by Locust; then a killed worker and a PostgreSQL restart.

    ./dev load                                   # the whole run, about 6 to 8 minutes
    ./dev load --steps 1 4 --step-seconds 10 --skip-compare --skip-resilience   # a quick look

What it does, in order:

1. Drops and recreates the database `dementia_wellbeing_load` (only a name ending in `_load`
   is accepted), migrates, loads the starter content, adds resources, plan teams with
   practitioners and plans (benchmarks.load_seed), and runs collectstatic alongside.
2. Serves website.settings.production with gunicorn on 127.0.0.1 (a free port) and the Redis
   cache, and runs each concurrency step (public visitors with no pause, plus a quarter as
   many practitioners editing plans): requests per second, p50/p95/p99 and error rate.
3. The same public step with 1 and with 2 workers, and with the Redis cache, the in-process
   cache (no REDIS_URL) and no cache (benchmarks.load_nocache_settings).
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
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import gevent
import psycopg
from locust.env import Environment

from benchmarks.load_users import (
    ACKED,
    CONFLICT,
    FAILED,
    REJECTED,
    SENT,
    Ledger,
    Practitioner,
    PublicVisitor,
    Shared,
)

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
PROTECTED = {"dementia_wellbeing", "postgres", "template0", "template1"}
ROW_TABLES = {  # kind -> (table, text column, the audit record's description of a new row)
    "goal": ("plan_builder_goal", "description", "goal"),
    "need": ("plan_builder_statement", "text", "strength or need"),
    "action": ("plan_builder_action", "description", "action"),
}


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the report -------------------------------------------------------------------------


class Report:
    """Markdown printed as it is made, and kept for the file."""

    def __init__(self):
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        for line in lines:
            print(line, flush=True)
            self.lines.append(line)

    def table(self, header: list[str], rows: list[list]) -> None:
        self.add(
            "| " + " | ".join(header) + " |",
            "|" + "|".join("---:" if n else "---" for n, _ in enumerate(header)) + "|",
            *("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows),
            "",
        )


# --- figures ----------------------------------------------------------------------------


@dataclass
class Sample:
    end: float
    name: str
    ms: float
    ok: bool
    status: int


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def figures(samples: list[Sample], start: float, end: float, prefix: str = "") -> dict:
    chosen = [s for s in samples if start <= s.end <= end and s.name.startswith(prefix)]
    times = [s.ms for s in chosen]
    errors = sum(not s.ok for s in chosen)
    seconds = max(end - start, 1e-9)
    return {
        "requests": len(chosen),
        "rps": len(chosen) / seconds,
        "p50": percentile(times, 0.50),
        "p95": percentile(times, 0.95),
        "p99": percentile(times, 0.99),
        "errors": errors,
        "error_rate": errors / len(chosen) if chosen else 0.0,
    }


def row(label: list, f: dict) -> list:
    return [
        *label,
        f["requests"],
        f"{f['rps']:.1f}",
        f"{f['p50']:.0f}",
        f"{f['p95']:.0f}",
        f"{f['p99']:.0f}",
        f"{100 * f['error_rate']:.2f} %",
    ]


def step_row(users: int, practitioners: int, run) -> list:
    public = figures(run.samples, run.measure_from, run.end, "public")
    plans = figures(run.samples, run.measure_from, run.end, "plans")
    return [
        *row([users, practitioners], figures(run.samples, run.measure_from, run.end)),
        f"{public['p95']:.0f}",
        f"{plans['p95']:.0f}" if practitioners else "-",
    ]


FIGURE_HEADER = ["requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"]


# --- the database -----------------------------------------------------------------------


class Database:
    def __init__(self, server_url: str, name: str):
        if name in PROTECTED or name.startswith("test") or not name.endswith("_load"):
            raise SystemExit(f"Refusing to use the database {name!r}: give a name ending in _load")
        self.server_url = server_url.rstrip("/")
        self.name = name
        self.url = f"{self.server_url}/{name}"

    def reachable(self) -> bool:
        try:
            with psycopg.connect(f"{self.server_url}/postgres", connect_timeout=3):
                return True
        except psycopg.OperationalError:
            return False

    def recreate(self) -> None:
        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{self.name}"')

    def query(self, sql: str, params=()) -> list[tuple]:
        with psycopg.connect(self.url, connect_timeout=10) as connection:
            return connection.execute(sql, params).fetchall()


def ensure_postgres(database: Database, cluster: list[str]) -> None:
    if database.reachable():
        return
    say(f"PostgreSQL is not answering; starting the cluster {' '.join(cluster)} ...")
    subprocess.run(["pg_ctlcluster", *cluster, "start"], check=False)  # noqa: S603, S607  # nosec B603 B607 - fixed arguments; pg_ctlcluster from PATH, as the README says
    for _ in range(30):
        if database.reachable():
            return
        time.sleep(1)
    raise SystemExit(f"PostgreSQL is not reachable at {database.server_url}")


def redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def redis_hits(url: str) -> tuple[int, int]:
    """The Redis server's (hits, misses) so far: all its clients, so a rough figure."""
    import redis

    with contextlib.suppress(redis.RedisError):
        stats = redis.Redis.from_url(url, socket_connect_timeout=2).info("stats")
        return stats["keyspace_hits"], stats["keyspace_misses"]
    return 0, 0


def redis_forget(url: str, prefix: str) -> None:
    import redis

    with contextlib.suppress(redis.RedisError):
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
        for start in range(0, len(keys), 500):
            client.delete(*keys[start : start + 500])


# --- the server -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_status(port: int, path: str, timeout: float = 15) -> int:
    """A bare HTTP/1.0 GET: the status code, or 0 without an answer."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
            connection.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
            head = connection.recv(64)
            while connection.recv(65536):
                pass
        return int(head.split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return sorted(found)


def cpu_ticks(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    return 0


def busiest(pids: list[int]) -> int:
    """The worker that used the most CPU over the last 0.3 s: most likely in a request."""
    before = {pid: cpu_ticks(pid) for pid in pids}
    gevent.sleep(0.3)
    return max(pids, key=lambda pid: cpu_ticks(pid) - before[pid])


class Server:
    """gunicorn serving the site, in its own process group, on a free loopback port."""

    def __init__(self, env: dict, workers: int, log_path: Path, label: str):
        self.env, self.workers, self.log_path, self.label = env, workers, log_path, label
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        say(f"Starting gunicorn ({self.label}) on {self.url} ...")
        started = time.time()
        log = self.log_path.open("a")
        log.write(f"\n=== {self.label} ===\n")
        log.flush()
        self.process = subprocess.Popen(  # noqa: S603  # nosec B603 - our own interpreter, fixed arguments
            [
                GUNICORN,
                "website.wsgi",
                f"--workers={self.workers}",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=30",
                "--graceful-timeout=5",
                "--log-level=warning",
                "--no-control-socket",  # other gunicorns on the machine use the default one
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.time() + 120
        while http_status(self.port, "/en/", timeout=5) != 200:
            if self.process.poll() is not None or time.time() > deadline:
                self.stop()
                raise SystemExit(f"gunicorn did not start; see {self.log_path}")
            time.sleep(0.5)
        while len(self.worker_pids()) < self.workers and time.time() < deadline:
            time.sleep(0.2)
        for path in [*Shared.seed_paths(), *Shared.seed_paths()][: 6 * self.workers]:
            http_status(self.port, path)  # warm each worker a little
        say(f"  ready in {time.time() - started:.0f} s")
        return self

    def worker_pids(self) -> list[int]:
        return children(self.process.pid) if self.process else []

    def stop(self) -> None:
        if not self.process or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def __exit__(self, *exc) -> None:
        self.stop()


# --- a load run -------------------------------------------------------------------------


@dataclass
class Run:
    samples: list[Sample]
    start: float  # the first user is started
    measure_from: float  # after the warm-up
    end: float  # the users are asked to stop; later samples are not counted


def run_load(
    url: str,
    *,
    public: int,
    practitioners: int,
    seconds: float,
    warmup: float,
    actions: list[tuple[float, callable]] = (),
) -> Run:
    """Run `public` visitors and `practitioners` for `seconds`; `actions` are (seconds after
    the start, function) pairs, each run in turn while the load goes on."""
    classes = []
    if practitioners and public:
        Practitioner.fixed_count = practitioners
        PublicVisitor.fixed_count = 0
        classes = [Practitioner, PublicVisitor]
    elif practitioners:
        Practitioner.fixed_count = 0
        classes = [Practitioner]
    else:
        classes = [PublicVisitor]
    total = public + practitioners
    environment = Environment(user_classes=classes, host=url, stop_timeout=25)
    samples: list[Sample] = []

    def on_request(name, response_time, exception, response=None, **_kwargs):
        status = getattr(response, "status_code", 0) or 0
        samples.append(Sample(time.time(), name, response_time, exception is None, status))

    environment.events.request.add_listener(on_request)
    runner = environment.create_local_runner()
    start = time.time()
    runner.start(total, spawn_rate=min(total, 100))
    for at, action in sorted(actions, key=lambda pair: pair[0]):
        gevent.sleep(max(0.0, start + at - time.time()))
        action()
    gevent.sleep(max(0.0, start + seconds - time.time()))
    end = time.time()
    runner.stop()  # lets each user finish what it is doing (stop_timeout), so writes resolve
    runner.quit()
    return Run(samples, start, min(start + warmup, end), end)


# --- checking the writes ----------------------------------------------------------------


def stored_changes(database: Database, run_id: str) -> tuple[Counter, dict[int, str]]:
    """How often each marker is stored, and each goal's stored area (the edit marker)."""
    pattern = f"LOAD-{run_id}-%"
    counts: Counter = Counter()
    for table, column, _label in ROW_TABLES.values():
        for (text,) in database.query(
            f"SELECT {column} FROM {table} WHERE {column} LIKE %s",  # noqa: S608  # nosec B608 - table and column from ROW_TABLES, value a parameter
            (pattern,),
        ):
            counts[text.split(" ", 1)[0]] += 1
    areas = dict(
        database.query("SELECT id, area FROM plan_builder_goal WHERE area LIKE %s", (pattern,))
    )
    for area in areas.values():
        counts[area] += 1
    return counts, areas


def check_writes(ledger: Ledger, counts: Counter, areas: dict[int, str]) -> dict[str, Counter]:
    """Per phase: what was sent and told, and what the database holds."""
    by_phase: dict[str, Counter] = defaultdict(Counter)
    edits: dict[int, list] = defaultdict(list)
    for write in ledger.writes:
        tally = by_phase[write.phase]
        tally["total"] += 1
        tally[write.status] += 1
        if write.kind == "goal-edit":
            edits[write.goal_id].append(write)
            continue
        stored = counts.get(write.marker, 0)
        tally["stored"] += min(stored, 1)
        if stored > 1:
            tally["duplicated"] += 1
        if write.status == ACKED and stored == 0:
            tally["lost"] += 1
        elif write.status in (CONFLICT, REJECTED) and stored:
            tally["stored after refusal"] += 1
        elif write.status in (FAILED, SENT) and stored:
            tally["stored, not acknowledged"] += 1
    for goal_id, writes in edits.items():
        stored_marker = areas.get(goal_id)
        acked = [n for n, write in enumerate(writes) if write.status == ACKED]
        after = writes[acked[-1] + 1 :] if acked else writes
        allowed = {writes[acked[-1]].marker} if acked else {None}
        allowed |= {write.marker for write in after if write.status in (FAILED, SENT)}
        for write in writes[: acked[-1]] if acked else []:
            if write.status == ACKED:  # replaced by a later acknowledged change, as it should
                by_phase[write.phase]["stored"] += 1
        for write in writes:
            if write.marker == stored_marker:
                by_phase[write.phase]["stored"] += 1
                if write.status in (FAILED, SENT):
                    by_phase[write.phase]["stored, not acknowledged"] += 1
        holder = writes[acked[-1]] if acked else writes[-1]
        tally = by_phase[holder.phase]
        if stored_marker not in allowed:
            refused = {w.marker for w in writes if w.status in (CONFLICT, REJECTED)}
            tally["stored after refusal" if stored_marker in refused else "lost"] += 1
    return by_phase


WRITE_HEADER = [
    "sent",
    "acknowledged",
    "conflict (409)",
    "refused (form)",
    "failed",
    "stored",
    "lost",
    "stored twice",
    "stored after refusal",
    "stored, no answer",
]


def write_row(label: list, tally: Counter) -> list:
    return [
        *label,
        tally["total"],
        tally[ACKED],
        tally[CONFLICT],
        tally[REJECTED],
        tally[FAILED] + tally[SENT],
        tally["stored"],
        tally["lost"],
        tally["duplicated"],
        tally["stored after refusal"],
        tally["stored, not acknowledged"],
    ]


def bad(tally: Counter) -> int:
    return tally["lost"] + tally["duplicated"] + tally["stored after refusal"]


def plan_snapshot(database: Database, team_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Each of the load teams' plans: its edit revision and its number of change records."""
    rows = database.query(
        """
        SELECT plan.id, plan.edit_revision,
               (SELECT count(*) FROM plan_builder_auditevent event
                 WHERE event.plan_id = plan.id AND event.action = 'change')
          FROM plan_builder_plan plan JOIN plan_builder_person person ON person.id = plan.person_id
         WHERE person.team_id = ANY(%s)
        """,
        (team_ids,),
    )
    return {plan_id: (revision, changes) for plan_id, revision, changes in rows}


def consistency(
    database: Database, run_id: str, team_ids: list[int], before: dict, env: dict
) -> list[tuple[str, int]]:
    """(check, number of problems) for each consistency check; every number should be 0."""
    after = plan_snapshot(database, team_ids)
    drift = sum(
        1
        for plan_id, (revision, changes) in after.items()
        if plan_id in before and revision - before[plan_id][0] != changes - before[plan_id][1]
    )
    pattern = f"LOAD-{run_id}-%"
    checks = [
        ("plans whose edit revision moved by other than their change records", drift),
        (
            "people without exactly one current plan",
            database.query(
                """SELECT count(*) FROM (SELECT person.id FROM plan_builder_person person
                   LEFT JOIN plan_builder_plan plan
                     ON plan.person_id = person.id AND plan.is_current
                   WHERE person.team_id = ANY(%s) GROUP BY person.id
                   HAVING count(plan.id) <> 1) AS odd""",
                (team_ids,),
            )[0][0],
        ),
        (
            "plans with two goals in the same place (sort order)",
            database.query(
                """SELECT count(*) FROM (SELECT goal.plan_id FROM plan_builder_goal goal
                   JOIN plan_builder_plan plan ON plan.id = goal.plan_id
                   JOIN plan_builder_person person ON person.id = plan.person_id
                   WHERE person.team_id = ANY(%s)
                   GROUP BY goal.plan_id, goal.sort_order HAVING count(*) > 1) AS twice""",
                (team_ids,),
            )[0][0],
        ),
    ]
    for kind, (table, column, label) in ROW_TABLES.items():
        plan = "item.plan_id" if kind != "action" else "goal.plan_id"
        join = "JOIN plan_builder_goal goal ON goal.id = item.goal_id" if kind == "action" else ""
        # Table and column names come from ROW_TABLES; the values are parameters.
        sql = (
            f"SELECT count(*) FROM {table} item {join} "  # noqa: S608  # nosec B608
            f"WHERE item.{column} LIKE %s AND (SELECT count(*) FROM plan_builder_auditevent a "
            f"WHERE a.plan_id = {plan} AND a.detail = %s || item.id) <> 1"
        )
        problems = database.query(sql, (pattern, f"Added {label} "))[0][0]
        checks.append((f"new {kind}s without exactly one audit record", problems))
    result = subprocess.run(  # noqa: S603  # nosec B603 - our own interpreter, fixed arguments
        [PYTHON, "manage.py", "check", "--database", "default"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        say(result.stdout + result.stderr)
    checks.append(("`manage.py check --database default` (exit status)", result.returncode))
    return checks


# --- setting up --------------------------------------------------------------------------


def build(args, database: Database, env: dict, out_dir: Path) -> dict:
    """The database, its content and the static files; returns the seed (URLs, accounts)."""
    seed_path = out_dir / "load-seed.json"
    static_ready = (out_dir / "load-static" / "staticfiles.json").exists()
    if args.reuse_database and seed_path.exists() and static_ready:
        say(f"Reusing the database {database.name} and {seed_path}")
        return json.loads(seed_path.read_text())
    say(f"Building the database {database.name} ...")
    database.recreate()
    collect = subprocess.Popen(  # noqa: S603 (runs alongside: it needs no database)  # nosec B603 - our own interpreter, fixed arguments
        [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    for step in (["migrate", "--no-input", "-v0"], ["load_starter_content"]):
        say(f"  manage.py {step[0]} ...")
        subprocess.run(  # noqa: S603  # nosec B603 - our own interpreter, fixed arguments
            [PYTHON, "manage.py", *step], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    say("  seeding (benchmarks.load_seed) ...")
    seeded = subprocess.run(  # noqa: S603  # nosec B603 - our own interpreter, fixed arguments
        [
            PYTHON,
            "-m",
            "benchmarks.load_seed",
            f"--resources={args.resources}",
            f"--teams={args.teams}",
            f"--practitioners={args.practitioners}",
            f"--plans={args.plans}",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    say("  collectstatic ...")
    if collect.wait() != 0:
        raise SystemExit("collectstatic failed")
    seed_path.write_text(seeded.stdout)  # throwaway accounts of a throwaway database
    return json.loads(seeded.stdout)


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
            env["DJANGO_SETTINGS_MODULE"] = "benchmarks.load_nocache_settings"
        return env

    secret_key = secrets.token_urlsafe(50)
    main_cache = "redis" if have_redis else "memory"
    cache_names = {
        "redis": "Redis (shared by the workers)",
        "memory": "in-process memory (no REDIS_URL)",
        "off": "off (DummyCache)",
    }
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
            f"{cache_names[main_cache]}, DATABASE_CONN_MAX_AGE={args.conn_max_age}. "
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
            f"## Throughput by concurrency ({args.workers} workers, {cache_names[main_cache]})",
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
                            for after, before in zip(
                                redis_hits(args.redis_url), hits_before, strict=True
                            )
                        )
                        hit_rate = f"{100 * hits / max(hits + misses, 1):.0f} %"
                    compared[workers, cache]["hit_rate"] = hit_rate
            one, two = compared[1, main_cache], compared[2, main_cache]
            report.add(
                f"## Workers: 1 against 2 ({args.compare_users} public users, "
                f"{cache_names[main_cache]})",
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
                        *row([cache_names[cache]], compared[2, cache]),
                        f"{compared[2, cache]['rps'] / max(off['rps'], 1e-9):.2f}x" if off else "-",
                        compared[2, cache]["hit_rate"],
                    ]
                    for cache in ("redis", "memory", "off")
                    if (2, cache) in compared
                ],
            )
            if not have_redis:
                report.add(f"Redis was not reachable at {args.redis_url}: not measured.", "")

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


if __name__ == "__main__":
    sys.exit(main())
