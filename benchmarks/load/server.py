"""gunicorn serving the production settings on a free loopback port, and what the run needs
to watch it: a bare HTTP status check and its workers' process ids and CPU use."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import gevent

from benchmarks.load import ROOT, say
from benchmarks.load.users import Shared

GUNICORN = str(Path(sys.executable).parent / "gunicorn")


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
