"""The story's amendments (8.1.2), through the services once what they build on is written: a
make-up placement for two days missed through illness, and a mentor who is replaced. Each
changes a schedule or a party, so each is checked afresh and signed again.
"""

from demo.agreements import AgreementDesk
from demo.calendar import CALENDARS, DAY, PAST_YEAR, WEEK, Day
from demo.placements import Intent
from demo.schedules import DEFAULT_HOURS, WORKING_HOURS, PlacementPlan
from internships.models import Absence, Party, Placement, User
from internships.services.absences import absence_record, make_up_create
from internships.services.placements import placement_transition, placement_update

Status = Placement.Status


def missed_days(plan: PlacementPlan) -> list[Day]:
    """The days a make-up placement makes up: the Tuesday and Wednesday of the block's last
    week, missed through illness."""
    return [plan.end_date - 3 * DAY, plan.end_date - 2 * DAY]


def make_up(intent: Intent, desk: AgreementDesk, supervisor: User) -> None:
    """Two days of a single block missed through illness, made up a few weeks later: an
    amendment adds the days to the agreement, signed again before the placement ends."""
    placement, plan = intent.placement, intent.plan
    calendar = CALENDARS[PAST_YEAR]
    hours = WORKING_HOURS.get(intent.sector, DEFAULT_HOURS)
    absences = [
        absence_record(
            placement=placement,
            date=day,
            hours=hours.hours,
            justification=Absence.Justification.JUSTIFIED,
            reason="Ziek (doktersattest)",
            recorded_by=supervisor,
        )
        for day in missed_days(plan)
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
    version = desk.amend(
        placement,
        f"Inhaalstage op {monday:%d/%m/%Y} en {monday + DAY:%d/%m/%Y} voor twee dagen "
        "gemist door ziekte.",
    )
    desk.sign_all(placement, version)
    placement.refresh_from_db()
    placement_transition(placement=placement, status=Status.COMPLETED, on=placement.end_date)


def mentor_change(intents: list[Intent], desk: AgreementDesk) -> None:
    """A running placement whose mentor is replaced: the amendment waits for the host."""
    for intent in intents:
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
        version = desk.amend(
            placement,
            f"Andere stagementor: {others[0].full_name} neemt de begeleiding over van "
            f"{old.full_name}.",
        )
        desk.sign((Party.SCHOOL, Party.STUDENT), placement=placement, version=version)
        return
