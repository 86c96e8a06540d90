"""CSV files a spreadsheet opens safely: a text cell that starts like a formula is quoted.

Excel and LibreOffice run a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula (a
tab or carriage return in front is skipped), so a host named ``=HYPERLINK(...)`` would become a
live link. Following OWASP's advice on CSV injection, such a text gets a single quote in front:
the spreadsheet shows it as text. Numbers, dates and Decimals pass unchanged, and so does a text
that is only a number (``-3,50``, the decimal comma of Belgian Excel): it holds nothing to run.

Every CSV the application writes goes through :class:`SafeWriter`, never ``csv.writer``.
"""

import csv
import re
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def cell(value: Any) -> Any:
    """``value`` as a spreadsheet may read it: a formula-like text quoted, anything else as is."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` that passes every cell through :func:`cell`; by default the dialect of
    Belgian Excel (``;`` between cells, ``\\r\\n`` between rows)."""

    def __init__(self, output, **fmtparams: Any) -> None:
        self._writer = csv.writer(
            output, **{"delimiter": ";", "lineterminator": "\r\n", **fmtparams}
        )

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
