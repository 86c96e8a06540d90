"""The weekly reminder of overdue visits (annex 3: every pupil visited at regular times).

Once a week each supervisor gets one e-mail listing the visits whose window passed without a
visit in the last month and that no later visit caught up (``reminder_due``). The reminder of
a week goes out once (dedupe per supervisor and ISO week), however often the job runs.
"""

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.principals import StaffMember
from internships.models import Notification, School, User
from internships.services.notifications import notification_queue
from visits.selectors.follow_up import current_proposals, reminder_due
from visits.selectors.plan import VisitProposal


def _supervisors(school: School) -> list[User]:
    return list(
        User.objects.filter(
            school=school,
            is_active=True,
            supervised_placements__school=school,
        )
        .exclude(role="")
        .distinct()
        .order_by("pk")
    )


def _line(proposal: VisitProposal) -> dict:
    placement = proposal.placement
    return {
        "student": placement.student.full_name,
        "host": placement.host.name,
        "workplace": f"{placement.workplace.name}, {placement.workplace.city}",
        "window": f"{proposal.window_start:%d/%m} – {proposal.window_end:%d/%m/%Y}",
        "path": reverse("internships:placement-detail", args=[placement.pk]) + "#visits",
    }


def visit_reminders_send(*, school: School, today: datetime.date) -> int:
    """Queues this week's reminder for every supervisor with overdue visits; returns how many
    were queued (a supervisor reminded earlier this week is not counted again)."""
    year, week, _weekday = today.isocalendar()
    overdue: dict[int, list[VisitProposal]] = defaultdict(list)
    supervisors = _supervisors(school)
    for supervisor in supervisors:
        principal = StaffMember.of(supervisor)
        for proposal in current_proposals(principal, today=today):
            if reminder_due(proposal, today):
                overdue[supervisor.pk].append(proposal)
    queued = 0
    for supervisor in supervisors:
        proposals = overdue[supervisor.pk]
        if not proposals:
            continue
        count = len(proposals)
        notification = notification_queue(
            school=school,
            kind=Notification.Kind.VISIT_OVERDUE,
            recipient_name=supervisor.get_full_name() or supervisor.username,
            recipient_email=supervisor.email,
            reason=ngettext(
                "%(count)s stagebezoek is achterstallig (bijlage 3).",
                "%(count)s stagebezoeken zijn achterstallig (bijlage 3).",
                count,
            )
            % {"count": count},
            template="visits/emails/visits_overdue",
            context={
                "supervisor": supervisor.get_full_name() or supervisor.username,
                "count": count,
                "visits": [_line(proposal) for proposal in proposals],
                "path": reverse("visits:plan"),
                "week": _("week %(week)s van %(year)s") % {"week": week, "year": year},
            },
            placement=proposals[0].placement if count == 1 else None,
            dedupe_key=f"visit-overdue:{supervisor.pk}:{year}-W{week:02d}",
        )
        if notification is not None:
            queued += 1
    return queued
