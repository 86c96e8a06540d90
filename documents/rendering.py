"""PDFs from Django templates with WeasyPrint.

Every PDF extends ``documents/pdf/base.html`` and uses one print stylesheet: A4, a header with
the school's name and logo, a footer with the document's title, the date it was made and
"Pagina X van Y". The stylesheets and the font configuration are built once per process and
reused, which saves parsing and font lookups on every document of a large export.

A document is made in two steps: :func:`pdf_source` renders the template to HTML, and
:func:`write_pdf` lays it out. The HTML holds the whole content but not the moment it is
rendered (that reaches the footer and the PDF's metadata apart), so
:meth:`PdfSource.content_hash` is the same as long as the document would look the same: the
inspection export reuses a dossier rendered before when it is (``documents.stored_dossiers``).

WeasyPrint only reads local files through :class:`LocalFileFetcher`: files under MEDIA_ROOT and
the static directories. It never fetches anything from the network.
"""

import datetime
import functools
import gc
import hashlib
import mimetypes
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from internships.models import School

STYLESHEET = Path(__file__).resolve().parent / "static" / "documents" / "css" / "print.css"
# Part of every content hash: raise it when this module changes how the same HTML and
# stylesheets become a PDF (WeasyPrint's options, the footer), so no dossier rendered the old
# way is reused.
RENDERING_VERSION = 1
# Objects WeasyPrint may allocate before the cyclic garbage collector looks at them (Python's
# default is 700): laying out a dossier allocates about a million, and the default makes the
# collector walk through them dozens of times, for about a tenth of the rendering time.
COLLECT_AFTER_ALLOCATIONS = 50_000


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


@functools.cache
def stylesheet_digest(path: Path) -> str:
    """The SHA-256 of a stylesheet's source, read once per process like the stylesheet."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def static_stylesheet(name: str) -> Path:
    """The path of a stylesheet from the static files, such as ``css/agreement.css``."""
    path = finders.find(name)
    if path is None:
        raise FileNotFoundError(f"Static stylesheet {name!r} not found.")
    return Path(path)


def logo_url(school: School) -> str:
    """The school's logo as a ``file:`` URL, or an empty string when it has none on disk.

    The URL ends in the file's size and modification time (the fetcher ignores the query), so a
    logo replaced under the same name changes the documents' HTML and their content hash.
    """
    if not school.logo:
        return ""
    try:
        path = Path(school.logo.path)
    except NotImplementedError:  # a storage without local files (object storage) has no path
        return ""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ""
    return f"{path.as_uri()}?{stat.st_size}-{stat.st_mtime_ns}"


def pdf_context(*, school: School, title: str, **context) -> dict:
    """What ``documents/pdf/base.html`` needs besides the document's own content."""
    return {"school": school, "logo_url": logo_url(school), "title": title, **context}


@dataclass(frozen=True)
class PdfSource:
    """What a PDF is made of: the HTML and the stylesheets applied after the print stylesheet."""

    html: str
    stylesheets: tuple[Path, ...] = ()

    def content_hash(self, *, version: int) -> str:
        """The SHA-256 of everything that decides how the PDF looks: the HTML, the stylesheets,
        the WeasyPrint release, this module's :data:`RENDERING_VERSION` and the builder's
        ``version`` (which a builder raises when it changes what its HTML does not show)."""
        digest = hashlib.sha256()
        fingerprint = [
            f"rendering:{RENDERING_VERSION}",
            f"builder:{version}",
            f"weasyprint:{weasyprint.__version__}",
            *(stylesheet_digest(path) for path in (STYLESHEET, *self.stylesheets)),
        ]
        digest.update("\n".join(fingerprint).encode())
        digest.update(b"\n")
        digest.update(self.html.encode())
        return digest.hexdigest()


def pdf_source(template_name: str, context: dict, *, stylesheets: Iterable[Path] = ()) -> PdfSource:
    return PdfSource(html=render_to_string(template_name, context), stylesheets=tuple(stylesheets))


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


def timestamp_stylesheet(generated_at: datetime.datetime) -> CSS:
    """Sets the footer's "Aangemaakt op …" (kept out of the HTML, see the module's docstring)."""
    when = dateformat.format(timezone.localtime(generated_at), "d/m/Y H:i")
    text = _("Aangemaakt op %(when)s") % {"when": when}
    return CSS(string=f"html {{ string-set: pdf-generated {css_string(text)} }}")


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Lets the young generation grow to :data:`COLLECT_AFTER_ALLOCATIONS` while inside."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], COLLECT_AFTER_ALLOCATIONS), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def write_pdf(
    source: PdfSource,
    target: BinaryIO,
    *,
    generated_at: datetime.datetime | None = None,
    image_cache: dict | None = None,
) -> None:
    """Lays out ``source`` and writes the PDF to ``target``, made at ``generated_at`` (now by
    default); ``image_cache`` lets a series of documents (an export) decode the school's logo
    only once."""
    generated_at = generated_at or timezone.now()
    stylesheets = [
        stylesheet(),
        *(stylesheet(path) for path in source.stylesheets),
        timestamp_stylesheet(generated_at),
    ]
    with fewer_collections():
        document = HTML(
            string=source.html,
            base_url=Path(settings.MEDIA_ROOT).as_uri() + "/",
            url_fetcher=url_fetcher(),
        ).render(stylesheets=stylesheets, font_config=font_config(), cache=image_cache)
        document.metadata.created = timezone.localtime(generated_at).isoformat(timespec="seconds")
        document.write_pdf(target)


def render_pdf(
    *,
    template_name: str,
    context: dict,
    target: BinaryIO,
    stylesheets: Iterable[Path] = (),
    image_cache: dict | None = None,
) -> None:
    """Renders ``template_name`` with ``context`` and writes the PDF to ``target``."""
    source = pdf_source(template_name, context, stylesheets=stylesheets)
    write_pdf(source, target, image_cache=image_cache)
