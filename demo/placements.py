"""Creates the demo placements (the first step).

2025–2026 is over: its placements will be completed, a few were cancelled and replaced. In
2026–2027 the demo stands on ``REFERENCE_DATE``: what began will be running, the rest is being
prepared, and a few placements still lack a mentor or a supervisor (only ones that have not
begun: without them no agreement can be signed, and without an agreement nothing starts).

This step only creates placements and their periods, and checks each pupil's year once at the
end; each gets a :class:`Intent` saying how far it goes. ``demo.lifecycle`` then prepares and
starts them once their schedules are checked. The placements and periods, a thousand at scale
10, are written in bulk as ``placement_create`` and ``period_create`` would store them, with
the same history (``demo.bulk``), and so are the cancellations (``placement_transition``).
"""

from dataclasses import dataclass

from compliance.services import compliance_check_student_years
from demo.agreements import AgreementDesk
from demo.builders import DemoSchool, HostBundle, Pupil
from demo.bulk import Batch
from demo.calendar import CALENDARS, CURRENT_YEAR, PAST_YEAR, REFERENCE_DATE, WEEK
from demo.paperwork import Papers, Paperwork
from demo.schedules import (
    BLOCK,
    DEFAULT_HOURS,
    RECIPES,
    WORKING_HOURS,
    PlacementPlan,
    Planner,
)
from internships.models import Agreement, Placement, PlacementPeriod, SchoolClass
from visits.services.windows import visit_windows_deferred

Status = Placement.Status

NOTES = (
    "Komt met de fiets; werkkledij en veiligheidsschoenen meebrengen.",
    "Bereikbaar met De Lijn; de bus stopt voor de deur.",
    "Leerling heeft een vaccinatieattest nodig vóór de start (hepatitis B).",
    "Eerste dag melden aan het onthaal om 08:15.",
    "Mentor vraagt een kennismakingsgesprek in de week voor de start.",
    "Leerling is vrijgesteld van het vak Frans tijdens de stageweken.",
)
# School A's pupils of this programme go to one host per class: a group agreement (8.1.2).
GROUP_PROGRAMME = {"A": ("EMT", "metal")}
CANCELLED_REASON = "De stagegever kan de leerling door personeelstekort toch niet ontvangen."


@dataclass
class Intent:
    """A placement just created, and how far the demo takes it."""

    placement: Placement
    pupil: Pupil
    plan: PlacementPlan
    sector: str
    outcome: str  # COMPLETED (2025–2026), STARTED or PREPARING (2026–2027)
    make_up: bool = False  # two days missed through illness, made up a few weeks later
    absences: bool = False  # a day or two missed
    level: str = ""  # how far the preparation goes, see ``demo.lifecycle``
    grouped: bool = False  # the pupil's agreement is an annex of a group agreement


class PlacementBuilder:
    """Creates the placements of one demo school, pupil by pupil."""

    def __init__(self, demo: DemoSchool, desk: AgreementDesk) -> None:
        self.demo = demo
        self.desk = desk
        self.rng = demo.rng
        self.planners = {year: Planner(CALENDARS[year], demo.rng) for year in CALENDARS}
        # One inhaalstage per scale unit, at the first school.
        self.make_ups_left = demo.scale if demo.spec.key == "A" else 0
        self.intents: list[Intent] = []
        self.batch = Batch()
        self.paperwork = Paperwork(desk, self.batch)
        self.created: list[Placement] = []
        self.group_hosts: dict[int, HostBundle] = {}
        self.past_count = 0
        self.later_count = 0
        self.leavers = 0

    def build(self) -> list[Intent]:
        for pupil in self.demo.pupils:
            spec = pupil.programme
            if pupil.class_year == PAST_YEAR:
                plans = RECIPES[spec.recipe](self.planners[PAST_YEAR], spec)
                if spec.final_year:
                    self._past(pupil, plans)
                else:
                    self._left_school(pupil, plans)
                continue
            if spec.previous_recipe:
                self._past(pupil, RECIPES[spec.previous_recipe](self.planners[PAST_YEAR], spec))
            plans = RECIPES[spec.recipe](self.planners[CURRENT_YEAR], spec)
            if spec.grade == 3 and self.rng.random() < 0.08:
                continue  # still looking for a host: the dashboard shows these pupils
            for plan in plans:
                self._current(pupil, plan)
        self._write()
        return self.intents

    def _write(self) -> None:
        """Writes the placements and their periods, and the cancelled placements' drafts (what
        each states read now, as it was when drawn up); then checks each pupil-year once, in
        the order they came, all stored together with their visit windows (as
        ``compliance_checks_deferred`` would at the end of the step)."""
        self.batch.insert(Placement, PlacementPeriod, Agreement)
        self.paperwork.prefetch()
        for papers in self.paperwork.papers:
            papers.content.read_of(papers.agreement, None)  # no activity list yet
        self.paperwork.write()
        self.batch.write()
        pupil_years: dict[tuple[int, int], Placement] = {}
        for placement in self.created:
            pupil_years.setdefault((placement.student_id, placement.school_year_id), placement)
        with visit_windows_deferred():
            compliance_check_student_years(
                (placement.student, placement.school_year) for placement in pupil_years.values()
            )

    def _cancel(self, placement: Placement, papers: Papers | None = None, **ending) -> None:
        """As ``placement_transition`` to cancelled: its agreement, if any, is terminated."""
        placement.status = Status.CANCELLED
        self.batch.changed(placement)
        if papers is not None:
            self.paperwork.terminate(papers, **ending)

    def _hosts(self, pupil: Pupil, plan: PlacementPlan) -> list[HostBundle]:
        for sectors in (plan.sectors, pupil.programme.sectors):
            hosts = [bundle for sector in sectors for bundle in self.demo.hosts.get(sector, [])]
            if hosts:
                return hosts
        raise LookupError(f"No demo host for {pupil.programme.name}.")

    def _group_host(self, pupil: Pupil) -> HostBundle | None:
        """The host that takes the whole class, for the group agreement's programme."""
        code, sector = GROUP_PROGRAMME.get(self.demo.spec.key, ("", ""))
        school_class: SchoolClass = pupil.student.school_class
        if pupil.programme.code != code:
            return None
        if school_class.pk not in self.group_hosts:
            bundles = self.demo.hosts[sector]
            self.group_hosts[school_class.pk] = bundles[len(self.group_hosts) % len(bundles)]
        return self.group_hosts[school_class.pk]

    def _create(
        self,
        pupil: Pupil,
        year: int,
        plan: PlacementPlan,
        bundle: HostBundle,
        *,
        with_mentor: bool = True,
        with_supervisor: bool = True,
        notes: str = "",
    ) -> Placement:
        """A placement with its periods, as ``placement_create`` and ``period_create`` store
        them (the pupil's class counts when it belongs to the school year)."""
        hours = WORKING_HOURS.get(bundle.sector, DEFAULT_HOURS)
        school_year = self.demo.years[year]
        school_class = pupil.student.school_class
        if school_class is not None and school_class.school_year_id != school_year.pk:
            school_class = None
        placement = Placement(
            school=self.demo.school,
            student=pupil.student,
            school_year=school_year,
            school_class=school_class,
            host=bundle.host,
            workplace=self.rng.choice(bundle.workplaces),
            kind=plan.kind,
            start_date=plan.start_date,
            end_date=plan.end_date,
            mentor=self.rng.choice(bundle.mentors) if with_mentor else None,
            supervisor=self.demo.staff[pupil.programme.supervisor] if with_supervisor else None,
            notes=notes or (self.rng.choice(NOTES) if self.rng.random() < 0.15 else ""),
        )
        self.batch.add(placement)
        self.created.append(placement)
        for period in plan.periods:
            self.batch.add(
                PlacementPeriod(
                    placement=placement,
                    kind=period.kind,
                    start_date=period.start_date,
                    end_date=period.end_date,
                    weekdays=sorted(period.weekdays),
                    every_n_weeks=period.every_n_weeks,
                    start_time=hours.start,
                    end_time=hours.end,
                    breaks=[list(pause) for pause in hours.breaks],
                )
            )
        return placement

    def _intent(self, pupil: Pupil, plan: PlacementPlan, bundle: HostBundle, **kwargs) -> Intent:
        intent = Intent(kwargs.pop("placement"), pupil, plan, bundle.sector, **kwargs)
        self.intents.append(intent)
        return intent

    def _past(self, pupil: Pupil, plans: list[PlacementPlan]) -> None:
        """Completed placements; now and then one replaced a cancelled one at another host,
        whose agreement was still a draft: it is terminated."""
        for position, plan in enumerate(plans):
            self.past_count += 1
            hosts = self._hosts(pupil, plan)
            bundle = self.rng.choice(hosts)
            if self.past_count % 9 == 4 and len(hosts) > 1:
                other = self.rng.choice([host for host in hosts if host is not bundle])
                cancelled = self._create(
                    pupil,
                    PAST_YEAR,
                    plan,
                    other,
                    notes=(
                        "Stagegever kon de leerling door personeelstekort toch niet ontvangen; "
                        f"vervangen door een stage bij {bundle.host}."
                    ),
                )
                papers = self.paperwork.draft(cancelled, other.sector)
                self._cancel(
                    cancelled, papers, on=plan.start_date - 2 * WEEK, reason=CANCELLED_REASON
                )
            placement = self._create(pupil, PAST_YEAR, plan, bundle)
            last = position == len(plans) - 1
            make_up = bool(self.make_ups_left and last and self._can_make_up(plan))
            self.make_ups_left -= make_up
            absences = not make_up and self.rng.random() < 0.15
            self._intent(
                pupil,
                plan,
                bundle,
                placement=placement,
                outcome=Status.COMPLETED,
                make_up=make_up,
                absences=absences,
            )

    @staticmethod
    def _can_make_up(plan: PlacementPlan) -> bool:
        """A single block, not at the end of the year: days missed are made up weeks later."""
        return plan.kind == BLOCK and len(plan.periods) == 1 and plan.end_date.month not in (5, 6)

    def _left_school(self, pupil: Pupil, plans: list[PlacementPlan]) -> None:
        """Pupils who left the school during 2025–2026: every other one had a placement planned."""
        self.leavers += 1
        if not plans or self.leavers % 2 == 0:
            return
        plan = plans[0]
        placement = self._create(
            pupil,
            PAST_YEAR,
            plan,
            self.rng.choice(self._hosts(pupil, plan)),
            notes="Leerling heeft de school verlaten; de stage is geannuleerd.",
        )
        self._cancel(placement)

    def _current(self, pupil: Pupil, plan: PlacementPlan) -> None:
        """Running or in preparation; a few of those still to begin lack a mentor or a
        supervisor."""
        bundle = self._group_host(pupil) or self.rng.choice(self._hosts(pupil, plan))
        begun = plan.start_date <= REFERENCE_DATE
        if not begun:
            self.later_count += 1
        placement = self._create(
            pupil,
            CURRENT_YEAR,
            plan,
            bundle,
            with_mentor=begun or self.later_count % 7 != 3,
            with_supervisor=begun or self.later_count % 11 != 5,
        )
        self._intent(
            pupil,
            plan,
            bundle,
            placement=placement,
            outcome=Status.STARTED if begun else Status.PREPARING,
            absences=begun and self.rng.random() < 0.15,
        )


def placements_create(demo: DemoSchool, desk: AgreementDesk) -> list[Intent]:
    return PlacementBuilder(demo, desk).build()
