"""Prepares, starts and completes the demo placements (the second step), through the services.

By now every placement's schedule has been checked (``compliance_checks_deferred()`` ended in
the first step), so the gate reads real results. Each placement gets what it needs to start:
the workplace's risk documents, a health assessment where one is required, the activity list
and the agreement signed by the three parties; then ``placement_transition`` starts it, which
refuses to unless ``placement_start_blockers`` is empty. Starting and completing change no
schedule, so the checks they trigger are deferred once more and run together at the end.

What is still being prepared in 2026–2027 goes as far as a real school would have come on
``REFERENCE_DATE``: placements starting within three weeks mostly signed, a few still waiting
for a signature; those of the next weeks with a draft or an agreement out for signature; the
rest with at most an activity list. Make-up placements and the amendments come last, each
checked afresh when its schedule changes.
"""

from collections import defaultdict
from decimal import Decimal

from django.utils import timezone

from compliance.services import compliance_checks_deferred
from demo.activities import ActivityPlanner
from demo.agreements import AgreementDesk
from demo.builders import DemoSchool
from demo.calendar import CALENDARS, DAY, PAST_YEAR, REFERENCE_DATE, WEEK, Day
from demo.placements import GROUP_PROGRAMME, Intent
from demo.risks import RiskDesk, first_days
from demo.schedules import DEFAULT_HOURS, WORKING_HOURS, PlacementPlan, WorkingHours
from demo.visits import VisitPlanner
from internships.models import Absence, ActivityList, Party, Placement, User
from internships.selectors.schedules import planned_days
from internships.services.absences import absence_record, make_up_create
from internships.services.placements import placement_transition, placement_update

Status = Placement.Status
# How far a placement is prepared.
FULL = "full"  # everything, and it starts (and in 2025–2026 it is completed)
SIGNED = "signed"  # signed by the three parties, starting soon
AWAITING = "awaiting"  # offered for signature, one or two parties have signed
DRAFT = "draft"  # the activity list and a draft agreement
LIST = "list"  # only the activity list
NONE = "none"
GROUP = "group"  # an annex of the group agreement
DOCUMENTED = (FULL, SIGNED, AWAITING, GROUP)
SOON, NEAR = 21, 80  # days from REFERENCE_DATE
ABSENCE_REASONS = (
    (Absence.Justification.JUSTIFIED, "Ziek (doktersattest)"),
    (Absence.Justification.JUSTIFIED, "Ziek (verklaring van de ouders)"),
    (Absence.Justification.JUSTIFIED, "Begrafenis van een familielid"),
    (Absence.Justification.JUSTIFIED, "Afspraak in het ziekenhuis"),
    (Absence.Justification.UNJUSTIFIED, "Zonder verwittiging afwezig"),
)


class Lifecycle:
    """Takes the placements of one demo school as far as their intents say."""

    def __init__(self, demo: DemoSchool, intents: list[Intent], desk: AgreementDesk) -> None:
        self.demo = demo
        self.rng = demo.rng
        self.intents = intents
        self.desk = desk
        self.coordinator = demo.coordinator
        self.activities = ActivityPlanner(demo)
        self.risks = RiskDesk(demo, self.coordinator)
        self.visits = VisitPlanner(demo)
        self.lists: dict[int, ActivityList] = {}

    def run(self) -> None:
        self.activities.programme_activities_create()
        self._levels()
        groups = self._groups()
        documented = [(i.placement, i.sector) for i in self.intents if i.level in DOCUMENTED]
        for workplace, sector, first_day in first_days(documented).values():
            self.risks.workplace_documents(workplace, sector, first_day)
        with compliance_checks_deferred():
            for members in groups:
                self._group(members)
            for intent in self.intents:
                self._prepare(intent)
                if intent.level == FULL:
                    self._run(intent)
        for intent in self.intents:
            if intent.make_up:
                self._make_up(intent)
        self._mentor_change()

    def _levels(self) -> None:
        counters = defaultdict(int)
        for intent in self.intents:
            placement = intent.placement
            if intent.outcome != Status.PREPARING:
                intent.level = FULL
                continue
            days = (placement.start_date - REFERENCE_DATE).days
            window = "soon" if days <= SOON else "near" if days <= NEAR else "later"
            cycle = {
                "soon": (SIGNED, SIGNED, AWAITING),
                "near": (AWAITING, DRAFT, DRAFT),
                "later": (LIST, NONE, NONE),
            }[window]
            intent.level = cycle[counters[window] % 3]
            counters[window] += 1
            people = placement.mentor_id is not None and placement.supervisor_id is not None
            if intent.level in (SIGNED, AWAITING) and not people:
                intent.level = DRAFT

    def _groups(self) -> list[list[Intent]]:
        """Pupils of one class at one host in 2026–2027, with mentor and supervisor known."""
        classes: dict[tuple[int, int], list[Intent]] = defaultdict(list)
        for intent in self.intents:
            placement = intent.placement
            if (
                intent.outcome != Status.COMPLETED
                and placement.school_class_id is not None
                and placement.mentor_id is not None
                and placement.supervisor_id is not None
            ):
                classes[placement.host_id, placement.school_class_id].append(intent)
        code, _sector = GROUP_PROGRAMME.get(self.demo.spec.key, ("", ""))
        groups = []
        for members in classes.values():
            if len(members) >= 2 and members[0].pupil.programme.code == code:
                for intent in members:
                    intent.grouped = True
                    intent.level = FULL if intent.outcome == Status.STARTED else GROUP
                groups.append(members)
        return groups

    def _supervisor(self, placement: Placement) -> User:
        return placement.supervisor or self.coordinator

    def _documents_and_list(self, intent: Intent, *, health: bool) -> None:
        placement = intent.placement
        if health:
            self.risks.health_assessment(placement, intent.sector)
        self.lists[placement.pk] = self.activities.draw_up(
            placement, intent.sector, self._supervisor(placement)
        )

    def _group(self, members: list[Intent]) -> None:
        """The school and the host sign once; each pupil (or a parent) signs the annex, those
        who start later not all yet."""
        first = members[0].placement
        for intent in members:
            self._documents_and_list(intent, health=True)
            self.desk.draft(intent.placement, intent.sector)
        school_class = first.school_class
        self.desk.group(
            first.host,
            first.school_year,
            [intent.placement for intent in members],
            f"Stages {school_class.name} {first.school_year}",
        )
        for intent in members:
            placement = intent.placement
            soon = (placement.start_date - REFERENCE_DATE).days <= SOON
            if intent.outcome == Status.STARTED or (soon and self.rng.random() < 0.6):
                self.desk.sign_all(placement, self.desk.latest_version(placement))

    def _prepare(self, intent: Intent) -> None:
        level = intent.level
        if intent.grouped or level == NONE:
            return
        placement = intent.placement
        health = level in (FULL, SIGNED) or (level == AWAITING and self.rng.random() < 0.5)
        self._documents_and_list(intent, health=health)
        if level == LIST:
            return
        self.desk.draft(placement, intent.sector)
        if level == DRAFT:
            return
        version = self.desk.make_ready(placement)
        if level == AWAITING:
            self.desk.sign_some(placement, version)
        else:
            self.desk.sign_all(placement, version)

    def _run(self, intent: Intent) -> None:
        """Starts the placement; during it a day or two may be missed, the activities are
        ticked off on the days the pupil was there, and the supervisor visits."""
        placement = intent.placement
        placement_transition(placement=placement, status=Status.STARTED)
        completed = intent.outcome == Status.COMPLETED
        until = placement.end_date if completed else REFERENCE_DATE - DAY
        until = min(until, timezone.localdate())
        planned = planned_days(placement)
        days = sorted(planned)
        so_far = [day for day in days if day <= until]
        missed = set(_missed(intent.plan)) if intent.make_up else set()
        if intent.absences:
            missed |= self._absences(placement, so_far, planned)
        activity_list = self.lists.get(placement.pk) or ActivityList.objects.get(
            placement=placement
        )
        present = [day for day in so_far if day not in missed]
        self.activities.tick_off(activity_list, present, len(so_far) / len(days))
        self.visits.record(
            placement,
            sector=intent.sector,
            present=present,
            upcoming=[] if completed else [day for day in days if day > until],
            closing=completed and not intent.make_up,
            supervisor=self._supervisor(placement),
        )
        if completed and not intent.make_up:
            placement_transition(
                placement=placement, status=Status.COMPLETED, on=placement.end_date
            )

    def _hours(self, intent: Intent) -> WorkingHours:
        return WORKING_HOURS.get(intent.sector, DEFAULT_HOURS)

    def _absences(self, placement: Placement, days: list[Day], planned: dict) -> set[Day]:
        """One or two days missed, on days the pupil was due at the host."""
        missed = sorted(self.rng.sample(days, min(len(days), self.rng.choice((1, 1, 2)))))
        for day in missed:
            justification, reason = self.rng.choice(ABSENCE_REASONS)
            hours = Decimal(planned[day].minutes) / 60
            absence_record(
                placement=placement,
                date=day,
                hours=hours if self.rng.random() < 0.8 else hours / 2,
                justification=justification,
                reason=reason,
                recorded_by=self._supervisor(placement),
            )
        return set(missed)

    def _make_up(self, intent: Intent) -> None:
        """Two days of a single block missed through illness, made up a few weeks later: an
        amendment adds the days to the agreement, signed again before the placement ends."""
        placement, plan = intent.placement, intent.plan
        calendar = CALENDARS[PAST_YEAR]
        hours = self._hours(intent)
        absences = [
            absence_record(
                placement=placement,
                date=day,
                hours=hours.hours,
                justification=Absence.Justification.JUSTIFIED,
                reason="Ziek (doktersattest)",
                recorded_by=self._supervisor(placement),
            )
            for day in _missed(plan)
        ]
        monday = plan.end_date + 3 * DAY + 2 * WEEK
        while not (calendar.is_school_day(monday) and calendar.is_school_day(monday + DAY)):
            monday += WEEK
        make_up_create(
            placement=placement,
            reason="Inhalen van twee stagedagen gemist door ziekte.",
            decided_on=plan.end_date + 3 * DAY,
            start_date=monday,
            end_date=monday + DAY,
            weekdays=[0, 1],
            start_time=hours.start,
            end_time=hours.end,
            breaks=[list(pause) for pause in hours.breaks],
            absences=absences,
        )
        version = self.desk.amend(
            placement,
            f"Inhaalstage op {monday:%d/%m/%Y} en {monday + DAY:%d/%m/%Y} voor twee dagen "
            "gemist door ziekte.",
        )
        self.desk.sign_all(placement, version)
        placement.refresh_from_db()
        placement_transition(placement=placement, status=Status.COMPLETED, on=placement.end_date)

    def _mentor_change(self) -> None:
        """A running placement whose mentor is replaced: the amendment waits for the host."""
        for intent in self.intents:
            placement = intent.placement
            if intent.outcome != Status.STARTED or intent.grouped:
                continue
            others = [
                mentor
                for mentor in placement.host.mentors.order_by("pk")
                if mentor.pk != placement.mentor_id
            ]
            if not others:
                continue
            old = placement.mentor
            placement_update(placement=placement, data={"mentor": others[0]})
            version = self.desk.amend(
                placement,
                f"Andere stagementor: {others[0].full_name} neemt de begeleiding over van "
                f"{old.full_name}.",
            )
            self.desk.sign((Party.SCHOOL, Party.STUDENT), placement=placement, version=version)
            return


def _missed(plan: PlacementPlan) -> list[Day]:
    """The days a make-up placement makes up: the Tuesday and Wednesday of the block's last
    week, missed through illness."""
    return [plan.end_date - 3 * DAY, plan.end_date - 2 * DAY]


def placements_prepare_and_run(
    demo: DemoSchool, intents: list[Intent], desk: AgreementDesk
) -> None:
    Lifecycle(demo, intents, desk).run()
