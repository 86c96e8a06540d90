"""The render task: retries on transient errors, fails for good with a Dutch reason.

Celery runs eagerly in the tests (no broker), exactly as on a machine without Redis: the
retries happen at once instead of after their backoff.
"""

import logging

import pytest
from django.db import OperationalError

from core.principals import StaffMember
from documents import tasks
from documents.builders import BUILDERS
from documents.builders.common import DocumentError
from documents.models import Document
from documents.services import render_jobs, requests

pytestmark = pytest.mark.django_db

INDIVIDUAL = Document.Kind.INDIVIDUAL_DOSSIER


def failing_builder(error: BaseException, *, times: int):
    """A builder that raises ``error`` the first ``times`` calls, then renders as usual."""
    real = BUILDERS[INDIVIDUAL]
    calls = []

    def build(document, *, output, progress):
        calls.append(document.attempts)
        if len(calls) <= times:
            raise error
        real(document, output=output, progress=progress)

    build.calls = calls
    return build


def request(world, capture) -> Document:
    with capture(execute=True):
        document = requests.document_request(
            kind=INDIVIDUAL, principal=StaffMember.of(world.supervisor), placement=world.placement
        )
    document.refresh_from_db()
    return document


def test_the_task_is_configured_for_reliable_delivery():
    task = tasks.render_document
    assert task.acks_late is True
    assert task.max_retries == 3
    assert task.retry_backoff is True
    assert task.retry_jitter is True
    assert set(task.autoretry_for) == {*tasks.TRANSIENT_ERRORS}


def test_a_transient_error_is_retried(school_a, monkeypatch, django_capture_on_commit_callbacks):
    builder = failing_builder(OperationalError("database is locked"), times=2)
    monkeypatch.setitem(BUILDERS, INDIVIDUAL, builder)

    document = request(school_a, django_capture_on_commit_callbacks)

    assert document.status == Document.Status.READY
    assert builder.calls == [1, 2, 3]
    assert document.attempts == 3


def test_a_transient_error_that_persists_fails_the_document(
    school_a, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    builder = failing_builder(OSError("disk unavailable"), times=99)
    monkeypatch.setitem(BUILDERS, INDIVIDUAL, builder)

    with caplog.at_level(logging.ERROR, logger="documents.tasks"):
        document = request(school_a, django_capture_on_commit_callbacks)

    assert len(builder.calls) == 1 + tasks.render_document.max_retries
    assert document.status == Document.Status.FAILED
    assert "tijdelijk niet bereikbaar" in document.error_message
    assert document.can_retry
    assert "disk unavailable" in caplog.text


def test_a_bug_fails_at_once_without_showing_the_traceback(
    school_a, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    builder = failing_builder(KeyError("secret_internal_name"), times=99)
    monkeypatch.setitem(BUILDERS, INDIVIDUAL, builder)

    with caplog.at_level(logging.ERROR, logger="documents.tasks"):
        document = request(school_a, django_capture_on_commit_callbacks)

    assert builder.calls == [1]
    assert document.status == Document.Status.FAILED
    assert document.error_message.startswith("Er liep iets mis bij het maken van dit document.")
    assert "secret_internal_name" not in document.error_message
    assert "Traceback" in caplog.text and "secret_internal_name" in caplog.text


def test_a_reason_the_user_can_act_on_is_shown_as_is(
    school_a, monkeypatch, django_capture_on_commit_callbacks
):
    reason = "Versie 1 van de overeenkomst is nog een ontwerp."
    monkeypatch.setitem(BUILDERS, INDIVIDUAL, failing_builder(DocumentError(reason), times=1))

    document = request(school_a, django_capture_on_commit_callbacks)

    assert (document.status, document.error_message) == (Document.Status.FAILED, reason)


def test_a_failed_document_succeeds_when_retried(
    school_a, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setitem(BUILDERS, INDIVIDUAL, failing_builder(ValueError("bug"), times=1))
    document = request(school_a, django_capture_on_commit_callbacks)
    assert document.status == Document.Status.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        requests.document_retry(document=document, user=school_a.coordinator)
    document.refresh_from_db()

    assert document.status == Document.Status.READY
    assert document.error_message == ""


def test_a_message_delivered_twice_renders_once(
    school_a, monkeypatch, django_capture_on_commit_callbacks
):
    builder = failing_builder(OSError, times=0)
    monkeypatch.setitem(BUILDERS, INDIVIDUAL, builder)
    document = request(school_a, django_capture_on_commit_callbacks)

    tasks.render_document.apply(args=[document.pk], kwargs={"school_id": document.school_id})
    document.refresh_from_db()

    assert len(builder.calls) == 1
    assert document.attempts == 1


def test_progress_is_saved_at_most_once_a_second(school_a, django_assert_num_queries):
    document = Document.objects.create(
        school=school_a.school,
        kind=INDIVIDUAL,
        placement=school_a.placement,
        subject_key="placement:x",
        version=1,
        status=Document.Status.RUNNING,
    )
    report = render_jobs.ProgressReporter(document, interval=3600)

    with django_assert_num_queries(1):
        for percent in range(0, 100, 5):
            report(percent)

    document.refresh_from_db()
    assert document.progress == 5
