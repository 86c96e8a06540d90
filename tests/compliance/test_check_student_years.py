"""Many pupil-years checked together (bulk work: imports, the demo data) store what checking
them one at a time stores: the checks, the planned weeks and the visit windows."""

import pytest

from compliance.models import ComplianceCheck, PlannedWeek
from compliance.services import (
    compliance_check_placement,
    compliance_check_student_years,
    compliance_checks_deferred,
)
from core.tenancy import all_schools
from internships.models import Placement
from tests.attendance.factories import PAST_MONDAY, WEEK, worked_placement
from visits.models import VisitWindow
from visits.services.windows import visit_windows_deferred

pytestmark = pytest.mark.django_db


def everything_stored() -> dict[str, list[tuple]]:
    with all_schools():
        return {
            "checks": list(
                ComplianceCheck.objects.order_by("placement_id").values_list(
                    "placement_id", "error_count", "warning_count", "violations", "totals"
                )
            ),
            "weeks": list(
                PlannedWeek.objects.order_by("placement_id", "monday").values_list(
                    "placement_id", "monday", "last_day", "minutes", "half_days", "weekdays"
                )
            ),
            "windows": list(
                VisitWindow.objects.order_by("placement_id", "window_start").values_list(
                    "placement_id", "period_id", "window_start", "window_end", "proposed_on"
                )
            ),
        }


def forget_everything() -> None:
    with all_schools():
        ComplianceCheck.objects.all().delete()
        PlannedWeek.objects.all().delete()
        VisitWindow.objects.all().delete()


@pytest.fixture
def placements(school_a) -> list[Placement]:
    """Three pupil-years, one of them with two placements; each checked one at a time."""
    first = worked_placement(school_a, weeks=3)
    second = worked_placement(school_a, start=PAST_MONDAY + 5 * WEEK, student=first.student)
    return [first, second, worked_placement(school_a, weeks=2)]


def test_together_they_store_what_one_at_a_time_stores(placements):
    one_at_a_time = everything_stored()
    assert one_at_a_time["checks"] and one_at_a_time["weeks"] and one_at_a_time["windows"]
    forget_everything()

    with visit_windows_deferred():
        compliance_check_student_years(
            (placement.student, placement.school_year) for placement in placements
        )

    assert everything_stored() == one_at_a_time


def test_a_stored_check_is_updated_and_one_of_a_cancelled_placement_removed(placements):
    cancelled = placements[1]
    Placement.objects.filter(pk=cancelled.pk).update(status=Placement.Status.CANCELLED)
    kept = ComplianceCheck.objects.get(placement=placements[0]).pk

    compliance_check_student_years([(cancelled.student, cancelled.school_year)])

    assert ComplianceCheck.objects.get(placement=placements[0]).pk == kept
    assert not ComplianceCheck.objects.filter(placement=cancelled).exists()
    assert not PlannedWeek.objects.filter(placement=cancelled).exists()
    assert not VisitWindow.objects.filter(placement=cancelled).exists()
    assert PlannedWeek.objects.filter(placement=placements[2]).exists()


def test_deferred_checks_are_stored_together_with_their_windows(placements):
    one_at_a_time = everything_stored()
    forget_everything()

    with visit_windows_deferred(), compliance_checks_deferred():
        for placement in placements:
            compliance_check_placement(placement=placement)

    assert everything_stored() == one_at_a_time
