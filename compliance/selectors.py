"""Reads of compliance data for pages that already know the user may see the placement."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import get_language, gettext

from compliance.engine.advice import rule_title
from compliance.models import ComplianceCheck, Exemption, ScheduleException
from internships.models import Placement

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

    @property
    def volume(self) -> dict:
        return self.check.totals.get("volume", {}) if self.check else {}


def placement_compliance(placement: Placement) -> PlacementCompliance:
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
    )
