"""Load and resilience run of the production setup: `./dev load`, or `python -m
benchmarks.load` (see run.py for what it does, and benchmarks/README.md for how to read it).

The modules, by job: run (the options and the phases in order), database (PostgreSQL, Redis
and building the content), seed (run in its own process: the content and accounts), server
(gunicorn), users (the simulated visitors) with posts (what they post), traffic (driving them
with Locust), checks (the writes and the data afterwards), resilience (the outages), compare
(workers and caches) and report (the Markdown tables). Only the standard library is imported
here, so the tests can import benchmarks.load.posts without Locust's gevent patching.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
