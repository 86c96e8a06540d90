"""Small, valid PDF files for the demo's uploads: risk documents, health assessments, scans.

The uploads are checked on their content (``validators.validate_document_upload``), so every
demo document is a real one-page PDF with its own Dutch text. It is written directly (PDF 1.4,
the standard Helvetica fonts in WinAnsi encoding): a few hundred microseconds a file and no
system libraries, where WeasyPrint takes some 30 ms a file and needs Pango.
"""

import re
import textwrap
from collections.abc import Iterable, Sequence

from django.core.files.uploadedfile import SimpleUploadedFile

from demo.builders import ascii_slug

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
LINE_WIDTH = 92  # characters of 11 pt Helvetica between the margins, roughly
FOOTER = "Demogegevens van Stagebeheer: fictief document, enkel bedoeld om de toepassing te tonen."
# A hand-drawn signature: a few Bézier curves in blue ink.
SIGNATURE = "0.1 0.2 0.55 RG 1.3 w 1 J 1 j\n{} {} m {} {} {} {} {} {} c {} {} {} {} {} {} c S\n"


def _text(value: str) -> bytes:
    """A PDF string literal in WinAnsi (cp1252): ë, é, – and ‘’ survive; parentheses escaped."""
    encoded = value.encode("cp1252", errors="replace")
    return b"(" + re.sub(rb"([()\\])", rb"\\\1", encoded) + b")"


def _content(title: str, lines: Sequence[str], signature_seed: int | None) -> bytes:
    parts = [b"BT /F2 16 Tf 18 TL", f" {MARGIN} {PAGE_HEIGHT - 80} Td ".encode(), _text(title)]
    parts.append(b" Tj /F1 11 Tf 0 -10 Td")
    for line in lines:
        for piece in textwrap.wrap(line, LINE_WIDTH) or [""]:
            parts += [b" T* ", _text(piece), b" Tj"]
    parts += [b" ET\nBT /F1 8 Tf ", f"{MARGIN} 40 Td ".encode(), _text(FOOTER), b" Tj ET\n"]
    if signature_seed is not None:
        # Slightly different for every signer, from a number rather than a random generator.
        w = [(signature_seed * (7 + 3 * n)) % 23 for n in range(8)]
        x, y = MARGIN + 300, 150
        curve = (x, y, x + 15 + w[0], y + 35 + w[1], x + 30, y - 25 - w[2], x + 55 + w[3], y + 10)
        curve += (x + 80, y + 45 - w[4], x + 95 + w[5], y - 20, x + 140 + w[6], y + 5 + w[7])
        parts.append(SIGNATURE.format(*curve).encode())
    return b"".join(parts)


def pdf_bytes(title: str, lines: Iterable[str], *, signature_seed: int | None = None) -> bytes:
    """A one-page A4 PDF with a bold title, the lines (wrapped) and the demo footer."""
    stream = _content(title, list(lines), signature_seed)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>"
        % (PAGE_WIDTH, PAGE_HEIGHT),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        # Outside the page, strings are PDFDocEncoding or UTF-16 with a byte order mark.
        b"<< /Title <FEFF%s> /Producer (Stagebeheer demogegevens) >>"
        % title.encode("utf-16-be").hex().upper().encode(),
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    return bytes(output)


def file_name(*words: str) -> str:
    """``risicoanalyse-wzc-hof-van-lede-erpe-mere.pdf``: a readable ASCII name."""
    slugs = [
        "-".join(filter(None, (ascii_slug(part) for part in re.split(r"[\s/–-]+", word))))
        for word in words
    ]
    return "-".join(filter(None, slugs))[:90] + ".pdf"


def pdf_upload(
    name: str, title: str, lines: Iterable[str], *, signature_seed: int | None = None
) -> SimpleUploadedFile:
    """The PDF as an uploaded file, as a browser would send it."""
    return SimpleUploadedFile(
        name, pdf_bytes(title, lines, signature_seed=signature_seed), "application/pdf"
    )
