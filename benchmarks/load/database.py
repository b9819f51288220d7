"""The stores the run uses: its own PostgreSQL database (dropped and built again) and the Redis
cache; and building the content, accounts and static files the run serves."""

from __future__ import annotations

import contextlib
import json
import subprocess
import time
from pathlib import Path

import psycopg

from benchmarks.load import PYTHON, ROOT, say

PROTECTED = {"dementia_wellbeing", "postgres", "template0", "template1"}


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
    say("  seeding (benchmarks.load.seed) ...")
    seeded = subprocess.run(  # noqa: S603  # nosec B603 - our own interpreter, fixed arguments
        [
            PYTHON,
            "-m",
            "benchmarks.load.seed",
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
    # What the content changes left in the queue (the search index above all) is done by a
    # worker, as in production, before any traffic: one that stops when the queue is empty.
    say("  background work (manage.py run_worker --batch) ...")
    subprocess.run(  # noqa: S603  # nosec B603 - our own interpreter, fixed arguments
        [PYTHON, "manage.py", "run_worker", "--batch", "--no-startup-delay", "--interval", "0.1"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    say("  collectstatic ...")
    if collect.wait() != 0:
        raise SystemExit("collectstatic failed")
    seed_path.write_text(seeded.stdout)  # throwaway accounts of a throwaway database
    return json.loads(seeded.stdout)
