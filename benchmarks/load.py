"""Load test of Stagebeheer: gunicorn with production settings on PostgreSQL, driven by locust.

Run from the repository root::

    .venv/bin/python benchmarks/load.py [--scale 10] [--users 50] [--seconds 60] [--smoke]
                                        [--reuse]

It drops and recreates the PostgreSQL database ``stagebeheer_load`` on 127.0.0.1:5432 (user
postgres), migrates, seeds ``seed_demo --scale N``, collects the static files (served by
WhiteNoise, as in production) and writes the fixture of logins and fresh portal links
(``loadtest/fixture.py``); ``--reuse`` keeps the database an earlier run seeded (it is still
migrated). Then it starts gunicorn on 127.0.0.1 and a free port with
``DEBUG=0``, a random ``SECRET_KEY`` and plain http (no HTTPS redirect, no secure-only cookies,
no HSTS: there is no TLS proxy in front; sessions and cache in Redis as docker-compose has them),
and runs three locust runs (``loadtest/locustfile.py``):

1. the page mix of coordinators, supervisors on a phone, mentors and pupils through their portal
   links, each thinking 0.5–1.5 s: p50/p95, requests and failures per page, the overall p95;
2. the same mix without think time, and
3. the login page alone without think time, for as long: their throughputs and the ratio
   mix / login page (issue 10 asks for at least 0.5×).

Staff start signed in, with sessions the fixture made as Django's ``login()`` makes them (a login
hashes the password, about 0.3 s of CPU by design: fifty at once would be measured instead of the
pages; the login page has a run of its own). Each run starts its users over ten seconds and
resets its statistics once all have started, so the figures are of the pages people click
through.

Gunicorn runs with the production settings of ``gunicorn.conf.py``: 2 × cores + 1 sync workers
(gunicorn's own advice for a CPU-bound app), unless ``--workers`` says otherwise; locust runs
on the same machine, so on 2 cores it takes its share. ``--smoke`` is the CI run: scale 1,
5 users, 10 s (3 s per throughput run); it exits with status 1 on any failed request, a 5xx
included. Gunicorn is stopped on every exit.
"""

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
LOCUSTFILE = ROOT / "benchmarks" / "loadtest" / "locustfile.py"
HOST = "127.0.0.1"
POSTGRES = f"postgres://postgres@{HOST}:5432"
DATABASE = "stagebeheer_load"
MIX = ["CoordinatorUser", "SupervisorUser", "MentorUser", "PupilUser"]
STARTUP_SECONDS = 60
RAMP_SECONDS = 10


def positive(value: str) -> int:
    """A whole number of at least 1, for argparse (which turns the error into its message)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


def arguments(argv: list[str]) -> argparse.Namespace:
    """The options; a bad one ends the program with argparse's message and status 2."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=positive, default=10, help="seed_demo --scale")
    parser.add_argument("--users", type=positive, default=50, help="concurrent users")
    parser.add_argument("--seconds", type=positive, default=60, help="length of the mix run")
    parser.add_argument(
        "--throughput-seconds", type=positive, default=15, help="length of each throughput run"
    )
    parser.add_argument("--workers", type=positive, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--smoke", action="store_true", help="short CI run: fails on any error")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help=f"keep the database {DATABASE} of an earlier run instead of seeding it again",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.scale, args.users, args.seconds, args.throughput_seconds = 1, 5, 10, 3
    return args


def environment(media_root: str) -> dict[str, str]:
    """Production settings for plain http on 127.0.0.1 (stagebeheer/settings.py)."""
    return {
        "DJANGO_SETTINGS_MODULE": "stagebeheer.settings",
        "DEBUG": "0",
        "SECRET_KEY": "load-" + secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "CELERY_BROKER_URL": "",
        # As docker-compose runs it: sessions and the cache in Redis (database 1).
        "REDIS_CACHE_URL": f"redis://{HOST}:6379/1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MEDIA_ROOT": media_root,
        "LOG_LEVEL": "WARNING",
    }


def database_recreate() -> None:
    """An empty ``stagebeheer_load``: a run never measures the data of an earlier one."""
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=10) as db:
        db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {DATABASE}")


def prepare(scale: int, holders: int, fixture_path: Path, *, seed: bool = True) -> None:
    """Migrates, seeds (unless ``seed`` is false), collects the static files and writes the
    fixture, in this process."""
    import io

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from benchmarks.loadtest.fixture import fixture_write

    call_command("migrate", verbosity=0)
    if seed:
        started = time.monotonic()
        call_command("seed_demo", scale=str(scale), stdout=io.StringIO())
        print(f"seed_demo --scale {scale}: {time.monotonic() - started:.0f} s")
        # The planner's statistics, as autovacuum gathers them soon after a bulk load: without
        # them PostgreSQL takes every table for empty and nests loops over thousands of rows.
        with connections["default"].cursor() as cursor:
            cursor.execute("ANALYZE")
    call_command("collectstatic", interactive=False, verbosity=0)
    fixture = fixture_write(fixture_path, holders=holders)
    print(f"portal links: {len(fixture['mentors'])} mentors, {len(fixture['pupils'])} pupils")
    connections.close_all()


def free_port() -> int:
    """A port on 127.0.0.1 nothing listens on now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def gunicorn_start(port: int, workers: int, log: Path) -> subprocess.Popen:
    """Gunicorn on 127.0.0.1:port, once it answers; RuntimeError if it does not within a minute."""
    command = [
        str(BIN / "gunicorn"),
        "stagebeheer.wsgi:application",
        f"--config={ROOT / 'gunicorn.conf.py'}",
        f"--bind={HOST}:{port}",
        f"--workers={workers}",
    ]
    server = subprocess.Popen(command, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start-up:\n{log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/accounts/login/", timeout=5)
            return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError(f"gunicorn did not answer within {STARTUP_SECONDS} s")


def gunicorn_stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)


def locust_run(
    prefix: Path,
    users: list[str],
    *,
    count: int,
    seconds: int,
    port: int,
    think: bool,
    ramp: int,
) -> None:
    """One headless locust run of ``users`` (class names): its statistics go to
    ``prefix.json``, its failures to ``prefix-errors.json`` and its output to ``prefix.log``."""
    command = [
        str(BIN / "locust"),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        f"--users={count}",
        # Users start over RAMP_SECONDS (a link holder opens their link as they start); the
        # statistics are reset once all have started, so the figures are of the pages.
        f"--spawn-rate={max(1, count // ramp)}",
        *(["--reset-stats"] if ramp > 1 else []),
        f"--run-time={seconds + ramp}s",
        f"--host=http://{HOST}:{port}",
        f"--json-file={prefix}",
        "--loglevel=WARNING",
        "--stop-timeout=5",
        *users,
    ]
    env = {
        **os.environ,
        "LOADTEST_THINK": "1" if think else "0",
        "LOADTEST_ERRORS": f"{prefix}-errors.json",
    }
    # Locust exits 1 when a request failed; the failures are read from the errors file.
    with open(f"{prefix}.log", "wb") as log:
        subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
            timeout=seconds + ramp + 120,
        )
    if not Path(f"{prefix}.json").exists():
        raise RuntimeError(f"locust wrote no statistics, see {prefix}.log")


def main(argv: list[str]) -> int:
    args = arguments(argv)
    work = Path(tempfile.mkdtemp(prefix="stagebeheer-load-"))
    os.environ.update(environment(str(work / "media")))
    fixture = work / "fixture.json"
    os.environ["LOADTEST_FIXTURE"] = str(fixture)
    server = None
    try:
        if not args.reuse:
            database_recreate()
        prepare(args.scale, holders=max(args.users, 10), fixture_path=fixture, seed=not args.reuse)
        port = free_port()
        server = gunicorn_start(port, args.workers, work / "gunicorn.log")
        print(f"gunicorn: {args.workers} workers on {HOST}:{port}; locust: {args.users} users")
        runs = {
            "mix": (MIX, args.seconds, True),
            "mix-no-think": (MIX, args.throughput_seconds, False),
            "login": (["LoginPageUser"], args.throughput_seconds, False),
        }
        for name, (users, seconds, think) in runs.items():
            locust_run(
                work / name,
                users,
                count=args.users,
                seconds=seconds,
                port=port,
                think=think,
                # The smoke run keeps every request in its statistics: any failure counts.
                ramp=1 if args.smoke else RAMP_SECONDS,
            )
    finally:
        if server is not None:
            gunicorn_stop(server)
    return summary(work, args)


def summary(work: Path, args: argparse.Namespace) -> int:
    """Prints the tables and the throughput ratio; 1 when a smoke run saw a failure."""
    from benchmarks.loadtest.report import OVERALL, failures_read, stats_read, table_print

    mix = stats_read(work / "mix.json")
    table_print(f"Page mix, {args.users} users thinking 0.5–1.5 s, {args.seconds} s", mix)
    mix_rate = stats_read(work / "mix-no-think.json")[OVERALL].per_second
    login_rate = stats_read(work / "login.json")[OVERALL].per_second
    print(f"\noverall p95: {mix[OVERALL].p95:.0f} ms")
    print(
        f"throughput without think time ({args.users} users, {args.throughput_seconds} s): "
        f"page mix {mix_rate:.1f}/s, login page {login_rate:.1f}/s, "
        f"ratio {mix_rate / login_rate if login_rate else 0:.2f}×"
    )
    failures = [
        line
        for run in ("mix", "mix-no-think", "login")
        for line in failures_read(work / f"{run}-errors.json")
    ]
    for line in failures:
        print(f"failure: {line}")
    if args.smoke and not failures:
        shutil.rmtree(work, ignore_errors=True)
        return 0
    print(f"(statistics, locust and gunicorn logs in {work})")
    if args.smoke:
        print("smoke run failed: requests failed")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # one clear line for any failure, no traceback
        print(f"load test failed: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
