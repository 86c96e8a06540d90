"""The travel expense report as CSV for a spreadsheet: semicolons, decimal commas, UTF-8 with a
byte order mark (so Excel opens the accents right), Dutch headers."""

import io
from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.csv import SafeWriter
from visits.selectors.expenses import ExpenseReport

BOM = "\ufeff"


def decimal_comma(value: Decimal, places: int = 2) -> str:
    return f"{value:.{places}f}".replace(".", ",")


def expense_csv(report: ExpenseReport) -> str:
    output = io.StringIO()
    writer = SafeWriter(output)
    writer.writerow(
        [
            _("Datum"),
            _("Leerling"),
            _("Stagegever"),
            _("Stageplaats"),
            _("Adres stageplaats"),
            _("Soort bezoek"),
            _("Kilometers"),
            _("Bron kilometers"),
            _("Tarief per km (EUR)"),
            _("Vermindering (%)"),
            _("Bedrag (EUR)"),
        ]
    )
    for line in report.lines:
        placement = line.visit.placement
        writer.writerow(
            [
                f"{line.visit.date:%d/%m/%Y}",
                placement.student.full_name,
                placement.host.name,
                placement.workplace.name,
                placement.workplace.address,
                line.visit.get_kind_display(),
                decimal_comma(line.km, 1),
                line.km_source_label,
                decimal_comma(report.rate, 4),
                report.reduction_percent,
                decimal_comma(line.amount),
            ]
        )
    writer.writerow(
        [
            _("Totaal"),
            "",
            "",
            "",
            "",
            "",
            decimal_comma(report.total_km, 1),
            "",
            "",
            "",
            decimal_comma(report.total_amount),
        ]
    )
    return BOM + output.getvalue()


def expense_csv_name(report: ExpenseReport) -> str:
    supervisor = slugify(report.supervisor.get_full_name() or report.supervisor.username)
    return f"verplaatsingen-{supervisor}-{report.month:%Y-%m}.csv"
