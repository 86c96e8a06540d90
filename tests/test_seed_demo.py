"""``manage.py seed_demo``: realistic, valid and complete demo data, created once.

Every placement the demo starts passes the start gate for real: the ``seeded`` fixture records
what ``placement_start_blockers`` answered for each, and the tests check the facts behind it.
"""

import datetime
import itertools
import re
from collections import Counter
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from pypdf import PdfReader
from stdnum.be import nn, vat

from attendance.models import AttendanceWeek
from compliance.engine.volume import half_days
from compliance.models import ComplianceCheck, PlannedWeek
from core.principals import StaffMember
from core.storage import private_storage
from demo import lifecycle as lifecycle_module
from demo import placements as placements_module
from demo import seed as seed_module
from demo.builders import DemoDataError
from demo.calendar import REFERENCE_DATE
from demo.risks import RiskDesk
from demo.schools import SCHOOL_A, SCHOOL_B
from demo.seed import COUNTED, model_counts
from demo.specs import DEMO_PASSWORD
from internships.models import (
    Absence,
    Activity,
    Agreement,
    AgreementVersion,
    GroupAgreement,
    Guardian,
    HealthAssessment,
    Host,
    MakeUpPlacement,
    Party,
    Placement,
    PlacementPeriod,
    Programme,
    ProgrammeActivity,
    RiskAssessment,
    School,
    SchoolBoard,
    SchoolClass,
    SchoolYear,
    Signature,
    SignatureMethod,
    SignatureRequest,
    Student,
    User,
    Visit,
    WorkstationSheet,
)
from internships.selectors.agreements import awaiting_signatures
from internships.selectors.gate import placement_start_blockers
from internships.selectors.risks import health_assessment_required, latest_risk_assessment
from internships.selectors.signatures import Signable
from internships.services import placements as placement_services
from surveys.models import Survey
from tests.factories.models import SchoolFactory, UserFactory

LOGINS = {
    "coordinator": (SCHOOL_A, User.Role.COORDINATOR),
    "supervisor": (SCHOOL_A, User.Role.SUPERVISOR),
    "schooladmin": (SCHOOL_A, User.Role.SCHOOL_ADMIN),
    "coordinator-b": (SCHOOL_B, User.Role.COORDINATOR),
    "supervisor-b": (SCHOOL_B, User.Role.SUPERVISOR),
}
Kind = Placement.Kind
Status = Placement.Status
AgreementStatus = Agreement.Status
VersionStatus = AgreementVersion.Status
BEGUN = (Status.STARTED, Status.COMPLETED)
# What scale 1 creates: counted by the ``seeded`` fixture, so the scale test need not seed it again.
SCALE_ONE: dict = {}
# What the start gate answered for each placement the demo started, by primary key.
GATE: dict[int, list[str]] = {}


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def school(spec) -> School:
    return School.objects.get(institution_number=spec.institution_number)


def created_by(*args: str) -> tuple[str, dict]:
    """Seeds and returns the output and how many rows of each model it added."""
    before = model_counts()
    output = seed(*args)
    after = model_counts()
    return output, {model: after[model] - before[model] for model in after}


def scale_one_counts() -> dict:
    if not SCALE_ONE:
        with transaction.atomic():
            SCALE_ONE.update(created_by()[1])
            transaction.set_rollback(True)
    return SCALE_ONE


def without_paperwork(monkeypatch) -> None:
    """Placements only, unchecked and never started: for tests that only count."""
    monkeypatch.setattr(placements_module, "compliance_check_student_years", lambda years: None)
    monkeypatch.setattr(seed_module, "placements_prepare_and_run", lambda *args: None)


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker):
    """The demo data at scale 1, seeded once for the class and rolled back after it."""
    real_gate = placement_services.placement_start_blockers

    def recording_gate(placement: Placement) -> list[str]:
        GATE[placement.pk] = real_gate(placement)
        return GATE[placement.pk]

    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(placement_services, "placement_start_blockers", recording_gate)
        patch.setattr(lifecycle_module, "placement_start_blockers", recording_gate)
        atomic = transaction.atomic()
        atomic.__enter__()
        output, created = created_by()
        SCALE_ONE.update(created)
    yield output
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.mark.django_db
class TestSeedDemo:
    def test_it_creates_two_schools_with_enough_pupils_and_hosts(self, seeded):
        a, b = school(SCHOOL_A), school(SCHOOL_B)
        assert a.students.count() >= 45
        assert b.students.count() >= 20
        assert Student.objects.count() >= 60
        assert a.hosts.count() >= 14
        assert b.hosts.count() >= 8
        assert set(SchoolYear.objects.values_list("start_year", flat=True)) == {2025, 2026}
        for board in SchoolBoard.objects.all():
            assert board.insurer
            assert board.policy_number

    def test_the_stored_sums_are_what_the_services_store(self, seeded):
        """The dashboards read each confirmed week's half days and each placement's planned
        weeks; the bulk-written demo must store them as the services do."""
        weeks = AttendanceWeek.objects.prefetch_related("days")
        assert weeks.exists()
        for week in weeks:
            days = week.days.all()
            assert week.worked_half_days == sum(half_days(day.as_work_day()) for day in days)
        checked = ComplianceCheck.objects.filter(placement__periods__isnull=False).distinct()
        assert checked.exists()
        for check in checked.select_related("placement"):
            assert PlannedWeek.objects.filter(placement=check.placement).exists(), check

    def test_it_reports_what_it_created_in_dutch(self, seeded):
        assert "Demogegevens aangemaakt: 2 scholen" in seeded
        assert f"{Student.objects.count()} leerlingen" in seeded
        assert f"{Agreement.objects.count()} leerlingenstageovereenkomsten" in seeded
        ended = Agreement.objects.filter(status=AgreementStatus.ENDED).count()
        assert "Overeenkomsten per status:" in seeded
        assert f"{ended} beëindigd" in seeded
        assert "coordinator-b" in seeded

    def test_it_names_a_mentor_whose_interns_are_at_work_today(self, seeded):
        match = re.search(r"portal_link mentor (\d+)", seeded)
        assert match, seeded
        current = Placement.objects.filter(
            mentor_id=int(match.group(1)),
            start_date__lte=REFERENCE_DATE,
            end_date__gte=REFERENCE_DATE,
        )
        assert current.exists()

    def test_every_pupil_has_one_or_two_guardians_with_an_email(self, seeded):
        counts = Student.objects.annotate(guardian_count=Count("guardians"))
        assert set(counts.values_list("guardian_count", flat=True)) <= {1, 2}
        assert not Guardian.objects.filter(email="").exists()
        assert Guardian.objects.filter(may_sign=False).exists()
        assert not Student.objects.filter(email="").exists()

    def test_every_host_employs_staff_and_has_workplaces_and_mentors(self, seeded):
        hosts = Host.objects.annotate(
            workplace_count=Count("workplaces", distinct=True),
            mentor_count=Count("mentors", distinct=True),
        )
        for host in hosts:
            assert host.employs_staff
            assert host.joint_committee
            assert host.representative_name
            assert 1 <= host.workplace_count <= 3
            assert 1 <= host.mentor_count <= 3
        elsewhere = [
            workplace
            for host in Host.objects.prefetch_related("workplaces")
            for workplace in host.workplaces.all()
            if workplace.street != host.street
        ]
        assert elsewhere

    def test_programmes_follow_the_law_on_workplace_learning(self, seeded):
        for programme in Programme.objects.all():
            assert programme.requires_workplace_learning == (
                Programme.workplace_learning_required_by_law(programme.grade, programme.finality)
            )
        assert Programme.objects.filter(grade=2, requires_workplace_learning=False).exists()
        assert Programme.objects.filter(grade=3, year_in_grade=3).exists()
        assert Programme.objects.filter(finality=Programme.Finality.DOUBLE).exists()

    def test_every_class_has_a_weekly_timetable_with_wednesday_afternoon_free(self, seeded):
        for school_class in SchoolClass.objects.prefetch_related("timetable"):
            slots = list(school_class.timetable.all())
            assert {slot.weekday for slot in slots} == {0, 1, 2, 3, 4}
            assert min(slot.start_time for slot in slots) == datetime.time(8, 25)
            wednesday = [slot for slot in slots if slot.weekday == 2]
            assert max(slot.end_time for slot in wednesday) <= datetime.time(12, 0)
        assert SchoolClass.objects.filter(school_year__start_year=2025).exists()

    def test_the_demo_logins_use_the_demo_password(self, seeded):
        for username, (spec, role) in LOGINS.items():
            user = User.objects.get(username=username)
            assert user.check_password(DEMO_PASSWORD)
            assert user.school.institution_number == spec.institution_number
            assert user.role == role
            assert user.get_full_name()

    def test_the_supervisor_supervises_placements_in_both_school_years(self, seeded):
        years = Counter(
            Placement.objects.active()
            .filter(supervisor__username="supervisor")
            .values_list("school_year__start_year", flat=True)
        )
        assert years[2025] >= 3
        assert years[2026] >= 3

    def test_2025_2026_has_placements_of_every_kind(self, seeded):
        past = Placement.objects.filter(school_year__start_year=2025)
        assert set(past.values_list("kind", flat=True)) == set(Kind.values)
        statuses = Counter(past.values_list("status", flat=True))
        assert set(statuses) == {Status.COMPLETED, Status.CANCELLED}
        assert statuses[Status.COMPLETED] > 2 * statuses[Status.CANCELLED]
        current = Placement.objects.filter(school_year__start_year=2026)
        assert set(current.values_list("status", flat=True)) == {Status.PREPARING, Status.STARTED}

    def test_periods_match_the_placement_kind_and_lie_within_it(self, seeded):
        placements = Placement.objects.prefetch_related("periods", "make_ups")
        for placement in placements:
            periods = list(placement.periods.all())
            kinds = {period.kind for period in periods}
            expected = {
                Kind.BLOCK: {PlacementPeriod.Kind.BLOCK},
                Kind.ALTERNATING: {PlacementPeriod.Kind.ALTERNATING},
                Kind.COMBINED: {PlacementPeriod.Kind.BLOCK, PlacementPeriod.Kind.ALTERNATING},
            }[placement.kind]
            assert kinds == expected, placement
            for period in periods:
                assert placement.start_date <= period.start_date <= period.end_date
                assert period.end_date <= placement.end_date
                assert period.dates()
                if period.kind == PlacementPeriod.Kind.BLOCK and not hasattr(period, "make_up"):
                    assert period.weekdays == [0, 1, 2, 3, 4]
                    assert 1 <= len(period.dates()) // 5 <= 3
                if period.kind == PlacementPeriod.Kind.ALTERNATING:
                    assert len(period.weekdays) == 1
                    assert period.every_n_weeks in (1, 2)

    def test_a_pupils_active_placements_never_overlap(self, seeded):
        for student in Student.objects.prefetch_related("placements"):
            active = sorted(
                (p for p in student.placements.all() if p.status != Status.CANCELLED),
                key=lambda placement: placement.start_date,
            )
            for earlier, later in itertools.pairwise(active):
                assert earlier.end_date < later.start_date

    def test_national_and_enterprise_numbers_are_valid(self, seeded):
        for student in Student.objects.all():
            assert nn.is_valid(student.national_number), student.national_number
            assert nn.get_birth_date(student.national_number) == student.birth_date
        numbers = [*Host.objects.values_list("enterprise_number", flat=True)]
        numbers += SchoolBoard.objects.values_list("enterprise_number", flat=True)
        assert all(vat.is_valid(number) for number in numbers)

    def test_pupils_are_as_old_as_their_grade(self, seeded):
        for student in Student.objects.select_related("school_class__school_year"):
            school_year = student.school_class.school_year
            age = school_year.start_year - student.birth_date.year
            assert 14 <= age <= 20, student
        years = SchoolYear.objects.get(start_year=2025)
        turning_18 = [s for s in Student.objects.all() if s.birthday(18) in years]
        assert turning_18
        assert Student.objects.filter(birth_date__lte=datetime.date(2008, 11, 23)).exists()
        assert Student.objects.filter(birth_date__gt=datetime.date(2008, 11, 23)).exists()

    def test_the_dashboard_has_something_to_act_on_in_2026_2027(self, seeded):
        current = Placement.objects.filter(school=school(SCHOOL_A), school_year__start_year=2026)
        horizon = REFERENCE_DATE + datetime.timedelta(days=14)
        assert current.starting_between(REFERENCE_DATE, horizon).exists()
        assert current.active().filter(mentor__isnull=True).exists()
        assert current.active().filter(supervisor__isnull=True).exists()
        placed = Placement.objects.active().filter(
            student=OuterRef("pk"), school_year__start_year=2026
        )
        without = Student.objects.filter(school_class__school_year__start_year=2026).exclude(
            Exists(placed)
        )
        assert without.exists()

    def test_there_are_absences_and_a_make_up_placement(self, seeded):
        assert Absence.objects.count() >= 3
        make_up = MakeUpPlacement.objects.get()
        assert make_up.absences.count() == 2
        assert make_up.period.placement == make_up.placement
        assert make_up.placement.end_date == make_up.period.end_date

    def test_the_supervisor_visited_every_placement_that_began(self, seeded):
        """A visit at the workplace once the pupil has been there; a placement that starts
        today has its first visit planned."""
        begun = Placement.objects.filter(status__in=BEGUN)
        visited = Visit.objects.filter(status=Visit.Status.DONE, kind=Visit.Kind.ON_SITE)
        assert set(begun.filter(visits__isnull=False)) == set(begun)
        assert set(begun.filter(status=Status.COMPLETED)) <= {v.placement for v in visited}
        for visit in visited.select_related("placement"):
            placement = visit.placement
            assert placement.start_date <= visit.date <= min(placement.end_date, REFERENCE_DATE)
            assert visit.findings and visit.visited_by_id is not None
            assert not placement.absences.filter(date=visit.date).exists()
        planned = Visit.objects.filter(status=Visit.Status.PLANNED)
        assert planned.exists()
        assert not planned.exclude(placement__status=Status.STARTED).exists()
        assert not planned.filter(date__lt=REFERENCE_DATE).exists()
        assert Visit.objects.filter(kind=Visit.Kind.AT_SCHOOL, status=Visit.Status.DONE).exists()

    def test_every_active_placement_passes_the_compliance_check(self, seeded):
        active = Placement.objects.active()
        checks = ComplianceCheck.objects.filter(placement__in=active)
        assert checks.count() == active.count()
        assert not checks.filter(error_count__gt=0).exists()

    def test_plans_meet_the_lesson_hours_but_one_programme_falls_short(self, seeded):
        """4.1.1: the planned pupil-year in lesson hours against the programme's timetable; the
        demo keeps one shortfall (Verzorging in Lokeren) to show the warning."""
        short = set()
        checks = ComplianceCheck.objects.filter(placement__school_class__isnull=False)
        for check in checks.select_related("placement__school_class__programme"):
            programme = check.placement.school_class.programme
            if check.totals["volume"]["lesson_hours"] < programme.internship_lesson_hours:
                short.add((check.placement.school.name, programme.name))
        assert short == {("GO! Campus Kompas Lokeren", "Verzorging")}

    def test_every_placement_it_started_passed_the_start_gate(self, seeded):
        begun = Placement.objects.filter(status__in=BEGUN)
        assert begun.count() >= 50
        assert set(begun.values_list("pk", flat=True)) <= set(GATE)
        assert not [blockers for blockers in GATE.values() if blockers]

    def test_what_the_gate_asks_is_there_for_every_placement_that_began(self, seeded):
        placements = Placement.objects.filter(status__in=BEGUN).select_related(
            "workplace", "student", "agreement__group", "compliance", "activity_list"
        )
        for placement in placements:
            agreement = placement.agreement
            first = agreement.versions.get(number=1)
            assert first.status == VersionStatus.SIGNED, placement
            parties = set(first.signatures.values_list("party", flat=True))
            if agreement.group is not None:
                assert parties == {Party.STUDENT}
                assert agreement.group.status == GroupAgreement.Status.SIGNED
            else:
                assert parties == {Party.STUDENT, Party.SCHOOL, Party.HOST}
            risk_assessment = latest_risk_assessment(placement.workplace)
            assert risk_assessment.assessed_on < placement.start_date
            if risk_assessment.health_surveillance_required:
                assert placement.workplace.workstation_sheets.exists()
            if health_assessment_required(placement):
                assert placement.student.health_assessments.filter(
                    assessed_on__lt=placement.start_date
                ).exists()
            assert placement.activity_list.activities.filter(permission="must").exists()
            assert placement.compliance.error_count == 0

    def test_signed_placements_still_to_begin_could_start_and_the_others_say_why_not(self, seeded):
        preparing = Placement.objects.filter(status=Status.PREPARING)
        signed = preparing.filter(agreement__status=AgreementStatus.SIGNED)
        assert signed.exists()
        for placement in signed:
            assert placement_start_blockers(placement) == []
        waiting = preparing.filter(agreement__status=AgreementStatus.READY).first()
        assert "nog niet ondertekend door" in " ".join(placement_start_blockers(waiting))
        without = preparing.filter(agreement__isnull=True).first()
        assert "Er is nog geen leerlingenstageovereenkomst (8.1.2)." in (
            placement_start_blockers(without)
        )

    def test_agreements_are_in_every_state(self, seeded):
        assert set(Agreement.objects.values_list("status", flat=True)) == set(
            AgreementStatus.values
        )
        current = Agreement.objects.filter(placement__school_year__start_year=2026)
        assert current.filter(status=AgreementStatus.DRAFT).exists()
        assert current.filter(status=AgreementStatus.SIGNED).exists()
        assert Placement.objects.filter(
            school_year__start_year=2026, status=Status.PREPARING, agreement__isnull=True
        ).exists()
        waiting = AgreementVersion.objects.filter(
            status=VersionStatus.READY, agreement__placement__school_year__start_year=2026
        )
        partly = [
            version
            for version in waiting
            if version.signatures.exists() and Signable(version=version).missing_parties()
        ]
        assert partly
        terminated = Agreement.objects.filter(status=AgreementStatus.TERMINATED)
        assert all(a.placement.status == Status.CANCELLED and a.end_reason for a in terminated)
        ended = Agreement.objects.filter(status=AgreementStatus.ENDED)
        assert all(a.ended_on == a.placement.end_date for a in ended)

    def test_an_amendment_made_a_second_version(self, seeded):
        amended = AgreementVersion.objects.filter(
            number=2,
            status=VersionStatus.SIGNED,
            agreement__status=AgreementStatus.ENDED,
            agreement__placement__school_year__start_year=2025,
        ).get()
        assert "Inhaalstage" in amended.reason
        assert amended.signatures.count() == 3
        assert amended.content["version"] == {"number": 2, "reason": amended.reason}
        make_up = amended.agreement.placement.make_ups.get()
        assert any(period["make_up"] for period in amended.content["internship"]["periods"])
        assert make_up.period.end_date.isoformat() == amended.content["internship"]["end_date"]
        mentor_changes = AgreementVersion.objects.filter(
            number=2, status=VersionStatus.READY, reason__startswith="Andere stagementor"
        )
        assert mentor_changes.count() == 2
        for version in mentor_changes:
            assert Signable(version=version).missing_parties() == [Party.HOST]
            assert version.agreement.status == AgreementStatus.ACTIVE

    def test_a_host_taking_a_class_has_a_group_agreement(self, seeded):
        group = GroupAgreement.objects.get()
        assert group.status == GroupAgreement.Status.SIGNED
        assert set(group.signatures.values_list("party", flat=True)) == {
            Party.SCHOOL,
            Party.HOST,
        }
        members = Placement.objects.filter(agreement__group=group)
        assert members.count() >= 2
        assert {(p.host_id, p.school_class_id) for p in members} == {
            (group.host_id, members[0].school_class_id)
        }
        assert len(group.content["members"]) == members.count()

    def test_most_sign_through_their_link_some_on_paper_and_nobody_is_mailed(self, seeded):
        methods = Counter(Signature.objects.values_list("method", flat=True))
        assert methods[SignatureMethod.ELECTRONIC] > 2 * methods[SignatureMethod.PAPER] > 0
        # Every link is used in the run, so the e-mail queued for after the commit sends nothing.
        assert not SignatureRequest.objects.filter(used_at__isnull=True).exists()
        assert mail.outbox == []

    def test_the_right_people_sign(self, seeded):
        signatures = Signature.objects.filter(version__isnull=False).select_related(
            "version__agreement__placement__student",
            "version__agreement__placement__host",
            "version__agreement__placement__school",
        )
        for signature in signatures:
            placement = signature.version.agreement.placement
            student = placement.student
            if signature.party == Party.SCHOOL:
                assert signature.signer_name == placement.school.head_name
            elif signature.party == Party.HOST:
                assert signature.signer_name == placement.host.representative_name
            elif signature.version.content["parties"]["student"]["minor"]:
                assert signature.signer_name in {
                    f"{guardian.first_name} {guardian.last_name}"
                    for guardian in student.guardians.filter(may_sign=True)
                }
            else:
                assert signature.signer_name == student.full_name

    def test_the_dashboard_shows_who_still_has_to_sign(self, seeded):
        coordinator = User.objects.get(username="coordinator")
        rows = awaiting_signatures(
            StaffMember.of(coordinator), school_year=SchoolYear.objects.get(start_year=2026)
        )
        assert rows
        assert all(name for row in rows for _label, name in row.pending)

    def test_every_stored_document_is_a_pdf_about_its_subject(self, seeded):
        documents = [
            *(r.document for r in RiskAssessment.objects.all()),
            *(s.document for s in WorkstationSheet.objects.all()),
            *(h.document for h in HealthAssessment.objects.all()),
            *(s.scan for s in Signature.objects.exclude(scan="")),
        ]
        assert len(documents) >= 80
        for document in documents:
            with document.open("rb") as handle:
                text = PdfReader(handle).pages[0].extract_text()
            assert "Demogegevens van Stagebeheer" in text, document.name
        risk_assessment = RiskAssessment.objects.select_related("workplace").first()
        with risk_assessment.document.open("rb") as handle:
            text = PdfReader(handle).pages[0].extract_text()
        assert f"Risicoanalyse – {risk_assessment.workplace.name}" in text

    def test_risk_documents_fit_the_work(self, seeded):
        offices = RiskAssessment.objects.filter(workplace__host__joint_committee="200")
        assert offices.exists()
        assert all(r.mainly_screen_work and not r.health_surveillance_required for r in offices)
        surveillance = RiskAssessment.objects.filter(health_surveillance_required=True)
        assert surveillance.exists()
        assert all(r.workplace.workstation_sheets.exists() for r in surveillance)
        assert RiskAssessment.objects.filter(
            health_surveillance_required=False, mainly_screen_work=False
        ).exists()
        assert HealthAssessment.objects.exclude(conclusion="").count() >= 10

    def test_every_programme_has_activities_with_curriculum_goals(self, seeded):
        for programme in Programme.objects.annotate(count=Count("activities")):
            assert 8 <= programme.count <= 12, programme
        assert not ProgrammeActivity.objects.filter(curriculum_goal="").exists()
        assert ProgrammeActivity.objects.filter(
            description__startswith="Stopcontacten en schakelaars plaatsen volgens AREI"
        ).exists()

    def test_activities_are_marked_and_ticked_off_during_the_placement(self, seeded):
        assert set(Activity.objects.values_list("permission", flat=True)) == set(
            Activity.Permission.values
        )
        done = Activity.objects.filter(done=True).select_related("activity_list__placement")
        assert done.count() >= 100
        assert done.exclude(comment="").exists()
        for activity in done:
            placement = activity.activity_list.placement
            assert placement.status in BEGUN
            assert placement.start_date <= activity.done_on <= placement.end_date
            assert activity.done_on < REFERENCE_DATE
            assert not placement.absences.filter(date=activity.done_on).exists()
        assert not Placement.objects.filter(status__in=BEGUN, activity_list__isnull=True).exists()

    def test_every_rows_history_ends_with_the_row_as_it_is(self, seeded):
        """Most rows are written in bulk as their services would save them, with a history
        record for each save: the last record of every row is the row (the timestamps a save
        sets aside; the survey's closing day is moved without a save, and the school's own free
        days and timetables are created without history, as in the admin)."""
        for model in COUNTED:
            if not hasattr(model, "history") or model is Survey:
                continue
            fields = [
                field.attname
                for field in model.history.model.tracked_fields
                if not (getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))
            ]
            records = model.history.model.objects.order_by("history_date", "history_id")
            last = {record.id: record for record in records}
            if not last:
                continue
            for row in model.objects.all():
                record = last[row.pk]
                assert record.history_type != "-", (model, row.pk)
                assert [getattr(record, name) for name in fields] == [
                    getattr(row, name) for name in fields
                ], (model, row.pk)

    def test_running_it_again_changes_nothing(self, seeded):
        before = model_counts()
        output = seed()
        assert "al aanwezig" in output
        assert model_counts() == before


@pytest.mark.django_db
def test_scale_multiplies_pupils_hosts_and_placements(monkeypatch):
    # Only counts matter here; the checks and the paperwork are tested on the scale 1 data.
    without_paperwork(monkeypatch)
    single = scale_one_counts()
    double = created_by("--scale", "2")[1]
    for model in (Student, Host):
        assert double[model] == 2 * single[model]
    assert 1.6 <= double[Placement] / single[Placement] <= 2.4
    assert double[School] == single[School] == 2
    assert User.objects.get(username="supervisor").check_password(DEMO_PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize("scale", ["0", "-2", "abc", "1.5", ""])
def test_it_refuses_a_scale_that_is_not_a_whole_number_of_at_least_one(scale):
    before = model_counts()
    with pytest.raises(CommandError, match="geheel getal van minstens 1"):
        seed("--scale", scale)
    assert model_counts() == before


@pytest.mark.django_db
def test_it_refuses_an_integer_scale_below_one():
    with pytest.raises(CommandError):
        call_command("seed_demo", scale=0, stdout=StringIO())
    assert not School.objects.exists()


@pytest.mark.django_db
def test_a_failure_leaves_the_database_unchanged():
    UserFactory(username="coordinator")
    before = model_counts()
    with pytest.raises(CommandError, match="coordinator"):
        seed()
    assert model_counts() == before
    assert not School.objects.exists()


@pytest.mark.django_db
def test_a_failure_removes_the_documents_already_written(monkeypatch):
    written: list[str] = []

    def failing(demo, intents, desk):
        placement = intents[0].placement
        RiskDesk(demo, demo.coordinator).workplace_documents(
            placement.workplace, intents[0].sector, placement.start_date
        )
        written.extend(demo.files)
        raise DemoDataError("Onderbroken.")

    without_paperwork(monkeypatch)
    monkeypatch.setattr(seed_module, "placements_prepare_and_run", failing)
    with pytest.raises(CommandError, match="Onderbroken"):
        seed()
    assert written
    assert not any(private_storage().exists(name) for name in written)
    assert not School.objects.exists()


@pytest.mark.django_db
def test_if_empty_leaves_a_database_with_a_school_alone():
    SchoolFactory()
    before = model_counts()
    output = seed("--if-empty")
    assert "geen demogegevens geladen" in output
    assert model_counts() == before
