"""Which risk documents are in force for a placement, and whether it needs a health assessment
(8.1.4). For pages that already fetched the placement through an access check."""

from internships.models import Placement, RiskAssessment, Workplace


def latest_risk_assessment(workplace: Workplace) -> RiskAssessment | None:
    """The risk assessment in force at a workplace: the most recent one.

    Picked from all of the workplace's assessments (a handful), so a page that prefetched
    ``workplace.risk_assessments`` reads none again."""
    return max(
        workplace.risk_assessments.all(),
        key=lambda assessment: (assessment.assessed_on, assessment.pk),
        default=None,
    )


def health_assessment_required(placement: Placement) -> bool:
    """Whether the pupil needs a prior health assessment for this placement (8.1.4).

    Not needed for mainly screen work, nor for a pupil who is a minor on the first day when the
    workplace's latest risk assessment says no health surveillance is needed. In every other
    case — an adult, surveillance required, or no risk assessment yet — it is needed.
    """
    risk_assessment = latest_risk_assessment(placement.workplace)
    if risk_assessment is None:
        return True
    if risk_assessment.mainly_screen_work:
        return False
    minor = placement.student.is_minor_on(placement.start_date)
    return not (minor and not risk_assessment.health_surveillance_required)
