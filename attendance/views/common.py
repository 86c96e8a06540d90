"""What the portal and staff pages of a week share: the week named in the URL, the form's days."""

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property

from attendance.forms import DaySpec
from attendance.selectors.weeks import DAY, WeekRow, placement_week, week_in_placement, week_monday
from internships.models import Placement


def day_specs(placement: Placement, week: WeekRow) -> list[DaySpec]:
    """The week's days within the placement's dates, with the hours stored or planned."""
    typical = next(iter(week.planned.values()), None)
    specs = []
    for offset in range(7):
        date = week.monday + offset * DAY
        if not placement.start_date <= date <= placement.end_date:
            continue
        planned = week.planned.get(date)
        note = ""
        if week.record is not None:
            stored = week.recorded_days.get(date)
            current = stored.as_work_day() if stored else None
            note = stored.note if stored else ""
        else:
            current = planned
        specs.append(
            DaySpec(
                date=date,
                planned=planned,
                current=current,
                suggested=current or planned or typical,
                note=note,
            )
        )
    return specs


def as_form_error(error: ValidationError) -> ValidationError:
    """A service's message about one day lands above the week form, which has no day fields."""
    return ValidationError(error.messages)


class WeekMixin:
    """A week of ``self.placement``, named in the URL by its ISO year and week number."""

    placement: Placement

    @cached_property
    def monday(self) -> datetime.date:
        try:
            monday = week_monday(self.kwargs["iso_year"], self.kwargs["iso_week"])
        except ValueError:
            raise Http404 from None
        if not week_in_placement(self.placement, monday):
            raise Http404
        return monday

    @cached_property
    def week(self) -> WeekRow:
        return placement_week(self.placement, self.monday, today=timezone.localdate())

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "specs": day_specs(self.placement, self.week)}
