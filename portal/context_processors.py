from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from core.principals import LinkHolder
from internships.models import School


def link_holder(request: HttpRequest) -> dict:
    """The school of the link holder, for the portal's header (its name and logo).

    Read when the page first shows it: a page that read the school already passes its own
    ``portal_school``, which takes precedence, and the school is not read again."""
    principal = getattr(request, "principal", None)
    if not isinstance(principal, LinkHolder):
        return {}
    return {
        "portal_school": SimpleLazyObject(
            lambda: School.objects.filter(pk=principal.school_id).first()
        )
    }
