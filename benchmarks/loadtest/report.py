"""Reading locust's final statistics and printing them as one table per run.

Locust writes them with ``--json-file`` (one entry per request name, with the histogram of
response times); the locustfile writes the distinct failures to ``LOADTEST_ERRORS``. Both are
written once the users have stopped, so they hold every request of the run. Locust is not
imported here: importing it patches the standard library with gevent.
"""

import json
from dataclasses import dataclass
from pathlib import Path

OVERALL = "overall"


@dataclass(frozen=True)
class PageStats:
    """One request name's figures over a run; times in milliseconds."""

    name: str
    requests: int
    failures: int
    p50: int
    p95: int
    per_second: float


def _percentile(histogram: dict[int, int], requests: int, fraction: float) -> int:
    """The response time ``fraction`` of the requests finished within (as locust computes it)."""
    allowed_above = int(requests * fraction)
    seen = 0
    for response_time in sorted(histogram, reverse=True):
        seen += histogram[response_time]
        if requests - seen <= allowed_above:
            return response_time
    return 0


def _page(name: str, entries: list[dict]) -> PageStats:
    histogram: dict[int, int] = {}
    for entry in entries:
        for response_time, count in entry["response_times"].items():
            histogram[int(response_time)] = histogram.get(int(response_time), 0) + count
    requests = sum(entry["num_requests"] for entry in entries)
    first = min(entry["start_time"] for entry in entries)
    last = max(entry["last_request_timestamp"] or first for entry in entries)
    return PageStats(
        name=name,
        requests=requests,
        failures=sum(entry["num_failures"] for entry in entries),
        p50=_percentile(histogram, requests, 0.5),
        p95=_percentile(histogram, requests, 0.95),
        per_second=requests / (last - first) if last > first else 0.0,
    )


def stats_read(path: Path) -> dict[str, PageStats]:
    """The run's figures by request name, and all requests together under ``OVERALL``."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    if not entries:
        raise RuntimeError(f"locust made no requests in {path.name}")
    stats = {entry["name"]: _page(entry["name"], [entry]) for entry in entries}
    stats[OVERALL] = _page(OVERALL, entries)
    return stats


def failures_read(path: Path) -> list[str]:
    """Each distinct failure as ``name: error (×count)``."""
    if not path.exists():
        return []
    errors = json.loads(path.read_text(encoding="utf-8"))
    return [f"{e['name']}: {e['error']} (×{e['occurrences']})" for e in errors]


def table_print(title: str, stats: dict[str, PageStats]) -> None:
    """Per page: requests, failures, p50 and p95; the overall line last."""
    pages = sorted((s for name, s in stats.items() if name != OVERALL), key=lambda s: s.name)
    width = max(len(s.name) for s in [*pages, stats[OVERALL]])
    print(f"\n{title}")
    print(f"{'page':<{width}}  {'requests':>8}  {'failures':>8}  {'p50 ms':>7}  {'p95 ms':>7}")
    for page in [*pages, stats[OVERALL]]:
        print(
            f"{page.name:<{width}}  {page.requests:>8}  {page.failures:>8}  "
            f"{page.p50:>7}  {page.p95:>7}"
        )
