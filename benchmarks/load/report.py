"""The run's Markdown report, and the figures in its tables: requests per second, latency
percentiles and errors, from the samples Locust recorded."""

from __future__ import annotations

from dataclasses import dataclass

CACHE_NAMES = {
    "redis": "Redis (shared by the workers)",
    "memory": "in-process memory (no REDIS_URL)",
    "off": "off (DummyCache)",
}


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
