"""Where the export's dossiers are rendered: in this process, or by helper processes."""

import io
import zipfile

import pytest
from django.db import connection

from core.tenancy import school_scope
from documents.builders import dossier_renderers, inspection_export
from documents.models import Document, StoredDossier
from documents.services import render_jobs
from tests.documents.conftest import pdf_text
from tests.factories import PlacementFactory


def test_the_database_url_of_postgresql_keeps_every_part():
    database = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "test_stagebeheer_gw0",
        "USER": "postgres",
        "PASSWORD": "p@ss word",
        "HOST": "127.0.0.1",
        "PORT": 5432,
    }
    assert dossier_renderers.database_url(database) == (
        "postgres://postgres:p%40ss%20word@127.0.0.1:5432/test_stagebeheer_gw0"
    )


def test_the_database_url_of_sqlite_is_its_file():
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/stagebeheer/db.sqlite3"}
    assert dossier_renderers.database_url(database) == "sqlite:////srv/stagebeheer/db.sqlite3"


@pytest.mark.django_db
def test_inside_a_transaction_the_dossiers_are_rendered_here(settings):
    settings.DOCUMENTS_EXPORT_PROCESSES = 4
    assert dossier_renderers.helper_processes() == 0


@pytest.mark.django_db
def test_one_process_wanted_means_rendering_here(settings):
    settings.DOCUMENTS_EXPORT_PROCESSES = 1
    assert dossier_renderers.helper_processes() == 0


def helper_export(world, key: str) -> Document:
    document = Document.objects.create(
        school=world.school,
        kind=Document.Kind.INSPECTION_EXPORT,
        school_year=world.school_year,
        subject_key=f"school_year:{key}",
        version=1,
    )
    with school_scope(world.school.pk):
        return render_jobs.document_render(document_pk=document.pk, task_id=key)


def names_and_index(document: Document) -> tuple[list[str], list[str]]:
    with document.file.open("rb") as file, zipfile.ZipFile(io.BytesIO(file.read())) as archive:
        return archive.namelist(), archive.read("index.csv").decode("utf-8-sig").splitlines()


@pytest.fixture
def helpers(transactional_db, settings):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Helper processes cannot open the in-memory SQLite test database; run with "
            "DATABASE_URL=postgres://… to test them."
        )
    settings.DOCUMENTS_EXPORT_PROCESSES = 2
    assert dossier_renderers.helper_processes() == 2


@pytest.mark.slow
def test_helper_processes_render_the_export(helpers, school_a, monkeypatch):
    monkeypatch.setattr(inspection_export, "CHUNK_SIZE", 1)  # five chunks over two helpers
    for _ in range(3):
        PlacementFactory(
            student__school=school_a.school, student__school_class=school_a.school_class
        )

    document = helper_export(school_a, "helpers")

    assert document.status == Document.Status.READY
    names, index = names_and_index(document)
    dossiers = [line.split(";")[0] for line in index[2:]]
    assert len(dossiers) == 5
    assert set(dossiers) == {name for name in names if "/" in name}
    with document.file.open("rb") as file, zipfile.ZipFile(io.BytesIO(file.read())) as archive:
        pupil = f"6VZ-Alfa/leerling-alfa-lotte-{school_a.placement.pk}.pdf"
        assert "Individueel stagedossier Lotte Leerling Alfa" in pdf_text(archive.read(pupil))

    with school_scope(school_a.school.pk):
        stored = dict(StoredDossier.objects.values_list("subject_key", "created_at"))
    assert len(stored) == 6

    again = helper_export(school_a, "again")

    assert names_and_index(again) == (names, index)
    with school_scope(school_a.school.pk):
        assert dict(StoredDossier.objects.values_list("subject_key", "created_at")) == stored


@pytest.mark.slow
def test_helpers_past_their_memory_bound_are_replaced(helpers, school_a, monkeypatch):
    monkeypatch.setattr(inspection_export, "CHUNK_SIZE", 1)
    monkeypatch.setattr(dossier_renderers, "RECYCLE_ABOVE_MB", 0)  # replace after every job
    started = []
    helper = dossier_renderers.Helper.__init__

    def counting(self, environment):
        helper(self, environment)
        started.append(self.process.pid)

    monkeypatch.setattr(dossier_renderers.Helper, "__init__", counting)

    document = helper_export(school_a, "recycled")

    assert document.status == Document.Status.READY
    _names, index = names_and_index(document)
    assert len(index) == 4  # header, general dossier, the two pupils
    assert len(set(started)) >= 4  # two to start with, then one after each of the three jobs
