"""Rendering many individual dossiers for the inspection export, chunk by chunk.

:class:`InProcessRenderer` renders in the calling process. :class:`HelperProcessRenderer`
spreads the chunks over helper processes (``python -m documents.export_helper``), one per core,
each with two chunks in flight, and hands the chunks back in their order; plain subprocesses
work in a Celery prefork worker too, where ``multiprocessing`` may not start children.

Both write each dossier to ``<directory>/<chunk>/<pk>.pdf`` and yield ``(pks, folder)`` per
chunk, in order; the caller moves the files into the archive and removes the folder.
"""

import json
import os
import subprocess
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from attendance.selectors import dossier_attendance_for
from documents.builders.individual_dossier import dossier_placements, render_dossier

Chunks = list[list[int]]


class DossierRenderError(Exception):
    """A helper process could not render a chunk of dossiers."""


class InProcessRenderer:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.image_cache: dict = {}

    def __enter__(self) -> "InProcessRenderer":
        return self

    def __exit__(self, *exc_info) -> None:
        return None

    def rendered(self, chunks: Chunks) -> Iterator[tuple[list[int], Path]]:
        for index, pks in enumerate(chunks):
            folder = self.directory / str(index)
            folder.mkdir()
            placements = dossier_placements().in_bulk(pks)
            attendance = dossier_attendance_for(list(placements.values()))
            for pk in pks:
                with (folder / f"{pk}.pdf").open("wb") as output:
                    render_dossier(
                        placements[pk],
                        output=output,
                        image_cache=self.image_cache,
                        attendance=attendance[pk],
                    )
            yield pks, folder


class HelperProcessRenderer:
    IN_FLIGHT = 2  # chunks queued per helper, so it never waits for the next one

    def __init__(self, directory: Path, processes: int, *, school_id: int) -> None:
        self.directory = directory
        self.processes = processes
        self.school_id = school_id
        self.helpers: list[subprocess.Popen] = []

    def __enter__(self) -> "HelperProcessRenderer":
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings_module(),
            "DATABASE_URL": database_url(connection.settings_dict),
        }
        for _ in range(self.processes):
            self.helpers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "documents.export_helper"],
                    cwd=settings.BASE_DIR,
                    env=environment,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                )
            )
        return self

    def __exit__(self, exc_type, exc_value, traceback) -> None:
        for helper in self.helpers:
            helper.stdin.close()
            if exc_type is not None:
                helper.terminate()  # a failed export need not wait for the chunks in flight
        for helper in self.helpers:
            try:
                helper.wait(timeout=30)
            except subprocess.TimeoutExpired:
                helper.kill()
                helper.wait()
            helper.stdout.close()

    def rendered(self, chunks: Chunks) -> Iterator[tuple[list[int], Path]]:
        waiting = iter(enumerate(chunks))
        in_flight: deque[tuple[list[int], Path, subprocess.Popen]] = deque()

        def send(helper: subprocess.Popen) -> None:
            index, pks = next(waiting, (None, None))
            if pks is None:
                return
            folder = self.directory / str(index)
            folder.mkdir()
            request = {"pks": pks, "directory": str(folder), "school_id": self.school_id}
            helper.stdin.write(json.dumps(request) + "\n")
            helper.stdin.flush()
            in_flight.append((pks, folder, helper))

        for _ in range(self.IN_FLIGHT):
            for helper in self.helpers:
                send(helper)
        while in_flight:
            pks, folder, helper = in_flight.popleft()
            reply = helper.stdout.readline()
            if not reply:
                raise DossierRenderError(f"Export helper {helper.pid} stopped unexpectedly.")
            answer = json.loads(reply)
            if "error" in answer:
                raise DossierRenderError(f"Export helper {helper.pid}: {answer['error']}")
            send(helper)
            yield pks, folder


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
    return InProcessRenderer(directory)
