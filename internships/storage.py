"""Where the documents only staff may read are kept: risk documents, health assessments, scans.

They live under ``MEDIA_ROOT/private`` and have no URL: a view checks the user's access and
streams the file (``internships.views.downloads``). Nothing serves that folder directly.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    def __init__(self) -> None:
        super().__init__(location=Path(settings.MEDIA_ROOT) / "private", base_url=None)

    def url(self, name: str | None) -> str:
        raise ValueError("Private documents have no URL; serve them through a download view.")


def private_storage() -> PrivateStorage:
    """The storage of private documents (a callable, so migrations do not freeze its path)."""
    return PrivateStorage()
