"""The monthly travel expense report of a supervisor (7.2, kilometervergoeding) as a PDF.

The lines and amounts come from ``visits.selectors.expense_report``, the same report the
supervisor's page and CSV show: every visit made in the month with the pupil, the workplace,
the kilometres and the amount at the school's rate, less the school board's reduction.
"""

from typing import BinaryIO

from django.utils.translation import gettext as _

from documents.models import Document
from documents.rendering import pdf_context, render_pdf
from visits.selectors import expense_report

TEMPLATE = "documents/pdf/travel_expenses.html"


def write(document: Document, *, output: BinaryIO, progress) -> None:
    progress(10)
    report = expense_report(supervisor=document.supervisor, month=document.month)
    progress(50)
    title = _("Verplaatsingskosten %(supervisor)s, %(month)s") % {
        "supervisor": document.supervisor.get_full_name() or document.supervisor.username,
        "month": report.month_label,
    }
    context = pdf_context(school=document.school, title=title, report=report)
    render_pdf(template_name=TEMPLATE, context=context, target=output)
