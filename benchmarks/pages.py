"""Where a page's time goes: queries, template rendering and the rest of Python, page by page.

Run from the repository root against an already seeded database, for example the load test's::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stagebeheer_load \\
        .venv/bin/python benchmarks/pages.py [--runs 20] [--profile "dashboard"]

It serves the pages of the load test's mix (``loadtest/locustfile.py``) in this process through
Django's test client with production settings (``DEBUG=0``, cached templates), as the demo's
coordinator and supervisor and as mentors and pupils through fresh portal links, and prints per
page the median of ``--runs`` requests: wall time, the number of queries and their time, the
template time (without the queries run while rendering, which count as queries) and the rest
(Python in views, selectors, middleware). ``--profile NAME`` prints cProfile's top functions for
the pages whose name contains NAME.
"""

import argparse
import cProfile
import io
import os
import pstats
import random
import secrets
import statistics
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"


def configure() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stagebeheer.settings")
    os.environ.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": "pages-" + secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "CELERY_BROKER_URL": "",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "ERROR",
        }
    )
    import django

    django.setup()


@dataclass
class Timings:
    """What one request spent: seconds in queries outside and inside templates, in templates."""

    queries: int = 0
    sql: float = 0.0
    sql_in_template: float = 0.0
    template: float = 0.0
    depth: int = field(default=0, repr=False)


@contextmanager
def instrumented(timings: Timings):
    """Times every query and the outermost template renderings while the block runs."""
    from django.db import connection
    from django.template.backends.django import Template

    def timed_query(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            timings.queries += 1
            timings.sql += spent
            if timings.depth:
                timings.sql_in_template += spent

    original = Template.render

    def timed_render(self, *args, **kwargs):
        timings.depth += 1
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            timings.depth -= 1
            if not timings.depth:
                timings.template += time.perf_counter() - started

    Template.render = timed_render
    try:
        with connection.execute_wrapper(timed_query):
            yield
    finally:
        Template.render = original


@dataclass
class Page:
    name: str
    client: object
    paths: list[str]
    rows: list[tuple[float, Timings]] = field(default_factory=list)


def clients():
    """Test clients for the coordinator, the supervisor on a phone, a mentor and a pupil."""
    from django.test import Client

    from benchmarks.loadtest.fixture import fixture_write
    from internships.models import User

    fixture_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"pages-{os.getpid()}.json"
    fixture = fixture_write(fixture_path, holders=20)
    fixture_path.unlink()
    staff = {}
    for name in ("coordinator", "supervisor"):
        client = Client(HTTP_USER_AGENT=PHONE) if name == "supervisor" else Client()
        client.force_login(User.objects.get(username=fixture[name]["username"]))
        staff[name] = client
    holders = {}
    for kind in ("mentors", "pupils"):
        link = fixture[kind][0]
        client = Client()
        client.get(f"/link/{link['token']}/")
        holders[kind] = (client, link["placements"])
    return fixture, staff, holders


def pages() -> list[Page]:
    fixture, staff, holders = clients()
    coordinator, supervisor = staff["coordinator"], staff["supervisor"]
    placements = [f"/stages/{pk}/" for pk in fixture["coordinator"]["placements"]]
    pupils = [f"/leerlingen/{pk}/" for pk in fixture["coordinator"]["pupils"]]
    supervised = [f"/stages/{pk}/" for pk in fixture["supervisor"]["placements"]]
    found = [
        Page("dashboard", coordinator, ["/"]),
        Page("placement list", coordinator, ["/stages/"]),
        Page("placement page", coordinator, placements),
        Page("pupil list", coordinator, ["/leerlingen/"]),
        Page("pupil page", coordinator, pupils),
        Page("host list", coordinator, ["/stagegevers/"]),
        Page("visits", coordinator, ["/bezoeken/"]),
        Page("schedule try page", coordinator, ["/rooster-testen/"]),
        Page("workload", coordinator, ["/werklast/"]),
        Page("dashboard (phone)", supervisor, ["/"]),
        Page("visits (phone)", supervisor, ["/bezoeken/"]),
        Page("placement page (phone)", supervisor, supervised),
    ]
    for kind, label in (("mentors", "mentor"), ("pupils", "pupil")):
        client, own = holders[kind]
        found.append(Page(f"{label} portal home", client, ["/portaal/"]))
        found.append(
            Page(f"{label} portal placement", client, [f"/portaal/stage/{pk}/" for pk in own])
        )
    return found


def measure(page: Page, runs: int) -> None:
    page.client.get(random.choice(page.paths))  # warm: templates compiled, connection open
    for _ in range(runs):
        timings = Timings()
        path = random.choice(page.paths)
        with instrumented(timings):
            started = time.perf_counter()
            response = page.client.get(path)
            wall = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"{page.name}: {path} answered {response.status_code}")
        page.rows.append((wall, timings))


def median_ms(values) -> float:
    return statistics.median(values) * 1000


def report(found: list[Page]) -> None:
    header = f"{'page':28} {'wall':>7} {'queries':>8} {'sql':>7} {'template':>9} {'python':>7}"
    print(header + "   (median ms; template without its queries)")
    for page in found:
        walls = [wall for wall, _ in page.rows]
        sql = [t.sql for _, t in page.rows]
        template = [t.template - t.sql_in_template for _, t in page.rows]
        python = [wall - t.sql - (t.template - t.sql_in_template) for wall, t in page.rows]
        queries = statistics.median(t.queries for _, t in page.rows)
        print(
            f"{page.name:28} {median_ms(walls):7.1f} {queries:8.0f} {median_ms(sql):7.1f} "
            f"{median_ms(template):9.1f} {median_ms(python):7.1f}"
        )


def profile(found: list[Page], name: str, runs: int) -> None:
    for page in found:
        if name not in page.name:
            continue
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(runs):
            page.client.get(random.choice(page.paths))
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        print(f"\n=== {page.name}: {runs} requests ===\n{out.getvalue()}")


def slowest_queries(found: list[Page], name: str, count: int = 15) -> None:
    """Prints the slowest queries of one request to each page whose name has ``name``, with
    the function of the project that ran them."""
    import traceback

    from django.db import connection

    for page in found:
        if name not in page.name:
            continue
        seen: list[tuple[float, str, str]] = []

        def timed(execute, sql, params, many, context, seen=seen):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                frames = [
                    f"{Path(frame.filename).relative_to(ROOT)}:{frame.lineno} {frame.name}"
                    for frame in traceback.extract_stack()
                    if frame.filename.startswith(str(ROOT))
                    and ".venv" not in frame.filename
                    and "benchmarks" not in frame.filename
                ]
                caller = frames[-1] if frames else "?"
                seen.append((time.perf_counter() - started, caller, sql))

        with connection.execute_wrapper(timed):
            page.client.get(random.choice(page.paths))
        print(f"\n=== {page.name}: {len(seen)} queries, slowest first ===")
        for spent, caller, sql in sorted(seen, reverse=True)[:count]:
            print(f"{spent * 1000:7.1f} ms  {caller}\n           {sql[:160]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", default="", help="cProfile the pages whose name has this")
    parser.add_argument("--only", default="", help="measure only the pages whose name has this")
    parser.add_argument("--queries", default="", help="list the slowest queries of these pages")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL"):
        print("Set DATABASE_URL to a seeded database (see the docstring).", file=sys.stderr)
        return 2
    configure()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)  # the manifest DEBUG=0 needs
    random.seed(10)
    found = [page for page in pages() if args.only in page.name]
    for page in found:
        measure(page, args.runs)
    report(found)
    if args.profile:
        profile(found, args.profile, args.runs)
    if args.queries:
        slowest_queries(found, args.queries)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
