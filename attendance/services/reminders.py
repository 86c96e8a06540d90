"""The Monday reminder: each mentor gets one e-mail listing the past weeks still to confirm.

It carries a fresh portal link (``portal_link_create``), issued when the e-mail goes out; a
mentor is reminded once per week, whatever the number of runs (the dedupe key names the mentor
and the week).
"""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import ngettext

from attendance.selectors.lists import weeks_to_confirm_by_mentor
from attendance.selectors.weeks import WeekRow, monday_of
from internships.models import Notification, School
from internships.services.notifications import notification_queue
from internships.services.portal_links import portal_link_create


def _week_label(week: WeekRow) -> str:
    return f"{week.monday:%d/%m} – {week.sunday:%d/%m/%Y}"


@transaction.atomic
def week_reminders_send(*, school: School, today: datetime.date) -> list[Notification]:
    """E-mails every mentor with past weeks to confirm, once per mentor and week."""
    sent = []
    monday = monday_of(today)
    for mentor, weeks in weeks_to_confirm_by_mentor(school=school, today=today).items():
        if not mentor.email:
            continue
        dedupe_key = f"week-to-confirm:{mentor.pk}:{monday.isoformat()}"
        if Notification.objects.filter(school=school, dedupe_key=dedupe_key).exists():
            # Checked before the link is made: a new link would end the mentor's current one.
            continue
        link = portal_link_create(created_by=None, mentor=mentor)
        notification = notification_queue(
            school=school,
            kind=Notification.Kind.WEEK_TO_CONFIRM,
            recipient_name=mentor.full_name,
            recipient_email=mentor.email,
            reason=ngettext(
                "%(count)d week met gewerkte uren te bevestigen.",
                "%(count)d weken met gewerkte uren te bevestigen.",
                len(weeks),
            )
            % {"count": len(weeks)},
            template="attendance/emails/week_to_confirm",
            context={
                "name": mentor.full_name,
                "weeks": [
                    {
                        "student": week.placement.student.full_name,
                        "week": _week_label(week),
                        "hours": f"{week.planned_hours:g}".replace(".", ","),
                        "path": reverse("attendance:portal-weeks", args=[week.placement.pk]),
                    }
                    for week in weeks
                ],
                "sent_on": today.isoformat(),
            },
            access_link=link,
            dedupe_key=dedupe_key,
        )
        if notification is not None:
            sent.append(notification)
    return sent
