"""Where files with personal data are kept: under ``MEDIA_ROOT``, without any URL.

Risk documents, health assessments, signed scans and exemption proofs live in ``private/``;
rendered PDFs and exports in ``documents/``. Nothing serves these folders directly: a view checks
the principal's access to what the file belongs to and streams it (``core.views.file_response``).
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class UnlistedStorage(FileSystemStorage):
    """A folder of ``MEDIA_ROOT`` whose files have no URL."""

    def __init__(self, folder: str) -> None:
        super().__init__(location=Path(settings.MEDIA_ROOT) / folder, base_url=None)

    def url(self, name: str | None) -> str:
        raise ValueError("These files have no URL; serve them through an access-checked view.")


def private_storage() -> UnlistedStorage:
    """Uploaded documents (a callable, so migrations do not freeze its path)."""
    return UnlistedStorage("private")


def document_storage() -> UnlistedStorage:
    """Rendered documents (a callable, so migrations do not freeze its path)."""
    return UnlistedStorage("documents")
