"""The visit plan: when each placement should be visited, and whether it was (8.2.2, annex 3).

Annex 3 ("4. Plannen stagebegeleidingsbezoeken") asks the school to plan the supervisor's
visits so that "alle leerlingen op regelmatige tijdstippen bezocht worden". The programme's rule
(``Programme.visit_interval_weeks``) says how:

- every block period gets at least one visit, proposed on the middle internship day of the
  period;
- an alternating period gets one visit every ``visit_interval_weeks`` weeks, proposed on the
  middle internship day of each stretch of that many weeks (a stretch without internship days,
  a holiday, gets none).

A proposal is *done* when a visit that was made falls within its window, *planned* when a
planned visit does, *overdue* when its window passed without any visit, else *to plan*. An
overdue proposal is *caught up* once the placement has a visit after the window.
"""

import datetime
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from compliance.engine.patterns import expand_internship
from compliance.models import Exemption, ScheduleException
from internships.models import Placement, PlacementPeriod, Programme, Visit
from internships.selectors.schedules import holiday_dates, override_for, planned_days

WEEK = datetime.timedelta(weeks=1)
DEFAULT_INTERVAL_WEEKS = 4

PLAN_RELATIONS = (
    "student__school_class__programme",
    "school_class__programme",
    "school_year",
    "host",
    "workplace",
    "supervisor",
)


class ProposalStatus(models.TextChoices):
    DONE = "done", _("afgelegd")
    PLANNED = "planned", _("gepland")
    TO_PLAN = "to_plan", _("te plannen")
    OVERDUE = "overdue", _("achterstallig")


@dataclass(frozen=True)
class VisitProposal:
    """One visit the rule asks for: its window, the proposed day and how it stands."""

    placement: Placement
    period: PlacementPeriod
    window_start: datetime.date
    window_end: datetime.date
    proposed_on: datetime.date
    status: ProposalStatus
    visit: Visit | None
    caught_up: bool

    @property
    def is_block(self) -> bool:
        return self.period.kind == PlacementPeriod.Kind.BLOCK

    @property
    def is_done(self) -> bool:
        return self.status == ProposalStatus.DONE

    @property
    def is_planned(self) -> bool:
        return self.status == ProposalStatus.PLANNED

    @property
    def is_to_plan(self) -> bool:
        return self.status == ProposalStatus.TO_PLAN

    @property
    def is_overdue(self) -> bool:
        return self.status == ProposalStatus.OVERDUE

    @property
    def is_open(self) -> bool:
        """Overdue and not caught up by a later visit: the supervisor still has to go."""
        return self.is_overdue and not self.caught_up

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def plan_url(self) -> str:
        """The visit form of the placement, on the proposed day."""
        path = reverse("internships:visit-create", args=[self.placement.pk])
        return f"{path}?datum={self.proposed_on.isoformat()}"


def plan_queryset(placements: QuerySet[Placement]) -> QuerySet[Placement]:
    """The placements with everything their plan reads, in a fixed number of queries (for a
    checked placement: its stored windows, periods and visits).

    The related rows go to plain lists (``to_attr``): a list of hundreds of placements would
    otherwise build a queryset per placement and relation just to hold them."""
    return (
        placements.active()
        .select_related(*PLAN_RELATIONS, "compliance")
        .defer("compliance__violations", "compliance__totals")
        .prefetch_related(
            Prefetch("visit_windows", to_attr="plan_windows"),
            Prefetch("periods", to_attr="plan_periods"),
            # A placement not checked yet is expanded from these (few rows for the others).
            Prefetch(
                "schedule_exceptions",
                queryset=ScheduleException.objects.order_by("date"),
                to_attr="plan_exceptions",
            ),
            Prefetch("exemptions", to_attr="plan_exemptions"),
            Prefetch(
                "visits",
                queryset=Visit.objects.order_by("date", "time", "pk"),
                to_attr="plan_visits",
            ),
        )
        .order_by("start_date", "student__last_name", "student__first_name", "pk")
    )


def _related(placement: Placement, prefetched: str, relation: str) -> list:
    """The rows :func:`plan_queryset` put on the placement, else read from the relation."""
    if hasattr(placement, prefetched):
        return getattr(placement, prefetched)
    return list(getattr(placement, relation).all())


def programme_of(placement: Placement) -> Programme | None:
    school_class = placement.school_class or placement.student.school_class
    return school_class.programme if school_class else None


def interval_weeks(placement: Placement) -> int:
    programme = programme_of(placement)
    return programme.visit_interval_weeks if programme else DEFAULT_INTERVAL_WEEKS


def internship_days(placement: Placement, holidays: tuple[set, set] | None = None) -> dict:
    """The placement's planned days (``planned_days``); a list of placements passes the
    school's holidays, read once for all of them, so its queries do not grow with its rows."""
    if holidays is None:
        return planned_days(placement)
    legal, school = holidays
    exemptions = _related(placement, "plan_exemptions", "exemptions")
    return expand_internship(
        [period.as_pattern() for period in _related(placement, "plan_periods", "periods")],
        [
            override_for(exception)
            for exception in _related(placement, "plan_exceptions", "schedule_exceptions")
        ],
        legal_holidays=legal,
        school_holidays=school,
        work_on_legal_holidays=any(
            exemption.kind == Exemption.Kind.HOLIDAY_WORK for exemption in exemptions
        ),
    )


def period_windows(
    period: PlacementPeriod, weeks: int
) -> Iterable[tuple[datetime.date, datetime.date]]:
    """A block period is one window; an alternating period one every ``weeks`` weeks."""
    if period.kind == PlacementPeriod.Kind.BLOCK:
        yield period.start_date, period.end_date
        return
    start = period.start_date
    while start <= period.end_date:
        yield start, min(start + weeks * WEEK - datetime.timedelta(days=1), period.end_date)
        start += weeks * WEEK


@dataclass(frozen=True)
class Window:
    """A visit the rule asks for: its period, its window and the day proposed."""

    period: PlacementPeriod
    window_start: datetime.date
    window_end: datetime.date
    proposed_on: datetime.date


def windows_of(
    periods: Iterable[PlacementPeriod], days: Collection[datetime.date], weeks: int
) -> list[Window]:
    """The windows of a placement's periods that hold planned days, in date order, each with
    its middle internship day proposed (annex 3)."""
    internship = sorted(days)
    windows = []
    for period in sorted(periods, key=lambda period: period.start_date):
        for start, end in period_windows(period, weeks):
            inside = [day for day in internship if start <= day <= end]
            if inside:
                windows.append(Window(period, start, end, inside[len(inside) // 2]))
    return windows


def placement_plan(
    placement: Placement,
    *,
    today: datetime.date,
    days: Collection[datetime.date] | None = None,
) -> list[VisitProposal]:
    """The proposals of one placement, in date order (``days``: its planned days, if known)."""
    days = internship_days(placement) if days is None else days
    visits = _related(placement, "plan_visits", "visits")
    periods = _related(placement, "plan_periods", "periods")
    proposals = [
        _proposal(placement, window, visits, today)
        for window in windows_of(periods, days, interval_weeks(placement))
    ]
    return sorted(proposals, key=lambda proposal: (proposal.proposed_on, proposal.period.pk))


def _proposal(placement: Placement, window, visits: list[Visit], today) -> VisitProposal:
    """How ``window`` (a :class:`Window` or a stored ``VisitWindow``) stands by the visits."""
    start, end = window.window_start, window.window_end
    within = [visit for visit in visits if start <= visit.date <= end]
    done = next((visit for visit in within if visit.is_done), None)
    planned = next((visit for visit in within if not visit.is_done), None)
    if done is not None:
        status, visit = ProposalStatus.DONE, done
    elif planned is not None:
        status, visit = ProposalStatus.PLANNED, planned
    elif end < today:
        status, visit = ProposalStatus.OVERDUE, None
    else:
        status, visit = ProposalStatus.TO_PLAN, None
    return VisitProposal(
        placement=placement,
        period=window.period,
        window_start=start,
        window_end=end,
        proposed_on=window.proposed_on,
        status=status,
        visit=visit,
        caught_up=any(visit.date > end for visit in visits),
    )


def _stored_windows(placement: Placement) -> list | None:
    """The windows stored with the placement's latest check (``visits.VisitWindow``), when
    :func:`plan_queryset` read them and the placement was checked; else ``None``. Each gets its
    period from the placement's periods, so no query per window."""
    if not hasattr(placement, "plan_windows") or getattr(placement, "compliance", None) is None:
        return None
    periods = {period.pk: period for period in _related(placement, "plan_periods", "periods")}
    for window in placement.plan_windows:
        window.period = periods[window.period_id]
    return placement.plan_windows


def plans_of(placements: Iterable[Placement], *, today: datetime.date) -> list[VisitProposal]:
    """The proposals of many placements (from :func:`plan_queryset`), in date order: from the
    stored windows of checked placements, expanded here for a placement not checked yet."""
    holidays: dict[tuple[int, int], tuple[set, set]] = {}
    proposals = []
    for placement in placements:
        windows = _stored_windows(placement)
        if windows is None:
            key = (placement.school_year_id, placement.school_id)
            if key not in holidays:
                holidays[key] = holiday_dates(placement.school_year, placement.school_id)
            proposals.extend(
                placement_plan(
                    placement, today=today, days=internship_days(placement, holidays[key])
                )
            )
            continue
        visits = _related(placement, "plan_visits", "visits")
        proposals.extend(_proposal(placement, window, visits, today) for window in windows)
    return sorted(
        proposals, key=lambda proposal: (proposal.proposed_on, proposal.placement.student.pk)
    )
