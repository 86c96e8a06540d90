"""``{% placement_attendance placement %}`` and ``{% portal_attendance placement %}``: the cards
of the worked hours on the staff placement page and on the mentor's portal page.

Those pages belong to other apps, which do not know this one; they include these cards. The
page that includes a card has already checked that its reader may see the placement.
"""

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from attendance.selectors.summary import placement_attendance as attendance_of
from attendance.selectors.summary import placement_card
from compliance.engine.patterns import WorkDay
from core.principals import Capability, MentorLink
from internships.models import Placement

register = template.Library()


@register.inclusion_tag("attendance/partials/placement_card.html", takes_context=True)
def placement_attendance(context: template.Context, placement: Placement) -> dict:
    card = placement_card(placement, today=timezone.localdate())
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "placement": placement,
        "attendance": card.attendance,
        "year_totals": card.year_totals,
    }


@register.inclusion_tag("attendance/partials/portal_card.html", takes_context=True)
def portal_attendance(context: template.Context, placement: Placement) -> dict:
    """The mentor's card; other link holders (pupil, guardian) see none."""
    request = context.get("request")
    principal = getattr(request, "principal", None)
    is_mentor = (
        isinstance(principal, MentorLink)
        and principal.mentor_id == placement.mentor_id
        and principal.can(Capability.CONFIRM_HOURS)
    )
    card = {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "placement": placement,
        "show": is_mentor,
    }
    if is_mentor:
        card["attendance"] = attendance_of(placement, today=timezone.localdate())
        card["can_report_incident"] = principal.can(Capability.REPORT_INCIDENT)
    return card


@register.filter
def work_hours(day: WorkDay | None) -> str:
    """A day's hours as ``08:30–16:30 · pauze 12:00–12:30``."""
    if day is None:
        return ""
    text = f"{day.start:%H:%M}–{day.end:%H:%M}"
    if day.breaks:
        pauses = ", ".join(f"{start:%H:%M}–{end:%H:%M}" for start, end in day.breaks)
        text += f" · {_('pauze')} {pauses}"
    return text


@register.filter
def hours(value) -> str:
    """Hours without trailing zeros, the locale's way: ``7,5``, ``37,75``."""
    if value is None:
        return ""
    rounded = round(float(value), 2)
    return number_format(int(rounded) if rounded.is_integer() else rounded)
