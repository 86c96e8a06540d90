"""``{% placement_visit_plan placement %}``: the visit plan card of a placement's page.

The proposals of the placement by its programme's rule, each done, planned, to plan or
overdue, with a button to plan it. The page that includes it has already checked the user's
access to the placement.
"""

from django import template
from django.utils import timezone

from internships.models import Placement
from visits.selectors.plan import interval_weeks, placement_plan

register = template.Library()


@register.inclusion_tag("visits/partials/placement_plan.html", takes_context=True)
def placement_visit_plan(context: template.Context, placement: Placement) -> dict:
    return {
        "request": context.get("request"),
        "placement": placement,
        "proposals": placement_plan(placement, today=timezone.localdate()),
        "interval_weeks": interval_weeks(placement),
    }
