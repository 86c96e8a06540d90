"""The monthly travel expense report of a supervisor (7.2: "kilometervergoeding").

The school pays the supervisor's travel costs. Every visit the supervisor made in the month is
a line: its kilometres are those recorded on the visit (``distance_km``, the supervisor's own
count), else the computed round trip from the school to the workplace (an on-site visit with
coordinates); a call, a video call or a talk at school costs no travel unless kilometres were
recorded. The amount is the kilometres times the school's rate per km, less the reduction the
school board applies (at most 10 %, with an omnium insurance for business travel), rounded to
the cent per line; the total is the sum of the lines.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from core.principals import Principal
from internships.models import Placement, School, User, Visit
from visits.providers import Router
from visits.selectors.follow_up import VISIT_RELATIONS, own_visits_filter
from visits.selectors.locations import round_trips, school_point
from visits.selectors.people import supervisor_get_for

CENT = Decimal("0.01")


class KmSource:
    RECORDED = "recorded"
    COMPUTED = "computed"
    UNKNOWN = "unknown"
    NO_TRAVEL = "no_travel"


KM_SOURCE_LABELS = {
    KmSource.RECORDED: _("opgegeven"),
    KmSource.COMPUTED: _("berekend"),
    KmSource.UNKNOWN: _("onbekend"),
    KmSource.NO_TRAVEL: _("geen verplaatsing"),
}


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def month_label(month: datetime.date) -> str:
    """``november 2026``, in the active language."""
    return formats.date_format(month, "F Y").lower()


@dataclass(frozen=True)
class ExpenseLine:
    visit: Visit
    km: Decimal
    km_source: str
    amount: Decimal

    @property
    def km_source_label(self) -> str:
        return str(KM_SOURCE_LABELS[self.km_source])

    @property
    def is_computed(self) -> bool:
        return self.km_source == KmSource.COMPUTED

    @property
    def is_unknown(self) -> bool:
        return self.km_source == KmSource.UNKNOWN


@dataclass(frozen=True)
class ExpenseReport:
    school: School
    supervisor: User
    month: datetime.date
    rate: Decimal
    reduction_percent: int
    lines: list[ExpenseLine]

    @property
    def month_label(self) -> str:
        return month_label(self.month)

    @property
    def total_km(self) -> Decimal:
        return sum((line.km for line in self.lines), Decimal(0))

    @property
    def total_amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def rate_after_reduction(self) -> Decimal:
        return self.rate * (100 - self.reduction_percent) / 100

    @property
    def has_unknown_km(self) -> bool:
        """An on-site visit without kilometres and without a computable trip."""
        return any(line.is_unknown for line in self.lines)

    @property
    def has_reduction(self) -> bool:
        return self.reduction_percent > 0


def line_amount(km: Decimal, *, rate: Decimal, reduction_percent: int) -> Decimal:
    """Kilometres times the rate, less the reduction, to the cent."""
    amount = km * rate * (100 - reduction_percent) / 100
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def month_visits(supervisor: User, month: datetime.date) -> QuerySet[Visit]:
    """The visits ``supervisor`` made in the month (placements not cancelled)."""
    return (
        Visit.objects.filter(
            own_visits_filter(supervisor),
            status=Visit.Status.DONE,
            date__range=(month, month_end(month)),
            placement__school_id=supervisor.school_id,
        )
        .exclude(placement__status=Placement.Status.CANCELLED)
        .select_related(*VISIT_RELATIONS)
        .order_by("date", "time", "pk")
    )


def expense_report(
    *, supervisor: User, month: datetime.date, router: Router | None = None
) -> ExpenseReport:
    """The report of ``supervisor`` for the month of ``month``, for a caller that checked the
    reader's access (:func:`expense_report_for`, the documents app's request)."""
    month = month_start(month)
    school = supervisor.school
    visits = list(month_visits(supervisor, month))
    needs_trip = [
        visit.placement.workplace
        for visit in visits
        if visit.distance_km is None and visit.kind == Visit.Kind.ON_SITE
    ]
    trips = round_trips(school_point(school), needs_trip, router=router) if needs_trip else {}
    rate, reduction = school.mileage_rate, school.mileage_reduction_percent
    lines = []
    for visit in visits:
        trip = trips.get(visit.placement.workplace_id)
        if visit.distance_km is not None:
            km, source = visit.distance_km, KmSource.RECORDED
        elif visit.kind == Visit.Kind.ON_SITE and trip is not None:
            km, source = trip.km, KmSource.COMPUTED
        elif visit.kind == Visit.Kind.ON_SITE:
            km, source = Decimal("0.0"), KmSource.UNKNOWN
        else:
            km, source = Decimal("0.0"), KmSource.NO_TRAVEL
        amount = line_amount(km, rate=rate, reduction_percent=reduction)
        lines.append(ExpenseLine(visit=visit, km=km, km_source=source, amount=amount))
    return ExpenseReport(
        school=school,
        supervisor=supervisor,
        month=month,
        rate=rate,
        reduction_percent=reduction,
        lines=lines,
    )


def expense_report_for(
    principal: Principal,
    *,
    supervisor: User,
    month: datetime.date,
    router: Router | None = None,
) -> ExpenseReport:
    """The report, for a principal who may see ``supervisor`` (``supervisor_get_for``)."""
    supervisor_get_for(principal, supervisor.pk)
    return expense_report(supervisor=supervisor, month=month, router=router)
