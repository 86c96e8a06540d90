"""The jobs of an inspection export: a chunk of individual dossiers, or the general dossier.

A job is a small JSON-able dict, so a helper process can take it on a pipe
(``documents.export_helper``) as easily as the export's own process can run it
(``documents.builders.dossier_renderers``). :func:`run_job` writes the job's PDFs into a
folder and answers how many there are and how many had to be laid out: each dossier's content
hash is computed from its HTML first, and a dossier stored under that hash by an earlier export
is copied instead of rendered (``documents.services.stored_dossiers``). Runs in the school's
scope.
"""

import logging
from pathlib import Path

from attendance.selectors import dossier_attendance_for
from documents.builders import general_dossier, individual_dossier
from documents.models import Document
from documents.rendering import PdfSource, fewer_collections, write_pdf
from documents.services.stored_dossiers import (
    RenderedDossier,
    stored_dossier_copy,
    stored_dossiers_for,
    stored_dossiers_save,
)
from internships.models import Programme, School, SchoolYear

DOSSIERS = "dossiers"
GENERAL_DOSSIER = "general_dossier"
GENERAL_DOSSIER_NAME = "algemeen-stagedossier.pdf"

logger = logging.getLogger(__name__)


def dossiers_job(pks: list[int]) -> dict:
    """The individual dossiers of these placements, as ``<pk>.pdf``."""
    return {"kind": DOSSIERS, "pks": pks}


def general_dossier_job(*, school_year: SchoolYear, programme: Programme | None) -> dict:
    """The general dossier of the school year (or of one programme), as
    :data:`GENERAL_DOSSIER_NAME`."""
    return {
        "kind": GENERAL_DOSSIER,
        "school_year": school_year.pk,
        "programme": programme.pk if programme else None,
    }


def run_job(job: dict, folder: Path, *, school_id: int, image_cache: dict) -> dict:
    """Runs ``job`` into ``folder``; answers ``{"done": files, "rendered": laid out}``."""
    with fewer_collections():  # loading a chunk's dossiers allocates as much as laying one out
        return _run_job(job, folder, school_id=school_id, image_cache=image_cache)


def _run_job(job: dict, folder: Path, *, school_id: int, image_cache: dict) -> dict:
    if job["kind"] == DOSSIERS:
        sources = _dossier_sources(job["pks"])
        version = individual_dossier.VERSION
    else:
        sources = _general_dossier_source(job, school_id=school_id)
        version = general_dossier.VERSION
    hashes = {
        name: source.content_hash(version=version) for name, (_, _, source) in sources.items()
    }
    stored = stored_dossiers_for(hashes.values())
    rendered = []
    lost = 0
    for name, (kind, subject_key, source) in sources.items():
        target = folder / name
        found = stored.get(hashes[name])
        if found is not None:
            if stored_dossier_copy(found, target):
                continue
            lost += 1
        with target.open("wb") as output:
            write_pdf(source, output, image_cache=image_cache)
        rendered.append(
            RenderedDossier(
                kind=kind, subject_key=subject_key, content_hash=hashes[name], path=target
            )
        )
    if lost:
        logger.warning("%d stored dossiers had lost or damaged files; rendered them again.", lost)
    stored_dossiers_save(school_id=school_id, rendered=rendered)
    return {"done": len(sources), "rendered": len(rendered)}


Sources = dict[str, tuple[str, str, PdfSource]]


def _dossier_sources(pks: list[int]) -> Sources:
    """File name to kind, subject and HTML, in a fixed number of queries for the chunk."""
    placements = individual_dossier.dossier_placements().in_bulk(pks)
    attendance = dossier_attendance_for(list(placements.values()))
    kind = Document.Kind.INDIVIDUAL_DOSSIER
    return {
        f"{pk}.pdf": (
            kind,
            Document.subject_key_for(kind=kind, placement=placements[pk]),
            individual_dossier.dossier_source(placements[pk], attendance=attendance[pk]),
        )
        for pk in pks
    }


def _general_dossier_source(job: dict, *, school_id: int) -> Sources:
    school = School.objects.get(pk=school_id)
    school_year = SchoolYear.objects.get(pk=job["school_year"])
    programme = Programme.objects.get(pk=job["programme"]) if job["programme"] else None
    kind = Document.Kind.GENERAL_DOSSIER
    subject = Document.subject_key_for(kind=kind, school_year=school_year, programme=programme)
    source = general_dossier.general_dossier_source(
        school=school, school_year=school_year, programme=programme
    )
    return {GENERAL_DOSSIER_NAME: (kind, subject, source)}
