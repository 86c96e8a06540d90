"""Dossiers kept for the next inspection export, found again by the hash of their content.

An export computes each dossier's content hash (``documents.rendering.PdfSource``) before laying
it out. :func:`stored_dossiers_for` finds the dossiers stored under those hashes, and
:func:`stored_dossier_copy` copies one out when its file is still there and intact; whatever
was not found is rendered and handed to :func:`stored_dossiers_save`, which keeps it under its
hash and drops the rendering it replaces (one per subject). Each call costs a fixed number of
queries, whatever the number of dossiers, and runs in the school's scope like the export.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q

from documents.models import StoredDossier, stored_dossier_upload_to


@dataclass(frozen=True)
class RenderedDossier:
    """A dossier the export has just rendered to ``path``, to keep under ``content_hash``."""

    kind: str
    subject_key: str
    content_hash: str
    path: Path


def stored_dossiers_for(content_hashes: Iterable[str]) -> dict[str, StoredDossier]:
    """The stored dossiers with these content hashes, by hash: one query."""
    hashes = set(content_hashes)
    if not hashes:
        return {}
    return {
        stored.content_hash: stored
        for stored in StoredDossier.objects.filter(content_hash__in=hashes)
    }


def stored_dossier_copy(stored: StoredDossier, target: Path) -> bool:
    """Writes the stored dossier to ``target``; False when its file is gone or damaged (the
    caller renders the dossier anew, which replaces the record)."""
    try:
        with stored.file.open("rb") as file:
            data = file.read()
    except FileNotFoundError:
        return False
    if hashlib.sha256(data).hexdigest() != stored.checksum:
        return False
    target.write_bytes(data)
    return True


def stored_dossiers_save(*, school_id: int, rendered: list[RenderedDossier]) -> None:
    """Keeps the rendered dossiers under their content hashes, and removes the earlier
    renderings of the same subjects, and records of the same hashes whose file was lost, with
    their files (once the transaction commits).

    Another export may store the same content meanwhile: the first record stays and the file
    saved here for it is removed again.
    """
    if not rendered:
        return
    storage = StoredDossier._meta.get_field("file").storage
    records = []
    for dossier in rendered:
        data = dossier.path.read_bytes()
        record = StoredDossier(
            school_id=school_id,
            kind=dossier.kind,
            subject_key=dossier.subject_key,
            content_hash=dossier.content_hash,
            checksum=hashlib.sha256(data).hexdigest(),
            size=len(data),
        )
        record.file.name = storage.save(stored_dossier_upload_to(record, ""), ContentFile(data))
        records.append(record)
    hashes = [record.content_hash for record in records]
    with transaction.atomic():
        earlier = StoredDossier.objects.filter(
            Q(content_hash__in=hashes)  # a record whose file was lost or damaged
            | Q(
                kind__in={record.kind for record in records},
                subject_key__in={record.subject_key for record in records},
            )
        )
        obsolete = list(earlier.values_list("file", flat=True))
        earlier.delete()
        StoredDossier.objects.bulk_create(records, ignore_conflicts=True)
        kept = dict(
            StoredDossier.objects.filter(content_hash__in=hashes).values_list(
                "content_hash", "file"
            )
        )
    # A lost file's name is free again and may have been given to the new one: keep it.
    obsolete = {*obsolete, *(record.file.name for record in records)} - set(kept.values())
    transaction.on_commit(lambda: _delete_files(storage, obsolete))


def _delete_files(storage, names: set[str]) -> None:
    for name in names:
        storage.delete(name)
