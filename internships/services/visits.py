"""Writes for the supervisor's visits (stagebezoeken) during a placement (8.2.2)."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Placement, User, Visit
from internships.services.common import model_update

VISIT_FIELDS = ["date", "kind", "status", "visited_by", "mentor_present", "findings", "follow_up"]
# A visit after the last day still belongs to the placement: the talk that looks back on it (8.3).
DAYS_AFTER_END = 30


def _validate_visit(visit: Visit) -> None:
    """A visit lies between the placement's start and a month after its end; one that was
    made cannot be in the future."""
    placement = visit.placement
    last_day = placement.end_date + datetime.timedelta(days=DAYS_AFTER_END)
    if not placement.start_date <= visit.date <= last_day:
        raise ValidationError(
            {
                "date": [
                    _(
                        "Een stagebezoek valt tussen de begindatum van de stage en %(days)s dagen "
                        "na de einddatum (%(last_day)s)."
                    )
                    % {"days": DAYS_AFTER_END, "last_day": f"{last_day:%d/%m/%Y}"}
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
    mentor_present: bool = False,
    findings: str = "",
    follow_up: str = "",
) -> Visit:
    """Records a visit the supervisor plans or has made."""
    visit = Visit(
        placement=placement,
        date=date,
        kind=kind,
        status=status,
        visited_by=visited_by,
        mentor_present=mentor_present,
        findings=findings.strip(),
        follow_up=follow_up.strip(),
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
