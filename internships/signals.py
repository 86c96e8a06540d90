"""Events of the internships domain that other apps act on.

The services send them explicitly, after the write they describe (never from ``save()``), and
the receiving apps connect to them in their ``AppConfig.ready``. This keeps the internships app
free of imports of the apps that build on it.
"""

from django.dispatch import Signal

#: A pupil's planned days in a school year may have changed: a placement or one of its periods
#: was created, changed or removed, the pupil's birth date changed, or the school's own free
#: days of the year moved (sent for every pupil of that year, from a task after the commit:
#: ``internships.services.schedule_changes``). Arguments: ``student``,
#: ``school_year``. Receiver: the compliance app re-checks that pupil-year against the labour
#: rules (``compliance.receivers``), inside the sender's transaction.
schedule_changed = Signal()


def placement_schedule_changed(placement) -> None:
    schedule_changed.send(
        sender=type(placement), student=placement.student, school_year=placement.school_year
    )
