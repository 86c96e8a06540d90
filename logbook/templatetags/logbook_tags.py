"""The logbook's cards on pages of other apps.

- ``{% placement_logbook placement %}``: the staff placement page's card: how many entries,
  the latest ones, how many the supervisor has not commented on yet, and the way to the logbook.
- ``{% portal_logbook placement %}``: the portal placement page's card, adapted to the link's
  holder: the pupil writes, the mentor sees what waits for feedback, a minor's guardian reads.

The pages that include them have already checked the principal's access to the placement; the
cards show nothing to a principal who does not read the logbook (an adult pupil's guardian).
"""

from django import template

from internships.models import Placement
from logbook.selectors import logbook_is_open, portal_card, staff_card

register = template.Library()


@register.inclusion_tag("logbook/partials/placement_card.html", takes_context=True)
def placement_logbook(context: template.Context, placement: Placement) -> dict:
    return {
        "request": context.get("request"),
        "placement": placement,
        "card": staff_card(placement),
    }


@register.inclusion_tag("logbook/partials/portal_card.html", takes_context=True)
def portal_logbook(context: template.Context, placement: Placement) -> dict:
    request = context["request"]
    return {
        "request": request,
        "placement": placement,
        "card": portal_card(request.principal, placement),
        "is_open": logbook_is_open(placement),
    }
