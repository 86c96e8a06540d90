"""The inspection export: one ZIP with everything the inspection asks for in a school year.

Contents: one folder per class with every pupil's individual dossier,
``algemeen-stagedossier.pdf``, and ``index.csv`` (UTF-8 with BOM, ``;``-separated for Belgian
Excel) listing each file with pupil, class, host, dates and SHA-256.

Memory stays bounded whatever the number of pupils: placements are handled in chunks of
:data:`CHUNK_SIZE` (a fixed number of queries per chunk), each dossier is rendered to a file,
hashed and moved into the archive on disk, and the index is spooled to a temporary file. The
dossiers are rendered by helper processes, one per core, when the database allows it (see
:mod:`documents.builders.dossier_renderers`), the general dossier, one long table, beside them.

A dossier whose content has not changed since an earlier export (the same content hash) is
copied from that export instead of laid out again (:mod:`documents.builders.export_jobs`), so a
second export of the same school year takes seconds. The archive lists the same files in the
same order every time.
"""

import hashlib
import io
import logging
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from django.utils.text import slugify

from core.csv import SafeWriter
from documents.builders.common import class_label, path_part, programme_of
from documents.builders.dossier_renderers import dossier_renderer
from documents.builders.export_jobs import (
    GENERAL_DOSSIER,
    GENERAL_DOSSIER_NAME,
    dossiers_job,
    general_dossier_job,
)
from documents.builders.general_dossier import school_year_placements
from documents.models import Document
from internships.models import Placement

logger = logging.getLogger(__name__)

# Small enough that the helpers finish together, large enough that a chunk's fixed number of
# queries costs little per dossier (10: 1.5 ms per dossier more than 25).
CHUNK_SIZE = 10
# Share of the progress bar for the individual dossiers; the general dossier takes the rest.
DOSSIERS_SHARE = 95
INDEX_NAME = "index.csv"
INDEX_HEADER = [
    "bestand",
    "leerling",
    "klas",
    "studierichting",
    "stagegever",
    "begindatum",
    "einddatum",
    "sha256",
]


def chunked(items: list[int], size: int) -> list[list[int]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def dossier_name(placement: Placement) -> str:
    folder = path_part(class_label(placement), fallback="zonder-klas")
    student = placement.student
    pupil = slugify(f"{student.last_name} {student.first_name}") or "leerling"
    return f"{folder}/{pupil}-{placement.pk}.pdf"


def index_row(name: str, placement: Placement, checksum: str) -> list[str]:
    programme = programme_of(placement)
    return [
        name,
        placement.student.full_name,
        class_label(placement),
        programme.name if programme else "",
        placement.host.name,
        f"{placement.start_date:%d/%m/%Y}",
        f"{placement.end_date:%d/%m/%Y}",
        checksum,
    ]


def add_file(archive: zipfile.ZipFile, name: str, path: Path) -> str:
    """Moves the file at ``path`` into the archive as ``name``; returns its SHA-256."""
    data = path.read_bytes()
    archive.writestr(name, data)
    path.unlink()
    return hashlib.sha256(data).hexdigest()


def index_placements(pks: list[int]) -> Iterator[Placement]:
    """The chunk's placements with what the file names and the index show, in order."""
    placements = Placement.objects.select_related(
        "student__school_class__programme", "school_class__programme", "host"
    ).in_bulk(pks)
    return (placements[pk] for pk in pks)


def write(document: Document, *, output: BinaryIO, progress) -> None:
    placement_ids = list(
        school_year_placements(
            school=document.school,
            school_year=document.school_year,
            programme=document.programme,
        ).values_list("pk", flat=True)
    )
    jobs = [dossiers_job(pks) for pks in chunked(placement_ids, CHUNK_SIZE)]
    jobs.append(general_dossier_job(school_year=document.school_year, programme=document.programme))
    done = rendered = 0
    with (
        tempfile.TemporaryDirectory(prefix="inspection-export-") as scratch,
        tempfile.TemporaryFile() as rows_file,
        zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        rows = io.TextIOWrapper(rows_file, encoding="utf-8", newline="")
        writer = SafeWriter(rows)
        general_checksum = ""
        with dossier_renderer(Path(scratch), school_id=document.school_id) as renderer:
            for job, folder, answer in renderer.rendered(jobs):
                rendered += answer["rendered"]
                if job["kind"] == GENERAL_DOSSIER:
                    general = folder / GENERAL_DOSSIER_NAME
                    general_checksum = add_file(archive, GENERAL_DOSSIER_NAME, general)
                    folder.rmdir()
                    progress(99)
                    continue
                for placement in index_placements(job["pks"]):
                    name = dossier_name(placement)
                    checksum = add_file(archive, name, folder / f"{placement.pk}.pdf")
                    writer.writerow(index_row(name, placement, checksum))
                folder.rmdir()
                done += len(job["pks"])
                progress(DOSSIERS_SHARE * done // max(len(placement_ids), 1))
        logger.info(
            "Inspection export %s: %d of %d PDFs laid out, the others reused.",
            document.pk,
            rendered,
            len(placement_ids) + 1,
        )

        rows.flush()
        rows_file.seek(0)
        with archive.open(INDEX_NAME, "w") as entry:
            head = io.TextIOWrapper(entry, encoding="utf-8-sig", newline="")
            head_writer = SafeWriter(head)
            head_writer.writerow(INDEX_HEADER)
            head_writer.writerow([GENERAL_DOSSIER_NAME, "", "", "", "", "", "", general_checksum])
            head.flush()
            head.detach()
            shutil.copyfileobj(rows_file, entry)
        rows.detach()
