"""The evaluations' cards on pages of other apps.

- ``{% placement_evaluations placement %}``: on the staff's placement page, both moments with
  their status and due date and what to do next (open, complete and finalise, read).
- ``{% portal_evaluations placement %}``: on the portal's placement page, as the link's holder
  sees it: the mentor's "advies geven", the pupil's or parents' finalised results.

The pages that include them have already checked the principal's access to the placement; the
cards read the evaluations through the selectors with the request's principal.
"""

from django import template
from django.utils import timezone

from core.principals import GuardianLink, MentorLink, PupilLink, StaffMember
from evaluations.selectors.criteria import programme_of
from evaluations.selectors.evaluations import MomentRow, placement_moments
from internships.models import Placement

register = template.Library()


def _rows(rows: list[MomentRow]) -> list[dict]:
    today = timezone.localdate()
    return [
        {
            "moment": row.moment,
            "evaluation": row.evaluation,
            "due_on": row.due_on,
            "overdue": row.due_on < today and not (row.evaluation and row.evaluation.is_finalised),
        }
        for row in rows
    ]


@register.inclusion_tag("evaluations/partials/placement_card.html", takes_context=True)
def placement_evaluations(context: template.Context, placement: Placement) -> dict:
    request = context["request"]
    principal = request.principal
    decides = isinstance(principal, StaffMember) and (
        principal.sees_whole_school or placement.supervisor_id == principal.user.pk
    )
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "placement": placement,
        "programme": programme_of(placement),
        "rows": _rows(placement_moments(principal, placement)),
        "decides": decides,
        "cancelled": placement.status == Placement.Status.CANCELLED,
    }


@register.inclusion_tag("evaluations/partials/portal_card.html", takes_context=True)
def portal_evaluations(context: template.Context, placement: Placement) -> dict:
    request = context["request"]
    principal = request.principal
    card = {"request": request, "placement": placement, "shown": False}
    if isinstance(principal, MentorLink):
        rows = [row for row in _rows(placement_moments(principal, placement)) if row["evaluation"]]
        card.update(shown=True, is_mentor=True, rows=rows)
    elif isinstance(principal, PupilLink | GuardianLink):
        rows = [row for row in _rows(placement_moments(principal, placement)) if row["evaluation"]]
        reported = isinstance(principal, PupilLink) or placement.student.is_minor_today
        card.update(shown=True, is_mentor=False, rows=rows, reported=reported)
    return card
