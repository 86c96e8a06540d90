"""Running the jobs of an inspection export (``documents.builders.export_jobs``).

:class:`InProcessRenderer` runs them in the calling process. :class:`HelperProcessRenderer`
spreads them over helper processes (``python -m documents.export_helper``), one per core; plain
subprocesses work in a Celery prefork worker too, where ``multiprocessing`` may not start
children. A helper gets its next job the moment it answers, so the helpers finish together,
and the general dossier (one long job) is handed out before the chunks so that it runs beside
them instead of after them. A helper whose peak memory passes :data:`RECYCLE_ABOVE_MB` is
replaced by a fresh one once its jobs are done.

Both write job number *i* into ``<directory>/<i>/`` and yield ``(job, folder, answer)`` in the
order of the jobs; the caller moves the files into the archive and removes the folder.
"""

import contextlib
import json
import os
import selectors
import subprocess
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from documents.builders.export_jobs import GENERAL_DOSSIER, run_job

# A helper that has grown past this (ru_maxrss, in MB) is replaced after its jobs in flight: the
# export's memory stays bounded however many dossiers it renders.
RECYCLE_ABOVE_MB = 200


class DossierRenderError(Exception):
    """A helper process could not run a job of the export."""


class InProcessRenderer:
    def __init__(self, directory: Path, *, school_id: int) -> None:
        self.directory = directory
        self.school_id = school_id
        self.image_cache: dict = {}

    def __enter__(self) -> "InProcessRenderer":
        return self

    def __exit__(self, *exc_info) -> None:
        return None

    def rendered(self, jobs: list[dict]) -> Iterator[tuple[dict, Path, dict]]:
        for index, job in enumerate(jobs):
            folder = self.directory / str(index)
            folder.mkdir()
            answer = run_job(job, folder, school_id=self.school_id, image_cache=self.image_cache)
            yield job, folder, answer


class Helper:
    """One helper process, the jobs it has in flight and the bytes of an unfinished answer."""

    def __init__(self, environment: dict) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "documents.export_helper"],
            cwd=settings.BASE_DIR,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.in_flight: deque[int] = deque()
        self.partial = b""
        self.peak_mb = 0.0

    def send(self, request: dict) -> None:
        self.process.stdin.write(json.dumps(request).encode() + b"\n")
        self.process.stdin.flush()

    def answers(self) -> list[dict]:
        """The answers that have arrived completely (call when its output is readable)."""
        data = os.read(self.process.stdout.fileno(), 65536)
        if not data:
            raise DossierRenderError(f"Export helper {self.process.pid} stopped unexpectedly.")
        *lines, self.partial = (self.partial + data).split(b"\n")
        return [json.loads(line) for line in lines]

    def stop(self, *, at_once: bool = False) -> None:
        with contextlib.suppress(BrokenPipeError):  # it stopped already
            self.process.stdin.close()
        if at_once:
            self.process.terminate()  # a failed export need not wait for the jobs in flight
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


class HelperProcessRenderer:
    # Jobs queued per helper. The next job is sent as soon as an answer arrives, so a helper
    # waits only for the pipe; a second job queued would let one helper end the export alone
    # with two chunks while the other has nothing left.
    IN_FLIGHT = 1

    def __init__(self, directory: Path, processes: int, *, school_id: int) -> None:
        self.directory = directory
        self.processes = processes
        self.school_id = school_id
        self.helpers: list[Helper] = []
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings_module(),
            "DATABASE_URL": database_url(connection.settings_dict),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        }

    def __enter__(self) -> "HelperProcessRenderer":
        self.helpers = [Helper(self.environment) for _ in range(self.processes)]
        return self

    def __exit__(self, exc_type, exc_value, traceback) -> None:
        for helper in self.helpers:
            helper.stop(at_once=exc_type is not None)
        self.helpers = []

    def rendered(self, jobs: list[dict]) -> Iterator[tuple[dict, Path, dict]]:
        first = [index for index, job in enumerate(jobs) if job["kind"] == GENERAL_DOSSIER]
        waiting = deque(first + [index for index in range(len(jobs)) if index not in first])
        answers: dict[int, dict] = {}
        with selectors.DefaultSelector() as selector:
            for helper in self.helpers:
                selector.register(helper.process.stdout, selectors.EVENT_READ, helper)
                self.hand_out(helper, jobs, waiting)
            for index, job in enumerate(jobs):
                while index not in answers:
                    for key, _events in selector.select():
                        helper = key.data
                        self.collect(helper, answers)
                        if helper.peak_mb > RECYCLE_ABOVE_MB:
                            if helper.in_flight:
                                continue  # no new jobs; replaced once these are done
                            selector.unregister(helper.process.stdout)
                            helper = self.replace(helper)
                            selector.register(helper.process.stdout, selectors.EVENT_READ, helper)
                        self.hand_out(helper, jobs, waiting)
                yield job, self.folder(index), answers.pop(index)

    def hand_out(self, helper: Helper, jobs: list[dict], waiting: deque[int]) -> None:
        """Queues waiting jobs on ``helper`` until it has :attr:`IN_FLIGHT`."""
        while waiting and len(helper.in_flight) < self.IN_FLIGHT:
            index = waiting.popleft()
            folder = self.folder(index)
            folder.mkdir()
            helper.send({**jobs[index], "directory": str(folder), "school_id": self.school_id})
            helper.in_flight.append(index)

    def folder(self, index: int) -> Path:
        return self.directory / str(index)

    def collect(self, helper: Helper, answers: dict[int, dict]) -> None:
        for answer in helper.answers():
            index = helper.in_flight.popleft()
            if "error" in answer:
                raise DossierRenderError(f"Export helper {helper.process.pid}: {answer['error']}")
            helper.peak_mb = answer["peak_mb"]
            answers[index] = answer

    def replace(self, helper: Helper) -> Helper:
        helper.stop()
        fresh = Helper(self.environment)
        self.helpers[self.helpers.index(helper)] = fresh
        return fresh


def database_url(database: dict) -> str:
    """The URL of the database this process uses (the test database during tests)."""
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{database['NAME']}"
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "localhost"
    port = f":{database['PORT']}" if database["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{database['NAME']}"


def settings_module() -> str | None:
    return os.environ.get("DJANGO_SETTINGS_MODULE") or getattr(settings, "SETTINGS_MODULE", None)


def helper_processes() -> int:
    """How many helper processes an export may use; 0 to render in this process.

    Helpers load the same settings module and need a database they can open themselves with
    the data committed: not an in-memory SQLite database, and not from inside a transaction
    (tests run in one). ``settings.DOCUMENTS_EXPORT_PROCESSES`` caps them (default: the
    number of cores).
    """
    wanted = settings.DOCUMENTS_EXPORT_PROCESSES or os.cpu_count() or 1
    database = connection.settings_dict
    if wanted < 2 or connection.in_atomic_block or not settings_module():
        return 0
    if database["ENGINE"] not in (
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    ):
        return 0
    name = str(database["NAME"])
    if database["ENGINE"] == "django.db.backends.sqlite3" and (
        name == ":memory:" or "mode=memory" in name
    ):
        return 0
    return wanted


def dossier_renderer(
    directory: Path, *, school_id: int
) -> InProcessRenderer | HelperProcessRenderer:
    """Renders in helper processes where there are cores to spare, else in this process (which
    already runs in the school's scope; the helpers open it for each request)."""
    processes = helper_processes()
    if processes:
        return HelperProcessRenderer(directory, processes, school_id=school_id)
    return InProcessRenderer(directory, school_id=school_id)
