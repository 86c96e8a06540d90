"""Prepares, starts and completes the demo placements (the second step).

By now every placement's schedule has been checked (``compliance_checks_deferred()`` ended in
the first step), so the gate reads real results. Each placement gets what it needs to start:
the workplace's risk documents, a health assessment where one is required, the activity list
and the agreement signed by the three parties; then it starts, once ``placement_start_blockers``
(the gate ``placement_transition`` asks) is empty. Starting and completing change no schedule,
so the checks stored before stay current.

What is still being prepared in 2026–2027 goes as far as a real school would have come on
``REFERENCE_DATE``: placements starting within three weeks mostly signed, a few still waiting
for a signature; those of the next weeks with a draft or an agreement out for signature; the
rest with at most an activity list. Make-up placements and the amendments come last, each
checked afresh when its schedule changes.

The hundreds of lists, agreements, signatures, absences and visits are written in bulk as their
services would store them, with the same history (``demo.bulk``, ``demo.paperwork``); the few
special cases (the group agreement, the make-ups, the mentor who is replaced) go through the
services, after what they build on is written.
"""

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from attendance.selectors.weeks import planned_days_by_placement
from demo.activities import ActivityPlanner, DrawnUp
from demo.agreements import AgreementDesk
from demo.amendments import make_up, mentor_change, missed_days
from demo.builders import DemoSchool
from demo.bulk import Batch
from demo.calendar import DAY, REFERENCE_DATE, Day
from demo.groups import GroupDesk
from demo.paperwork import Papers, Paperwork
from demo.placements import GROUP_PROGRAMME, Intent
from demo.risks import HealthUpload, RiskDesk, first_days
from demo.visits import VisitPlanner
from internships.models import Absence, Agreement, Party, Placement, User
from internships.selectors.agreement_content import DOCUMENT_LANGUAGE
from internships.selectors.gate import placement_start_blockers

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
    """Takes the placements of one demo school as far as their intents say.

    The story is told placement by placement, as the school would go about it, and what it
    writes is collected in one batch (``demo.bulk``); :meth:`_write` then writes it all, reads
    what each agreement states and lets each placement that begins pass the start gate.
    """

    def __init__(self, demo: DemoSchool, intents: list[Intent], desk: AgreementDesk) -> None:
        self.demo = demo
        self.rng = demo.rng
        self.intents = intents
        self.desk = desk
        self.coordinator = demo.coordinator
        self.batch = Batch()
        self.activities = ActivityPlanner(demo, self.batch)
        self.paperwork = Paperwork(desk, self.batch)
        self.groups = GroupDesk(desk, self.paperwork, self.batch)
        self.risks = RiskDesk(demo, self.coordinator, self.batch)
        self.visits = VisitPlanner(demo, self.batch)
        self.lists: dict[int, DrawnUp] = {}
        self.health: dict[int, HealthUpload] = {}
        self.papers: dict[int, Papers] = {}
        self.annexes: list[Papers] = []  # of group agreements, written before the others
        self.begun: list[Intent] = []

    def run(self) -> None:
        self.activities.programme_activities_create()
        self._levels()
        groups = self._groups()
        documented = [(i.placement, i.sector) for i in self.intents if i.level in DOCUMENTED]
        for workplace, sector, first_day in first_days(documented).values():
            self.risks.workplace_documents(workplace, sector, first_day)
        # The workplaces' risk documents are all written now: read once for every page of the
        # story that asks for them (the agreements, the gate, who needs a health assessment).
        prefetch_related_objects(
            [intent.placement for intent in self.intents],
            "workplace__risk_assessments",
            "workplace__workstation_sheets",
        )
        begun = [intent.placement for intent in self.intents if intent.level == FULL]
        self.planned = planned_days_by_placement(begun)
        for members in groups:
            self._group(members)
        for intent in self.intents:
            self._prepare(intent)
            if intent.level == FULL:
                self._run(intent)
        self._write()
        for intent in self.intents:
            if intent.make_up:
                make_up(intent, self.desk, self._supervisor(intent.placement))
        mentor_change(self.intents, self.desk)

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

    def _documents_and_list(self, intent: Intent, *, health: bool, at_once: bool) -> None:
        """The health assessment where needed (uploaded ``at_once``, else when written) and
        the activity list."""
        placement = intent.placement
        upload = self.risks.health_assessment(placement, intent.sector) if health else None
        if upload is not None and at_once:
            upload.upload()
        elif upload is not None:
            self.health[placement.pk] = upload
        self.lists[placement.pk] = self.activities.draw_up(
            placement, intent.sector, self._supervisor(placement)
        )

    def _group(self, members: list[Intent]) -> None:
        """The school and the host sign once; each pupil (or a parent) signs the annex, those
        who start later not all yet (``demo.groups``)."""
        first = members[0].placement
        annexes = []
        for intent in members:
            self._documents_and_list(intent, health=True, at_once=True)
            annexes.append(self.paperwork.draft(intent.placement, intent.sector))
        self.activities.write()  # the lists the annexes state
        group = self.groups.create(
            annexes,
            host=first.host,
            school_year=first.school_year,
            title=f"Stages {first.school_class.name} {first.school_year}",
        )
        self.groups.make_ready(group, annexes)
        self.groups.sign(group)
        for intent, papers in zip(members, annexes, strict=True):
            placement = intent.placement
            self.papers[placement.pk] = papers
            self.annexes.append(papers)
            soon = (placement.start_date - REFERENCE_DATE).days <= SOON
            if intent.outcome == Status.STARTED or (soon and self.rng.random() < 0.6):
                self.paperwork.sign(papers, (Party.STUDENT,))

    def _prepare(self, intent: Intent) -> None:
        level = intent.level
        if intent.grouped or level == NONE:
            return
        placement = intent.placement
        health = level in (FULL, SIGNED) or (level == AWAITING and self.rng.random() < 0.5)
        self._documents_and_list(intent, health=health, at_once=False)
        if level == LIST:
            return
        papers = self.papers[placement.pk] = self.paperwork.draft(placement, intent.sector)
        if level == DRAFT:
            return
        self.paperwork.make_ready(papers)
        if level == AWAITING:
            self.paperwork.sign_some(papers)
        else:
            self.paperwork.sign_all(papers)

    def _run(self, intent: Intent) -> None:
        """During the placement a day or two may be missed, the activities are ticked off on
        the days the pupil was there, and the supervisor visits; it starts (and, in 2025–2026,
        completes) once everything is written."""
        placement = intent.placement
        completed = intent.outcome == Status.COMPLETED
        until = placement.end_date if completed else REFERENCE_DATE - DAY
        until = min(until, timezone.localdate())
        planned = self.planned[placement.pk]
        days = sorted(planned)
        so_far = [day for day in days if day <= until]
        missed = set(missed_days(intent.plan)) if intent.make_up else set()
        if intent.absences:
            missed |= self._absences(placement, so_far, planned)
        present = [day for day in so_far if day not in missed]
        self.activities.tick_off(self.lists[placement.pk], present, len(so_far) / len(days))
        self.visits.record(
            placement,
            sector=intent.sector,
            present=present,
            upcoming=[] if completed else [day for day in days if day > until],
            closing=completed and not intent.make_up,
            supervisor=self._supervisor(placement),
        )
        self.begun.append(intent)

    def _write(self) -> None:
        """Writes the lists; reads, placement by placement, what each agreement states (with
        the pupil's health assessment as it was then); writes the agreements and signatures;
        lets each placement that begins pass the start gate, and starts and completes it."""
        self.activities.write()
        self.batch.insert(Agreement)
        self.paperwork.prefetch()
        for intent in self.intents:
            pk = intent.placement.pk
            if pk in self.health:
                self.health[pk].upload()
            if pk in self.papers and not intent.grouped:
                papers = self.papers[pk]
                drawn_up = self.lists.get(pk)
                papers.content.read_of(papers.agreement, drawn_up and drawn_up.activity_list)
        self.demo.files += self.paperwork.write()
        self.demo.files += [signature.scan.name for signature in self.groups.scans]
        annexes = [papers.agreement for papers in self.annexes]
        Agreement.objects.bulk_update(annexes, ["status", "updated_at"], batch_size=100)
        # Every health assessment is written now.
        prefetch_related_objects(
            [intent.placement for intent in self.begun], "student__health_assessments"
        )
        for intent in self.begun:
            blockers = placement_start_blockers(intent.placement)
            if blockers:
                raise ValidationError(blockers)
        self._start_and_complete()
        self.activities.write_ticks()
        self.batch.write()

    def _start_and_complete(self) -> None:
        """As ``placement_transition``: started, its agreement in force; in 2025–2026 also
        completed, its agreement ended. Their schedules do not change: the checks stored
        before stay current."""
        agreements = {pk: papers.agreement for pk, papers in self.papers.items()}
        with translation.override(DOCUMENT_LANGUAGE):
            completed_reason = _("De stage is afgerond.")
        placements, moved = [], []
        for intent in self.begun:
            placement, agreement = intent.placement, agreements[intent.placement.pk]
            placement.status = Status.STARTED
            self.batch.changed(placement)
            placements.append(placement)
            moved.append(agreement)
            if agreement.status == Agreement.Status.SIGNED:
                agreement.status = Agreement.Status.ACTIVE
                self.batch.changed(agreement)
            if intent.outcome != Status.COMPLETED or intent.make_up:
                continue
            placement.status = Status.COMPLETED
            self.batch.changed(placement)
            if agreement.status == Agreement.Status.ACTIVE:
                agreement.ended_on = placement.end_date
                agreement.end_reason = completed_reason
                agreement.status = Agreement.Status.ENDED
                self.batch.changed(agreement)
        Placement.objects.bulk_update(placements, ["status", "updated_at"], batch_size=100)
        fields = ["status", "ended_on", "end_reason", "updated_at"]
        Agreement.objects.bulk_update(moved, fields, batch_size=100)

    def _absences(self, placement: Placement, days: list[Day], planned: dict) -> set[Day]:
        """One or two days missed, on days the pupil was due at the host."""
        missed = sorted(self.rng.sample(days, min(len(days), self.rng.choice((1, 1, 2)))))
        for day in missed:
            justification, reason = self.rng.choice(ABSENCE_REASONS)
            hours = Decimal(planned[day].minutes) / 60
            supervisor = self._supervisor(placement)
            # As absence_record: recorded and judged at once by the supervisor.
            absence = Absence(
                placement=placement,
                date=day,
                hours=hours if self.rng.random() < 0.8 else hours / 2,
                justification=justification,
                reason=reason,
                recorded_by=supervisor,
                decided_by=supervisor,
                decided_at=timezone.now(),
            )
            self.batch.add(absence)
        return set(missed)


def placements_prepare_and_run(
    demo: DemoSchool, intents: list[Intent], desk: AgreementDesk
) -> None:
    Lifecycle(demo, intents, desk).run()
