"""The inspection export: a ZIP with every dossier, the general dossier and a CSV index."""

import csv
import hashlib
import io
import zipfile

import pytest

from core.principals import StaffMember
from documents.builders import inspection_export
from documents.models import Document
from documents.services import requests
from tests.documents.conftest import pdf_text
from tests.factories import PlacementFactory, SchoolClassFactory

pytestmark = pytest.mark.django_db


def export(world, capture, programme=None) -> Document:
    with capture(execute=True):
        document = requests.document_request(
            kind=Document.Kind.INSPECTION_EXPORT,
            principal=StaffMember.of(world.coordinator),
            school_year=world.school_year,
            programme=programme,
        )
    document.refresh_from_db()
    return document


def read_zip(document: Document) -> dict[str, bytes]:
    with document.file.open("rb") as file, zipfile.ZipFile(file) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def read_index(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_it_holds_every_file_with_a_matching_index(school_a, django_capture_on_commit_callbacks):
    document = export(school_a, django_capture_on_commit_callbacks)
    files = read_zip(document)

    pupil = f"6VZ-Alfa/leerling-alfa-lotte-{school_a.placement.pk}.pdf"
    other = f"6VZ-Alfa/andere-alfa-milan-{school_a.other_placement.pk}.pdf"
    assert set(files) == {"algemeen-stagedossier.pdf", pupil, other, "index.csv"}
    assert "Algemeen stagedossier" in pdf_text(files["algemeen-stagedossier.pdf"])
    assert "Individueel stagedossier Lotte Leerling Alfa" in pdf_text(files[pupil])

    rows = read_index(files["index.csv"])
    assert [row["bestand"] for row in rows] == ["algemeen-stagedossier.pdf", other, pupil]
    for row in rows:
        assert row["sha256"] == hashlib.sha256(files[row["bestand"]]).hexdigest()
    by_file = {row["bestand"]: row for row in rows}
    assert by_file[pupil] == {
        "bestand": pupil,
        "leerling": "Lotte Leerling Alfa",
        "klas": "6VZ Alfa",
        "studierichting": "Verzorging Alfa",
        "stagegever": "Woonzorgcentrum Alfa",
        "begindatum": f"{school_a.placement.start_date:%d/%m/%Y}",
        "einddatum": f"{school_a.placement.end_date:%d/%m/%Y}",
        "sha256": by_file[pupil]["sha256"],
    }


def test_the_stored_export_keeps_its_checksum_and_name(
    school_a, django_capture_on_commit_callbacks
):
    document = export(school_a, django_capture_on_commit_callbacks)

    with document.file.open("rb") as file:
        assert hashlib.sha256(file.read()).hexdigest() == document.checksum
    year = school_a.school_year.start_year
    assert document.download_name == f"inspectiedossier-{year}-{year + 1}-v1.zip"
    assert document.progress == 100


def test_it_can_be_limited_to_one_programme(school_a, django_capture_on_commit_callbacks):
    electricity = SchoolClassFactory(school=school_a.school, name="6EI Alfa")
    placement = PlacementFactory(student__school=school_a.school, student__school_class=electricity)

    document = export(school_a, django_capture_on_commit_callbacks, programme=electricity.programme)
    files = read_zip(document)

    dossiers = set(files) - {"algemeen-stagedossier.pdf", "index.csv"}
    assert len(dossiers) == 1
    (name,) = dossiers
    assert name.startswith("6EI-Alfa/") and name.endswith(f"-{placement.pk}.pdf")


def test_progress_is_reported_while_it_runs(school_a, monkeypatch):
    monkeypatch.setattr(inspection_export, "CHUNK_SIZE", 1)
    document = Document.objects.create(
        school=school_a.school,
        kind=Document.Kind.INSPECTION_EXPORT,
        school_year=school_a.school_year,
        subject_key="school_year:x",
        version=1,
    )
    reported = []

    with io.BytesIO() as output:
        inspection_export.write(document, output=output, progress=reported.append)

    assert reported == [47, 95, 99]


@pytest.mark.parametrize("count", [4, 10])
def test_queries_grow_with_chunks_not_pupils(
    school_a, monkeypatch, django_assert_max_num_queries, count
):
    """With one chunk, 4 or 10 pupils cost the same queries: the count follows the chunks."""
    monkeypatch.setattr(inspection_export, "CHUNK_SIZE", 20)
    for _ in range(count - 2):
        PlacementFactory(student__school=school_a.school)
    document = Document.objects.create(
        school=school_a.school,
        kind=Document.Kind.INSPECTION_EXPORT,
        school_year=school_a.school_year,
        subject_key="school_year:x",
        version=1,
    )

    # placement ids; one chunk: the dossiers with their prefetches, their worked hours (read
    # for the whole chunk), the stored dossiers with their hashes, storing the new ones (7 with
    # the savepoint), the index's placements; the general dossier: its school, year and rows,
    # looked up and stored the same way
    with django_assert_max_num_queries(41), io.BytesIO() as output:
        inspection_export.write(document, output=output, progress=lambda percent: None)
