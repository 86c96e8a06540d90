"""Reads of compliance data for pages that already know the user may see the placement."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import get_language, gettext

from compliance.engine.advice import rule_title
from compliance.engine.volume import LessonHourShortfall, lesson_hour_shortfall
from compliance.models import ComplianceCheck, Exemption, ScheduleException
from internships.models import Placement
from internships.selectors.prefetched import is_read, read_one

# The engine writes a duration the Dutch way ("8 u 30 min"); other languages abbreviate hours "h".
DUTCH_DURATION = re.compile(r"\d+ u( \d+ min)?")


def localised_param(value):
    dutch = (get_language() or "nl").startswith("nl")
    if not dutch and isinstance(value, str) and DUTCH_DURATION.fullmatch(value):
        return value.replace(" u", " h", 1)
    return value


@dataclass(frozen=True)
class StoredViolation:
    rule: str
    date: datetime.date
    severity: str
    source: str
    template: str
    params: dict = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @classmethod
    def from_engine(cls, violation) -> "StoredViolation":
        return cls(
            rule=str(violation.rule),
            date=violation.date,
            severity=str(violation.severity),
            source=violation.source,
            template=violation.template,
            params=dict(violation.params),
        )

    @property
    def message(self) -> str:
        """The message in the user's language; the engine's Dutch template is the msgid."""
        params = {key: localised_param(value) for key, value in self.params.items()}
        return gettext(self.template) % params

    @property
    def title(self) -> str:
        """The rule's short name in the user's language; the message for an unknown rule."""
        title = rule_title(self.rule)
        return gettext(title) if title else self.message


@dataclass(frozen=True)
class PlacementCompliance:
    check: ComplianceCheck | None
    violations: list[StoredViolation]
    exemptions: list[Exemption]
    exceptions: list[ScheduleException]
    required_lesson_hours: int = 0

    @property
    def volume(self) -> dict:
        """The planned volume of the pupil's school year, over all their placements."""
        return self.check.totals.get("volume", {}) if self.check else {}

    @property
    def own_volume(self) -> dict:
        """This placement's share of the year's volume."""
        return self.check.totals.get("own_volume", {}) if self.check else {}

    @property
    def shortfall(self) -> LessonHourShortfall | None:
        """How far the year's plan stays under the programme's timetable hours (4.1.1)."""
        volume = self.volume
        if "lesson_hours" not in volume:
            return None
        return lesson_hour_shortfall(
            planned=volume["lesson_hours"],
            required=self.required_lesson_hours,
            lesson_weeks=volume["lesson_weeks"],
        )


def placement_compliance(placement: Placement) -> PlacementCompliance:
    """The stored check of ``placement`` with its exemptions, exceptional days and the
    timetable hours of its programme (read through ``placement.school_class``, which the
    placement's page shows anyway)."""
    if is_read(placement, "compliance"):  # the placement's page reads it with the placement
        compliance_check = read_one(placement, "compliance")
    else:
        compliance_check = ComplianceCheck.objects.filter(placement=placement).first()
    violations = []
    if compliance_check is not None:
        violations = [
            StoredViolation(
                rule=item["rule"],
                date=datetime.date.fromisoformat(item["date"]),
                severity=item["severity"],
                source=item["source"],
                template=item["template"],
                params=item["params"],
            )
            for item in compliance_check.violations
        ]
    return PlacementCompliance(
        check=compliance_check,
        violations=violations,
        exemptions=list(placement.exemptions.all()),
        exceptions=list(placement.schedule_exceptions.all()),
        required_lesson_hours=(
            placement.school_class.programme.internship_lesson_hours
            if placement.school_class_id
            else 0
        ),
    )
