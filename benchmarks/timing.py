import statistics
import time


def measure(client, url: str | list[str], iterations: int) -> dict:
    """Time `url` repeatedly; a list of URLs is visited once each (nothing repeats, so no
    cached result can help)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = url if isinstance(url, list) else [url] * (iterations + 6)
    for warm_up in urls[:5]:
        response = client.get(warm_up)
        if response.status_code != 200:
            raise SystemExit(f"{warm_up} answered {response.status_code}")
    timings = []
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(urls[5])
    query_count = len(queries)  # read now: the next request resets Django's query log
    for each_url in urls[6:]:
        started = time.perf_counter()
        client.get(each_url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)],
        "queries": query_count,
    }
