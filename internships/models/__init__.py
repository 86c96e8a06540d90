from internships.models.access import AccessLink
from internships.models.activities import Activity, ActivityList, ProgrammeActivity
from internships.models.agreements import (
    Agreement,
    AgreementVersion,
    GroupAgreement,
    Party,
    SignatureMethod,
)
from internships.models.hosts import Host, Mentor, Workplace
from internships.models.notifications import Notification
from internships.models.people import Guardian, Student, User
from internships.models.placements import Absence, MakeUpPlacement, Placement, PlacementPeriod
from internships.models.risks import HealthAssessment, RiskAssessment, WorkstationSheet
from internships.models.schools import (
    Programme,
    School,
    SchoolBoard,
    SchoolClass,
    SchoolHoliday,
    SchoolYear,
    TimetableSlot,
)
from internships.models.signatures import Signature, SignatureRequest
from internships.models.visits import Visit

__all__ = [
    "Absence",
    "AccessLink",
    "Activity",
    "ActivityList",
    "Agreement",
    "AgreementVersion",
    "GroupAgreement",
    "Guardian",
    "HealthAssessment",
    "Host",
    "MakeUpPlacement",
    "Mentor",
    "Notification",
    "Party",
    "Placement",
    "PlacementPeriod",
    "Programme",
    "ProgrammeActivity",
    "RiskAssessment",
    "School",
    "SchoolBoard",
    "SchoolClass",
    "SchoolHoliday",
    "SchoolYear",
    "Signature",
    "SignatureMethod",
    "SignatureRequest",
    "Student",
    "TimetableSlot",
    "User",
    "Visit",
    "Workplace",
    "WorkstationSheet",
]
