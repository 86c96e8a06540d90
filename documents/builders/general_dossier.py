"""The general internship dossier (algemeen stagedossier, annex 2) of a school year.

One row per placement of the school year (optionally of one programme): the pupil's name,
address, programme and class, the dates, the supervisor, the host with its address, the
workplace and the mentor. Cancelled placements are left out: they never took place.
"""

from typing import BinaryIO

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from documents.builders.common import class_of, programme_of
from documents.models import Document
from documents.rendering import PdfSource, pdf_context, pdf_source, write_pdf
from internships.models import Placement, Programme, School, SchoolYear

TEMPLATE = "documents/pdf/general_dossier.html"
# Part of the content hash of the general dossier an export stores (see
# ``individual_dossier.VERSION``).
VERSION = 1


def school_year_placements(
    *, school: School, school_year: SchoolYear, programme: Programme | None = None
) -> QuerySet[Placement]:
    """The placements of a school year, by class and name; one query with what a row shows."""
    placements = (
        Placement.objects.active()
        .filter(school=school, school_year=school_year)
        .select_related(
            "student__school_class__programme",
            "school_class__programme",
            "host",
            "workplace",
            "mentor",
            "supervisor",
        )
    )
    if programme is not None:
        placements = placements.filter(
            Q(school_class__programme=programme)
            | Q(school_class__isnull=True, student__school_class__programme=programme)
        )
    return placements.order_by(
        "school_class__name", "student__last_name", "student__first_name", "start_date", "pk"
    )


def dossier_title(school_year: SchoolYear, programme: Programme | None) -> str:
    title = _("Algemeen stagedossier %(year)s") % {"year": school_year}
    return f"{title} – {programme.name}" if programme else title


def rows(placements) -> list[dict]:
    return [
        {
            "placement": placement,
            "school_class": class_of(placement),
            "programme": programme_of(placement),
        }
        for placement in placements
    ]


def general_dossier_source(
    *, school: School, school_year: SchoolYear, programme: Programme | None
) -> PdfSource:
    placements = school_year_placements(school=school, school_year=school_year, programme=programme)
    context = pdf_context(
        school=school,
        title=dossier_title(school_year, programme),
        school_year=school_year,
        programme=programme,
        rows=rows(placements),
    )
    return pdf_source(TEMPLATE, context)


def render_general_dossier(
    *,
    school: School,
    school_year: SchoolYear,
    programme: Programme | None,
    output: BinaryIO,
    image_cache: dict | None = None,
) -> None:
    source = general_dossier_source(school=school, school_year=school_year, programme=programme)
    write_pdf(source, output, image_cache=image_cache)


def write(document: Document, *, output: BinaryIO, progress) -> None:
    progress(10)
    render_general_dossier(
        school=document.school,
        school_year=document.school_year,
        programme=document.programme,
        output=output,
    )
