from django.http import HttpRequest

from core.principals import LinkHolder
from internships.models import School


def link_holder(request: HttpRequest) -> dict:
    """The school of the link holder, for the portal's header (its name, later its logo)."""
    principal = getattr(request, "principal", None)
    if not isinstance(principal, LinkHolder):
        return {}
    return {"portal_school": School.objects.filter(pk=principal.school_id).first()}
