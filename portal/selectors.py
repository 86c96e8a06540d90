"""What the portal's pages read, for the link holder who asks (``request.principal``).

Both go through ``placements_visible_to``, so a link holder never reads a placement of someone
else (404 on the placement page).
"""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from core.principals import Principal
from internships.models import Placement
from internships.selectors.placements import placements_visible_to
from internships.selectors.schedules import school_year_holidays_keep

# What the placement page and its cards read of a placement, in the query that reads it: the
# agreement and the activity list (one each at most), the school for the page's header, the
# class's programme for the attendance totals. Staff's page joins more (mentor, supervisor,
# the pupil's class), which costs PostgreSQL more to plan than the portal page needs.
PLACEMENT_RELATIONS = (
    "student",
    "host",
    "workplace",
    "school",
    "school_year",
    "school_class__programme",
    "agreement",
    "activity_list",
)
# The schedule and its hours, the absences and the attendance card, the risk documents.
PLACEMENT_ROWS = (
    "periods",
    "exemptions",
    "absences",
    "workplace__risk_assessments",
    "workplace__workstation_sheets",
)


def portal_placements(principal: Principal) -> QuerySet[Placement]:
    """The link holder's active placements, the latest first, for the portal's home; each
    with its school for the page's header."""
    return (
        placements_visible_to(principal)
        .active()
        .select_related("student", "host", "workplace", "school")
        .order_by("-start_date")
    )


def portal_placement_header(principal: Principal, pk: int) -> Placement:
    """A placement the link holder may see, with what the page's header names (the pupil, the
    host and workplace, the school); 404 for any other."""
    queryset = placements_visible_to(principal).select_related(
        "student", "host", "workplace", "school"
    )
    return get_object_or_404(queryset, pk=pk)


def portal_placement_get(principal: Principal, pk: int) -> Placement:
    """A placement the link holder may see, with what its portal page shows; 404 for any
    other. The school's holidays of the year are read once and kept on its school year for
    the hours per period and the attendance card; the page only reads, so nothing it keeps
    goes stale."""
    queryset = (
        placements_visible_to(principal)
        .select_related(*PLACEMENT_RELATIONS)
        .prefetch_related(*PLACEMENT_ROWS)
    )
    placement = get_object_or_404(queryset, pk=pk)
    school_year_holidays_keep(placement.school_year, placement.school_id)
    return placement
