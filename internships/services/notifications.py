"""Queueing the school's e-mails (``Notification``, the outbox).

:func:`notification_queue` records what will be sent, to whom and why, and queues the task after
the commit; ``internships.services.outbox`` renders and sends it. The context is plain JSON
(names, titles, dates as ISO strings under keys ending in ``_at`` or ``_on``). A reminder with a
``dedupe_key`` that was already used is not queued again.
"""

from typing import Any

from django.db import transaction

from internships.models import AccessLink, Notification, Placement, School
from internships.tasks import send_notification


@transaction.atomic
def notification_queue(
    *,
    school: School,
    kind: str,
    recipient_name: str,
    recipient_email: str,
    reason: str,
    template: str,
    context: dict[str, Any] | None = None,
    placement: Placement | None = None,
    access_link: AccessLink | None = None,
    dedupe_key: str = "",
) -> Notification | None:
    """Records the e-mail and sends it once the transaction commits; None when a reminder with
    the same ``dedupe_key`` went out before (or when there is no address to send it to)."""
    if not recipient_email:
        return None
    if dedupe_key and Notification.objects.filter(school=school, dedupe_key=dedupe_key).exists():
        return None
    notification = Notification.objects.create(
        school=school,
        kind=kind,
        recipient_name=recipient_name,
        recipient_email=recipient_email,
        reason=reason[:300],
        template=template,
        context=context or {},
        placement=placement,
        access_link=access_link,
        dedupe_key=dedupe_key,
    )
    notification_pk, school_id = notification.pk, school.pk
    transaction.on_commit(lambda: send_notification.delay(notification_pk, school_id=school_id))
    return notification
