"""One module per kind of document; each offers ``write(document, *, output, progress)``.

``output`` is a binary file the builder writes the finished document to; ``progress`` takes a
percentage (0–100) and may be called as often as convenient (it throttles itself).
"""

from collections.abc import Callable
from typing import BinaryIO, Protocol

from documents.builders import (
    agreement,
    general_dossier,
    individual_dossier,
    inspection_export,
    travel_expenses,
)
from documents.models import Document

Progress = Callable[[int], None]


class Builder(Protocol):
    def __call__(self, document: Document, *, output: BinaryIO, progress: Progress) -> None: ...


BUILDERS: dict[str, Builder] = {
    Document.Kind.AGREEMENT: agreement.write,
    Document.Kind.INDIVIDUAL_DOSSIER: individual_dossier.write,
    Document.Kind.GENERAL_DOSSIER: general_dossier.write,
    Document.Kind.INSPECTION_EXPORT: inspection_export.write,
    Document.Kind.TRAVEL_EXPENSES: travel_expenses.write,
}
