from attendance.models.incidents import Incident
from attendance.models.weeks import AttendanceCheck, AttendanceDay, AttendanceWeek

__all__ = ["AttendanceCheck", "AttendanceDay", "AttendanceWeek", "Incident"]
