"""Writes for the supervisor's visits (stagebezoeken) during a placement (8.2.2)."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Placement, User, Visit
from internships.services.common import model_update

VISIT_FIELDS = [
    "date",
    "time",
    "kind",
    "status",
    "visited_by",
    "mentor_present",
    "findings",
    "follow_up",
    "distance_km",
]
# The intake visit (annex 3, "voorafgaand aan de stage") may come before the first day.
DAYS_BEFORE_START = 30
# A visit after the last day still belongs to the placement: the talk that looks back on it (8.3).
DAYS_AFTER_END = 30


def visit_window(placement: Placement) -> tuple[datetime.date, datetime.date]:
    """The first and last day a visit of ``placement`` may fall on."""
    return (
        placement.start_date - datetime.timedelta(days=DAYS_BEFORE_START),
        placement.end_date + datetime.timedelta(days=DAYS_AFTER_END),
    )


def _validate_visit(visit: Visit) -> None:
    """A visit lies between a month before the placement's start (the intake visit) and a
    month after its end; one that was made cannot be in the future."""
    first_day, last_day = visit_window(visit.placement)
    if not first_day <= visit.date <= last_day:
        raise ValidationError(
            {
                "date": [
                    _(
                        "Een stagebezoek valt tussen %(before)s dagen voor de begindatum van de "
                        "stage (het kennismakingsbezoek, bijlage 3) en %(after)s dagen na de "
                        "einddatum: van %(first_day)s tot %(last_day)s."
                    )
                    % {
                        "before": DAYS_BEFORE_START,
                        "after": DAYS_AFTER_END,
                        "first_day": f"{first_day:%d/%m/%Y}",
                        "last_day": f"{last_day:%d/%m/%Y}",
                    }
                ]
            }
        )
    if visit.status == Visit.Status.DONE and visit.date > timezone.localdate():
        raise ValidationError(
            {"status": [_("Een bezoek in de toekomst kan nog niet afgelegd zijn.")]}
        )


def _clean_text(data: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value.strip() if key in ("findings", "follow_up") else value
        for key, value in data.items()
    }


@transaction.atomic
def visit_create(
    *,
    placement: Placement,
    date: datetime.date,
    kind: str,
    status: str,
    visited_by: User | None,
    time: datetime.time | None = None,
    mentor_present: bool = False,
    findings: str = "",
    follow_up: str = "",
    distance_km: Decimal | None = None,
) -> Visit:
    """Records a visit the supervisor plans or has made."""
    visit = Visit(
        placement=placement,
        date=date,
        time=time,
        kind=kind,
        status=status,
        visited_by=visited_by,
        mentor_present=mentor_present,
        findings=findings.strip(),
        follow_up=follow_up.strip(),
        distance_km=distance_km,
    )
    visit.full_clean()
    _validate_visit(visit)
    visit.save()
    return visit


@transaction.atomic
def visit_update(*, visit: Visit, data: dict[str, Any]) -> Visit:
    """Changes a visit, for instance to record what was found once it was made."""
    model_update(
        instance=visit, fields=VISIT_FIELDS, data=_clean_text(data), validate=_validate_visit
    )
    return visit


@transaction.atomic
def visit_delete(*, visit: Visit) -> None:
    visit.delete()
