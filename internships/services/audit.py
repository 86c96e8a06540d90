"""Who made a change that no staff account made: the history names the link's holder."""

from django.db.models import Model

from core.principals import LinkHolder, Principal
from internships.models import AccessLink


def link_holder_label(link: AccessLink) -> str:
    person = link.mentor or link.student or link.guardian
    name = f"{person.first_name} {person.last_name}" if person else link.email
    return f"{link.get_holder_display()} {name} (persoonlijke link {link.pk})"


def acting_as(instance: Model, principal: Principal) -> None:
    """Marks the next save of ``instance`` in its history as done by the link's holder (staff
    changes carry their user already, through the history middleware)."""
    if isinstance(principal, LinkHolder):
        link = AccessLink.objects.select_related("mentor", "student", "guardian").get(
            pk=principal.link_id
        )
        instance._change_reason = link_holder_label(link)[:100]
