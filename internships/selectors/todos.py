"""What the internships domain expects of a principal now (``core.todo``)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.principals import MentorLink, Principal
from core.todo import Todo
from internships.models import ActivityList, Placement
from internships.selectors.placements import placements_visible_to


def todos_for(principal: Principal) -> list[Todo]:
    """A mentor: the activity lists still to confirm (annex 3), before the internship starts."""
    if not isinstance(principal, MentorLink):
        return []
    lists = (
        ActivityList.objects.filter(
            placement__in=placements_visible_to(principal).active(),
            mentor_confirmed_at__isnull=True,
        )
        .exclude(placement__status=Placement.Status.COMPLETED)
        .select_related("placement__student")
    )
    return [
        Todo(
            text=_("Bevestig de activiteitenlijst van %(student)s")
            % {"student": activity_list.placement.student},
            url=reverse("portal:placement", args=[activity_list.placement_id]) + "#activities",
            due_on=activity_list.placement.start_date,
        )
        for activity_list in lists
    ]
