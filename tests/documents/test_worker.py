"""A real Celery worker renders an agreement: Redis as broker, the test database shared.

The worker is a separate process (``celery -A stagebeheer worker --pool=solo``) started
against a dedicated Redis database, which is emptied first. It reads and writes the same
database as the test, so the test commits its data (``transactional_db``); an in-memory SQLite
database cannot be shared with another process, so there the test is skipped: run the suite
with ``DATABASE_URL=postgres://…`` (as CI does) to include it.
"""

import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest
import redis
from celery import Celery
from django.conf import settings
from django.db import connection

from documents.models import Document
from tests.documents.conftest import pdf_pages
from tests.documents.factories import checked, signed_agreement

pytestmark = pytest.mark.slow

BROKER_URL = "redis://127.0.0.1:6379/15"
TIMEOUT = 60


def database_url() -> str:
    database = connection.settings_dict
    user = database["USER"] or "postgres"
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    host = database["HOST"] or "127.0.0.1"
    port = database["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{database['NAME']}"


@pytest.fixture
def broker() -> Iterator[str]:
    client = redis.Redis.from_url(BROKER_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"Redis is not reachable at {BROKER_URL}.")
    client.flushdb()
    yield BROKER_URL
    client.flushdb()
    client.close()


@dataclass(frozen=True)
class Worker:
    process: subprocess.Popen
    log: IO[str]

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-5000:]


@pytest.fixture
def worker(transactional_db, broker) -> Iterator[Worker]:
    """A Celery worker on the test database; stopped before the database is flushed."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "A Celery worker cannot share the in-memory SQLite test database; run the suite "
            "with DATABASE_URL=postgres://… to test a real worker."
        )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stagebeheer.settings",
        "DATABASE_URL": database_url(),
        "DATABASE_CONN_MAX_AGE": "0",
        "CELERY_BROKER_URL": broker,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SECRET_KEY": "worker-test-secret-key-not-for-production-0123456789",
        "DEBUG": "0",
        "LOG_LEVEL": "INFO",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "stagebeheer",
        "worker",
        "--pool=solo",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        f"--hostname=documents-test-{uuid.uuid4().hex[:8]}@%h",
    ]
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            command,
            cwd=Path(settings.BASE_DIR),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield Worker(process=process, log=log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def send_render(document: Document) -> None:
    """Queues the task through the broker, as the web process does with a broker configured."""
    app = Celery("stagebeheer-worker-test", broker=BROKER_URL, set_as_current=False)
    app.conf.update(task_serializer="json", accept_content=["json"], task_always_eager=False)
    with app.connection_for_write() as broker_connection:
        app.signature(
            "documents.tasks.render_document",
            args=[document.pk],
            kwargs={"school_id": document.school_id},
        ).apply_async(connection=broker_connection)


def wait_until_done(document: Document, worker: Worker) -> Document:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if not document.is_in_progress:
            return document
        if worker.process.poll() is not None:
            pytest.fail(f"The worker stopped ({worker.process.returncode}):\n{worker.output()}")
        time.sleep(0.25)
    pytest.fail(f"No result within {TIMEOUT} s; worker log:\n{worker.output()}")


def test_a_worker_renders_a_signed_agreement(worker, school_a):
    version = signed_agreement(checked(school_a.placement))
    subject = {"placement": school_a.placement, "agreement_version": version}
    document = Document.objects.create(
        school=school_a.school,
        kind=Document.Kind.AGREEMENT,
        subject_key=Document.subject_key_for(kind=Document.Kind.AGREEMENT, **subject),
        version=1,
        requested_by=school_a.supervisor,
        **subject,
    )

    send_render(document)
    document = wait_until_done(document, worker)

    assert document.status == Document.Status.READY, worker.output()
    assert document.attempts == 1
    with document.file.open("rb") as file:
        pages = pdf_pages(file.read())
    assert "Leerlingenstageovereenkomst" in pages[0]
    assert "Handtekeningen en audittrail" in pages[-1]
    assert version.content_hash in pages[-1]
