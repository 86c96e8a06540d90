"""A repeated inspection export reuses every dossier whose content has not changed."""

import io
import zipfile
from pathlib import Path

import pytest

from core.principals import StaffMember
from core.tenancy import school_scope
from documents import rendering
from documents.builders import export_jobs, general_dossier, individual_dossier
from documents.models import Document, StoredDossier
from documents.services import requests
from tests.documents.conftest import pdf_text
from tests.factories import PlacementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def laid_out(monkeypatch) -> list[str]:
    """The file names the export lays out with WeasyPrint, in order (reused ones are not)."""
    names: list[str] = []
    write_pdf = export_jobs.write_pdf

    def counting(source, target, **options):
        names.append(Path(target.name).name)
        write_pdf(source, target, **options)

    monkeypatch.setattr(export_jobs, "write_pdf", counting)
    return names


@pytest.fixture
def export(school_a, django_capture_on_commit_callbacks):
    def run() -> dict[str, bytes]:
        with django_capture_on_commit_callbacks(execute=True):
            document = requests.document_request(
                kind=Document.Kind.INSPECTION_EXPORT,
                principal=StaffMember.of(school_a.coordinator),
                school_year=school_a.school_year,
            )
        document.refresh_from_db()
        assert document.status == Document.Status.READY
        with document.file.open("rb") as file, zipfile.ZipFile(io.BytesIO(file.read())) as zip:
            return {name: zip.read(name) for name in zip.namelist()}

    return run


def test_a_second_export_lays_out_nothing_and_lists_the_same_files(school_a, export, laid_out):
    first = export()
    dossiers = [f"{school_a.placement.pk}.pdf", f"{school_a.other_placement.pk}.pdf"]
    assert sorted(laid_out) == sorted([*dossiers, "algemeen-stagedossier.pdf"])
    laid_out.clear()

    second = export()

    assert laid_out == []
    assert list(second) == list(first)
    assert second == first, "the same PDFs, so the same index with the same checksums"


def test_a_change_to_one_pupil_lays_out_just_that_dossier(school_a, export, laid_out):
    export()
    laid_out.clear()
    pupil = school_a.pupil
    pupil.phone = "+32 470 12 34 56"  # in the individual dossier, not in the general one
    pupil.save(update_fields=["phone"])

    files = export()

    assert laid_out == [f"{school_a.placement.pk}.pdf"]
    name = next(name for name in files if name.endswith(f"-{school_a.placement.pk}.pdf"))
    assert "+32 470 12 34 56" in pdf_text(files[name])


def test_a_new_pupil_is_laid_out_with_the_general_dossier(school_a, export, laid_out):
    export()
    laid_out.clear()
    newcomer = PlacementFactory(
        student__school=school_a.school, student__school_class=school_a.school_class
    )

    export()

    assert sorted(laid_out) == sorted([f"{newcomer.pk}.pdf", "algemeen-stagedossier.pdf"])


def test_a_new_builder_version_lays_out_every_dossier(export, laid_out, monkeypatch):
    export()
    laid_out.clear()
    monkeypatch.setattr(individual_dossier, "VERSION", individual_dossier.VERSION + 1)

    export()

    assert len(laid_out) == 2 and "algemeen-stagedossier.pdf" not in laid_out
    laid_out.clear()
    monkeypatch.setattr(general_dossier, "VERSION", general_dossier.VERSION + 1)

    export()

    assert laid_out == ["algemeen-stagedossier.pdf"]


def test_a_new_rendering_version_lays_out_every_pdf(school_a, export, laid_out, monkeypatch):
    export()
    laid_out.clear()
    monkeypatch.setattr(rendering, "RENDERING_VERSION", rendering.RENDERING_VERSION + 1)

    export()

    dossiers = [f"{school_a.placement.pk}.pdf", f"{school_a.other_placement.pk}.pdf"]
    assert sorted(laid_out) == sorted([*dossiers, "algemeen-stagedossier.pdf"])


def test_one_rendering_is_kept_per_subject_with_its_file(school_a, export):
    export()
    with school_scope(school_a.school.pk):
        before = {stored.subject_key: stored for stored in StoredDossier.objects.all()}
    assert len(before) == 3
    pupil = school_a.pupil
    pupil.email = "nieuw.adres@example.org"
    pupil.save(update_fields=["email"])

    export()

    with school_scope(school_a.school.pk):
        after = {stored.subject_key: stored for stored in StoredDossier.objects.all()}
    assert after.keys() == before.keys()
    changed = f"placement:{school_a.placement.pk}"
    assert after[changed].content_hash != before[changed].content_hash
    assert not before[changed].file.storage.exists(before[changed].file.name)
    assert after[changed].file.storage.exists(after[changed].file.name)
    unchanged = f"placement:{school_a.other_placement.pk}"
    assert after[unchanged].pk == before[unchanged].pk


def test_a_stored_dossier_without_its_file_is_laid_out_again(school_a, export, laid_out):
    export()
    laid_out.clear()
    with school_scope(school_a.school.pk):
        lost = StoredDossier.objects.get(subject_key=f"placement:{school_a.placement.pk}")
    lost.file.storage.delete(lost.file.name)

    export()
    laid_out.clear()
    export()

    assert laid_out == []
    with school_scope(school_a.school.pk):
        repaired = StoredDossier.objects.get(subject_key=f"placement:{school_a.placement.pk}")
    assert repaired.content_hash == lost.content_hash
    assert repaired.file.storage.exists(repaired.file.name)


def test_a_damaged_stored_dossier_is_laid_out_again(school_a, export, laid_out):
    export()
    laid_out.clear()
    with school_scope(school_a.school.pk):
        damaged = StoredDossier.objects.get(subject_key=f"placement:{school_a.placement.pk}")
    with damaged.file.storage.open(damaged.file.name, "wb") as file:
        file.write(b"%PDF-1.7 not what was stored")

    files = export()

    assert laid_out == [f"{school_a.placement.pk}.pdf"]
    name = next(name for name in files if name.endswith(f"-{school_a.placement.pk}.pdf"))
    assert files[name] != b"%PDF-1.7 not what was stored"


def test_stored_dossiers_belong_to_their_school(school_a, school_b, export):
    export()

    with school_scope(school_b.school.pk):
        assert not StoredDossier.objects.exists()
    with school_scope(school_a.school.pk):
        assert StoredDossier.objects.count() == 3
