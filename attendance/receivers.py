"""What the attendance app does when the internships domain reports a change."""

from attendance.services.checks import recheck_if_worked


def recheck_worked_hours(sender, *, student, school_year, **kwargs) -> None:
    """``internships.signals.schedule_changed``: the weeks still planned changed beside the
    confirmed ones, so a pupil-year with worked weeks is checked again (5.1)."""
    recheck_if_worked(student=student, school_year=school_year)
