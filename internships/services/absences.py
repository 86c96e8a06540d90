"""Writes for what happens during a placement: absences and make-up internships (inhaalstage)."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.principals import Capability, MentorLink, Principal, require_capability
from internships.models import (
    Absence,
    MakeUpPlacement,
    Notification,
    Placement,
    PlacementPeriod,
    User,
)
from internships.selectors.schedules import planned_days
from internships.services.audit import acting_as
from internships.services.notifications import notification_queue
from internships.services.placements import period_create, placement_update


def _check_absence(placement: Placement, date: datetime.date, hours: Any) -> None:
    if not placement.start_date <= date <= placement.end_date:
        raise ValidationError({"date": [_("Deze dag valt buiten de stage.")]})
    planned = planned_days(placement).get(date)
    if planned is None:
        raise ValidationError({"date": [_("Op deze dag is er geen stage gepland.")]})
    if hours is not None and Decimal(hours) * 60 > planned.minutes:
        raise ValidationError(
            {
                "hours": [
                    _("Op deze dag zijn maar %(hours)s uren stage gepland.")
                    % {"hours": f"{planned.minutes / 60:g}".replace(".", ",")}
                ]
            }
        )
    if placement.absences.filter(date=date).exists():
        raise ValidationError({"date": [_("Voor deze dag is al een afwezigheid geregistreerd.")]})


@transaction.atomic
def absence_record(
    *,
    placement: Placement,
    date: datetime.date,
    hours: Any,
    justification: str,
    recorded_by: User,
    reason: str = "",
) -> Absence:
    """Staff record an absence with their judgement of it (section 4)."""
    _check_absence(placement, date, hours)
    absence = Absence(
        placement=placement,
        date=date,
        hours=hours,
        justification=justification,
        reason=reason,
        recorded_by=recorded_by,
    )
    if justification != Absence.Justification.PENDING:
        absence.decided_by, absence.decided_at = recorded_by, timezone.now()
    absence.full_clean()
    absence.save()
    return absence


@transaction.atomic
def absence_report(
    *,
    placement: Placement,
    principal: Principal,
    date: datetime.date,
    hours: Any,
    reason: str = "",
) -> Absence:
    """The mentor reports through their link that the pupil was absent; the school decides
    whether it was justified. The supervisor is told by e-mail."""
    require_capability(principal, Capability.REPORT_ABSENCE)
    if not isinstance(principal, MentorLink) or principal.mentor_id != placement.mentor_id:
        raise PermissionDenied
    _check_absence(placement, date, hours)
    absence = Absence(
        placement=placement,
        date=date,
        hours=hours,
        justification=Absence.Justification.PENDING,
        reason=reason,
        reported_by_mentor=placement.mentor,
    )
    absence.full_clean()
    acting_as(absence, principal)
    absence.save()
    supervisor = placement.supervisor
    if supervisor is not None:
        notification_queue(
            school=placement.school,
            kind=Notification.Kind.ABSENCE_REPORTED,
            recipient_name=supervisor.get_full_name(),
            recipient_email=supervisor.email,
            reason=_("De stagementor meldde een afwezigheid van %(student)s op %(date)s.")
            % {"student": placement.student, "date": date.strftime("%d/%m/%Y")},
            template="internships/emails/absence_reported",
            context={
                "supervisor": supervisor.get_full_name(),
                "student": placement.student.full_name,
                "mentor": placement.mentor.full_name,
                "host": placement.host.name,
                "absent_on": date.isoformat(),
                "hours": f"{Decimal(hours):g}".replace(".", ","),
                "absence_reason": reason,
                "path": reverse("internships:placement-detail", args=[placement.pk]),
            },
            placement=placement,
        )
    return absence


@transaction.atomic
def absence_decide(*, absence: Absence, justification: str, user: User) -> Absence:
    """The school judges an absence: justified, or unjustified and sanctioned as at school (4)."""
    if justification not in (Absence.Justification.JUSTIFIED, Absence.Justification.UNJUSTIFIED):
        raise ValidationError(_("Kies gewettigd of onwettig."))
    absence.justification = justification
    absence.decided_by = user
    absence.decided_at = timezone.now()
    absence.save(update_fields=["justification", "decided_by", "decided_at"])
    return absence


@transaction.atomic
def make_up_create(
    *,
    placement: Placement,
    reason: str,
    decided_on: datetime.date,
    start_date: datetime.date,
    end_date: datetime.date,
    weekdays: list[int],
    start_time: datetime.time,
    end_time: datetime.time,
    breaks: list[list[str]] | None = None,
    absences: list[Absence] | None = None,
) -> MakeUpPlacement:
    """Plans an inhaalstage: extra days at the same host, within the school year (4).

    The placement's end date moves along when the make-up days fall after it.
    """
    if placement.status not in (Placement.Status.PREPARING, Placement.Status.STARTED):
        raise ValidationError(
            _("Een inhaalstage kan enkel bij een stage in voorbereiding of een lopende stage.")
        )
    school_year = placement.school_year
    if start_date not in school_year or end_date not in school_year:
        raise ValidationError(
            {
                "end_date": [
                    _("Een inhaalstage valt binnen hetzelfde schooljaar (ten laatste 31 augustus).")
                ]
            }
        )
    if end_date > placement.end_date or start_date < placement.start_date:
        placement_update(
            placement=placement,
            data={
                "start_date": min(start_date, placement.start_date),
                "end_date": max(end_date, placement.end_date),
            },
        )
    period = period_create(
        placement=placement,
        kind=PlacementPeriod.Kind.BLOCK,
        start_date=start_date,
        end_date=end_date,
        weekdays=weekdays,
        start_time=start_time,
        end_time=end_time,
        breaks=breaks,
    )
    make_up = MakeUpPlacement(
        placement=placement, period=period, reason=reason, decided_on=decided_on
    )
    make_up.full_clean()
    make_up.save()
    if absences:
        foreign = [absence for absence in absences if absence.placement_id != placement.pk]
        if foreign:
            raise ValidationError({"absences": [_("Kies afwezigheden van deze stage.")]})
        make_up.absences.set(absences)
    return make_up
