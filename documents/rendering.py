"""PDFs from Django templates with WeasyPrint.

Every PDF extends ``documents/pdf/base.html`` and uses one print stylesheet: A4, a header with
the school's name and logo, a footer with the document's title, the date it was made and
"Pagina X van Y". The stylesheet and the font configuration are built once per process and
reused, which saves parsing and font lookups on every document of a large export.

WeasyPrint only reads local files through :class:`LocalFileFetcher`: files under MEDIA_ROOT and
the static directories. It never fetches anything from the network.
"""

import functools
import mimetypes
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from internships.models import School

STYLESHEET = Path(__file__).resolve().parent / "static" / "documents" / "css" / "print.css"


class LocalFileFetcher(URLFetcher):
    """Serves ``file:`` URLs inside the allowed directories and ``data:`` URLs; refuses the rest.

    WeasyPrint catches the error of a refused URL, logs it and leaves the image out.
    """

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.roots = tuple(Path(root).resolve() for root in roots)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"Refused to fetch {url!r}: only local files are allowed.")
        path = Path(url2pathname(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise ValueError(f"Refused to fetch {url!r}: outside the media and static files.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.open("rb"), headers={"Content-Type": content_type}
        )


def allowed_roots() -> list[Path]:
    """MEDIA_ROOT and every directory static files are found in."""
    roots = [Path(settings.MEDIA_ROOT), STYLESHEET.parent.parent.parent]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT))
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location))
    return roots


@functools.cache
def url_fetcher() -> LocalFileFetcher:
    return LocalFileFetcher(allowed_roots())


@functools.cache
def font_config() -> FontConfiguration:
    return FontConfiguration()


@functools.cache
def stylesheet(path: Path = STYLESHEET) -> CSS:
    """A stylesheet, parsed once per process."""
    return CSS(filename=str(path), font_config=font_config(), url_fetcher=url_fetcher())


def static_stylesheet(name: str) -> CSS:
    """A stylesheet from the static files, such as ``css/agreement.css``."""
    path = finders.find(name)
    if path is None:
        raise FileNotFoundError(f"Static stylesheet {name!r} not found.")
    return stylesheet(Path(path))


def logo_url(school: School) -> str:
    """The school's logo as a ``file:`` URL, or an empty string when it has none on disk."""
    if not school.logo:
        return ""
    try:
        path = Path(school.logo.path)
    except NotImplementedError:  # a storage without local files (object storage) has no path
        return ""
    return path.as_uri() if path.is_file() else ""


def pdf_context(*, school: School, title: str, **context) -> dict:
    """What ``documents/pdf/base.html`` needs besides the document's own content."""
    return {
        "school": school,
        "logo_url": logo_url(school),
        "title": title,
        "generated_at": timezone.localtime(),
        **context,
    }


def render_pdf(
    *,
    template_name: str,
    context: dict,
    target: BinaryIO,
    stylesheets: Iterable[CSS] = (),
    image_cache: dict | None = None,
) -> None:
    """Renders ``template_name`` with ``context`` and writes the PDF to ``target``.

    ``stylesheets`` come after the print stylesheet; ``image_cache`` lets a series of
    documents (an export) decode the school's logo only once.
    """
    html = render_to_string(template_name, context)
    document = HTML(
        string=html, base_url=Path(settings.MEDIA_ROOT).as_uri() + "/", url_fetcher=url_fetcher()
    )
    document.write_pdf(
        target,
        stylesheets=[stylesheet(), *stylesheets],
        font_config=font_config(),
        cache=image_cache,
    )
