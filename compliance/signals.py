"""Events of the compliance app that the feature apps act on (sent by its services, after the
write they describe; receivers connect in their ``AppConfig.ready``)."""

from django.dispatch import Signal

#: The latest check of a pupil-year stored its planned weeks (``PlannedWeek``): the planned days
#: of the pupil's placements in that school year may have changed. Arguments: ``student``,
#: ``school_year``. Receiver: the visits app stores the visit windows of those placements
#: (``visits.receivers``), inside the sender's transaction.
planned_weeks_stored = Signal()
