"""Where rendered documents are kept: ``MEDIA_ROOT/documents``, without any URL.

Documents hold personal data, so only the download view serves them, after checking the
user's access to the document's subject.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class DocumentStorage(FileSystemStorage):
    def __init__(self) -> None:
        super().__init__(location=Path(settings.MEDIA_ROOT) / "documents", base_url=None)

    def url(self, name: str | None) -> str:
        raise ValueError("Documents have no URL; serve them through documents:download.")


def document_storage() -> DocumentStorage:
    """The documents' storage (a callable, so migrations do not freeze its path)."""
    return DocumentStorage()
