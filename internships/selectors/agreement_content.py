"""What an agreement states: a snapshot of the model agreement of omzendbrief SO/2015/01 (8.1.2).

:func:`agreement_content` gathers, from the database, everything the three parties sign: the
parties and their representatives, the workplace and mentor, the periods and schedule, the
clauses the law requires and the annexes. The snapshot is plain JSON (dates as ISO strings,
hours as display strings), always in Dutch, and the same data always gives the same snapshot,
so its SHA-256 identifies what was signed. ``templates/agreements/body.html`` renders it
without touching the database.
"""

import hashlib
import json
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from internships.models import (
    Activity,
    ActivityList,
    Agreement,
    HealthAssessment,
    Host,
    Placement,
    RiskAssessment,
    School,
    WorkstationSheet,
)
from internships.selectors.agreement_clauses import clauses
from internships.selectors.prefetched import is_read, prefetched
from internships.selectors.risks import health_assessment_required, latest_risk_assessment
from internships.selectors.schedules import planned_days, planned_hours_by_period

DOCUMENT_LANGUAGE = "nl-be"
CONTENT_FORMAT = 1
# Sections of the content that say what was agreed; ``version`` only numbers the document and
# the health assessment is often recorded after signing (it does not change the agreement).
AGREED_SECTIONS = ("parties", "workplace", "mentor", "internship", "clauses", "group")
ANNEXES_AGREED = ("activity_list", "risk_assessment", "workstation_sheets")


def canonical_json(content: dict[str, Any]) -> str:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(content: dict[str, Any]) -> str:
    """The SHA-256 (hex) of the canonical JSON: what a signature refers to."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def hours_display(minutes: float) -> str:
    """Hours the Belgian way: ``37,5``."""
    return f"{round(minutes / 60, 2):g}".replace(".", ",")


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _person(first_name: str, last_name: str, **extra: Any) -> dict[str, Any]:
    return {"name": f"{first_name} {last_name}".strip(), **extra}


def _student(placement: Placement) -> dict[str, Any]:
    student = placement.student
    school_class = placement.school_class or student.school_class
    minor = student.is_minor_on(placement.start_date)
    representatives = []
    if minor:
        representatives = [
            _person(
                guardian.first_name,
                guardian.last_name,
                relationship=guardian.get_relationship_display(),
                email=guardian.email,
                phone=guardian.phone,
            )
            for guardian in student.guardians.filter(may_sign=True).order_by(
                "last_name", "first_name", "pk"
            )
        ]
    return _person(
        student.first_name,
        student.last_name,
        birth_date=_date(student.birth_date),
        address=student.address,
        email=student.email,
        phone=student.phone,
        school_class=school_class.name if school_class else "",
        programme=str(school_class.programme) if school_class else "",
        minor=minor,
        representatives=representatives,
    )


def _school_with_board(placement: Placement) -> School:
    """The placement's school with its board, in one query when the caller read neither. Read
    as following the foreign key reads it (through the base manager, in any scope), and left
    on the placement likewise."""
    if not is_read(placement, "school"):
        schools = School._base_manager.select_related("board")
        placement.school = schools.get(pk=placement.school_id)
    return placement.school


def _school(placement: Placement, school: School) -> dict[str, Any]:
    supervisor = placement.supervisor
    return {
        **school_data(school),
        "supervisor": (
            _person(
                supervisor.first_name,
                supervisor.last_name,
                email=supervisor.email,
                phone=supervisor.phone,
            )
            if supervisor
            else None
        ),
    }


def school_data(school: School) -> dict[str, Any]:
    board = school.board
    return {
        "name": school.name,
        "institution_number": school.institution_number,
        "address": school.address,
        "email": school.email,
        "phone": school.phone,
        "head": school.head_name,
        "board": {
            "name": board.name,
            "enterprise_number": board.enterprise_number_display,
            "address": board.address,
        },
    }


def host_data(host: Host) -> dict[str, Any]:
    return {
        "name": host.name,
        "registered_office": host.address,
        "enterprise_number": host.enterprise_number_display,
        "joint_committee": host.joint_committee,
        "representative": {"name": host.representative_name, "title": host.representative_title},
        "email": host.email,
        "phone": host.phone,
    }


def _periods(placement: Placement) -> list:
    periods = prefetched(placement, "periods")
    if periods is None or not all(is_read(period, "make_up") for period in periods):
        return list(placement.periods.select_related("make_up").order_by("start_date", "pk"))
    return sorted(periods, key=lambda period: (period.start_date, period.pk))


def _exceptions(placement: Placement) -> list:
    exceptions = prefetched(placement, "schedule_exceptions")
    if exceptions is None:
        return list(placement.schedule_exceptions.order_by("date"))
    return sorted(exceptions, key=lambda exception: exception.date)  # one per day


def _exemptions(placement: Placement) -> list:
    exemptions = prefetched(placement, "exemptions")
    if exemptions is None:
        return list(placement.exemptions.order_by("kind"))
    # One per kind; the kinds are lower-case ASCII names, ordered alike by any collation.
    return sorted(exemptions, key=lambda exemption: exemption.kind)


def _internship(placement: Placement) -> dict[str, Any]:
    hours_by_period = planned_hours_by_period(placement)
    periods = [
        {
            "kind": period.kind,
            "kind_label": period.get_kind_display(),
            "start_date": _date(period.start_date),
            "end_date": _date(period.end_date),
            "weekdays": period.weekday_names,
            "every_n_weeks": period.every_n_weeks,
            "start_time": period.start_time.strftime("%H:%M"),
            "end_time": period.end_time.strftime("%H:%M"),
            "breaks": [list(pause) for pause in period.breaks],
            "daily_hours": hours_display(period.daily_minutes),
            "planned_hours": hours_display(hours_by_period[period.pk] * 60),
            "make_up": hasattr(period, "make_up"),
        }
        for period in _periods(placement)
    ]
    exceptions = [
        {
            "date": _date(exception.date),
            "kind_label": exception.get_kind_display(),
            "start_time": exception.start_time.strftime("%H:%M") if exception.start_time else "",
            "end_time": exception.end_time.strftime("%H:%M") if exception.end_time else "",
            "force_majeure": exception.force_majeure,
            "note": exception.note,
        }
        for exception in _exceptions(placement)
    ]
    exemptions = [
        {
            "kind": exemption.kind,
            "label": exemption.get_kind_display(),
            "ground": exemption.ground,
            "granted_on": _date(exemption.granted_on),
        }
        for exemption in _exemptions(placement)
    ]
    planned_minutes = sum(day.minutes for day in planned_days(placement).values())
    return {
        "kind": placement.kind,
        "kind_label": placement.get_kind_display(),
        "start_date": _date(placement.start_date),
        "end_date": _date(placement.end_date),
        "planned_hours": hours_display(planned_minutes),
        "periods": periods,
        "exceptions": exceptions,
        "exemptions": exemptions,
    }


def _activity_list(activity_list: ActivityList | None) -> dict[str, Any] | None:
    if activity_list is None:
        return None
    activities: list[Activity] | None = prefetched(activity_list, "activities")
    if activities is None:
        activities = list(activity_list.activities.order_by("position", "pk"))
    else:
        activities.sort(key=lambda activity: (activity.position, activity.pk))
    return {
        "drawn_up_by": str(activity_list.drawn_up_by) if activity_list.drawn_up_by else "",
        "mentor_confirmed_on": _date(
            activity_list.mentor_confirmed_at.date() if activity_list.mentor_confirmed_at else None
        ),
        "activities": [
            {
                "curriculum_goal": activity.curriculum_goal,
                "description": activity.description,
                "permission": activity.permission,
                "permission_label": activity.get_permission_display(),
            }
            for activity in activities
        ],
    }


def _risk_assessment(risk_assessment: RiskAssessment | None) -> dict[str, Any] | None:
    if risk_assessment is None:
        return None
    return {
        "assessed_on": _date(risk_assessment.assessed_on),
        "health_surveillance_required": risk_assessment.health_surveillance_required,
        "mainly_screen_work": risk_assessment.mainly_screen_work,
        "notes": risk_assessment.notes,
    }


def _workstation_sheets(placement: Placement) -> list[WorkstationSheet]:
    workplace = placement.workplace
    sheets = prefetched(workplace, "workstation_sheets")
    if sheets is None:
        return list(workplace.workstation_sheets.order_by("workstation", "pk"))
    # Prefetched in the model's order, by workstation as the database collates the names;
    # only sheets of one workstation still need putting in key order.
    first_seen: dict[str, int] = {}
    for position, sheet in enumerate(sheets):
        first_seen.setdefault(sheet.workstation, position)
    return sorted(sheets, key=lambda sheet: (first_seen[sheet.workstation], sheet.pk))


def _latest_health_assessment(placement: Placement) -> HealthAssessment | None:
    student = placement.student
    assessments = prefetched(student, "health_assessments")
    if assessments is None:
        return student.health_assessments.order_by("-assessed_on").first()
    return max(assessments, key=lambda assessment: assessment.assessed_on, default=None)


def _annexes(placement: Placement, activity_list: ActivityList | None) -> dict[str, Any]:
    health_assessment = _latest_health_assessment(placement)
    return {
        "activity_list": _activity_list(activity_list),
        "risk_assessment": _risk_assessment(latest_risk_assessment(placement.workplace)),
        "workstation_sheets": [
            {"workstation": sheet.workstation, "issued_on": _date(sheet.issued_on)}
            for sheet in _workstation_sheets(placement)
        ],
        "health_assessment": {
            "required": health_assessment_required(placement),
            "assessed_on": _date(health_assessment.assessed_on) if health_assessment else None,
            "conclusion": health_assessment.conclusion if health_assessment else "",
        },
    }


def agreement_content(placement: Placement) -> dict[str, Any]:
    """Everything the agreement of ``placement`` states, as JSON-serialisable data in Dutch."""
    agreement = Agreement.objects.filter(placement=placement).select_related("group").first()
    activity_list = (
        ActivityList.objects.filter(placement=placement).select_related("drawn_up_by").first()
    )
    return agreement_content_of(placement, agreement=agreement, activity_list=activity_list)


def agreement_content_of(
    placement: Placement, *, agreement: Agreement | None, activity_list: ActivityList | None
) -> dict[str, Any]:
    """:func:`agreement_content`, from the placement's agreement (with its group) and activity
    list (with who drew it up) as the caller read them. The periods, exceptions, exemptions,
    activities and risk documents come from what the caller prefetched (``prefetched``),
    else from the database."""
    group = agreement.group if agreement else None
    school = _school_with_board(placement)
    with translation.override(DOCUMENT_LANGUAGE):
        mentor = placement.mentor
        return {
            "format": CONTENT_FORMAT,
            "title": _("Leerlingenstageovereenkomst"),
            "legal_basis": _("omzendbrief SO/2015/01, leerlingenstages"),
            "school_year": str(placement.school_year),
            "parties": {
                "student": _student(placement),
                "school": _school(placement, school),
                "host": host_data(placement.host),
            },
            "workplace": {"name": placement.workplace.name, "address": placement.workplace.address},
            "mentor": (
                _person(
                    mentor.first_name,
                    mentor.last_name,
                    job_title=mentor.job_title,
                    email=mentor.email,
                    phone=mentor.phone,
                )
                if mentor
                else None
            ),
            "internship": _internship(placement),
            "clauses": clauses(school.board, agreement),
            "annexes": _annexes(placement, activity_list),
            "group": (
                {"title": group.title, "content_hash": group.content_hash} if group else None
            ),
        }


def content_changes(frozen: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """The parts of the agreement that differ between a frozen version and today's data."""
    labels = {
        "parties": _("de partijen"),
        "workplace": _("de stageplaats"),
        "mentor": _("de stagementor"),
        "internship": _("de periodes en het uurrooster"),
        "clauses": _("de bepalingen"),
        "group": _("de globale overeenkomst"),
        "activity_list": _("de stageactiviteitenlijst"),
        "risk_assessment": _("de risicoanalyse"),
        "workstation_sheets": _("de werkpostfiches"),
    }
    changed = [key for key in AGREED_SECTIONS if frozen.get(key) != current.get(key)]
    frozen_annexes, current_annexes = frozen.get("annexes", {}), current.get("annexes", {})
    changed += [
        key for key in ANNEXES_AGREED if frozen_annexes.get(key) != current_annexes.get(key)
    ]
    return [str(labels[key]) for key in changed]
