"""One stretch of load: Locust's public visitors and practitioners against a server, with
every request recorded as a sample, and actions (the outages) run on time meanwhile."""

from __future__ import annotations

import time
from dataclasses import dataclass

import gevent
from locust.env import Environment

from benchmarks.load.report import Sample
from benchmarks.load.users import Practitioner, PublicVisitor


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
