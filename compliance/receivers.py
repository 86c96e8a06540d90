"""What the compliance app does when the internships domain reports a change."""

from compliance.services import compliance_check_student_year


def recheck_student_year(sender, *, student, school_year, **kwargs) -> None:
    """``internships.signals.schedule_changed``: check the pupil's year again (5)."""
    compliance_check_student_year(student=student, school_year=school_year)
