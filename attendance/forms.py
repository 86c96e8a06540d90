"""Forms of the attendance app: a week day by day, an incident, its follow-up."""

import datetime
from dataclasses import dataclass

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from attendance.models import Incident
from attendance.services.weeks import WorkedDay
from compliance.engine.patterns import WorkDay
from core.forms import CrispyFormMixin, DateInput, TimeInput
from internships.forms.breaks import BreaksMixin

CONTROL = {"class": "form-control"}


@dataclass(frozen=True)
class DaySpec:
    """A day the week form offers: its plan, the hours stored for it (None: not worked, or not
    confirmed yet and not planned), and the hours to propose when it is ticked as worked."""

    date: datetime.date
    planned: WorkDay | None
    current: WorkDay | None
    suggested: WorkDay | None = None
    note: str = ""


def _clock(moment: datetime.time) -> str:
    return moment.strftime("%H:%M")


class DayForm(BreaksMixin, forms.Form):
    """One day of the week: worked or not, its hours and breaks, force majeure (5.1)."""

    worked = forms.BooleanField(label=_("Gewerkt"), required=False)
    start_time = forms.TimeField(label=_("Van"), required=False, widget=TimeInput(CONTROL))
    end_time = forms.TimeField(label=_("Tot"), required=False, widget=TimeInput(CONTROL))
    force_majeure = forms.BooleanField(
        label=_("Overwerk door overmacht"),
        required=False,
        help_text=_(
            "Enkel bij een (dreigend) ongeval, dringend werk aan machines of een onvoorziene "
            "noodzaak (5.1)."
        ),
    )
    note = forms.CharField(
        label=_("Toelichting"), max_length=200, required=False, widget=forms.TextInput(CONTROL)
    )

    def __init__(self, *args, spec: DaySpec, **kwargs):
        hours = spec.current or spec.suggested
        kwargs["initial"] = {
            "worked": spec.current is not None,
            "start_time": hours.start if hours else None,
            "end_time": hours.end if hours else None,
            "force_majeure": spec.current.force_majeure if spec.current else False,
            "note": spec.note,
        }
        super().__init__(*args, **kwargs)
        self.spec = spec
        breaks = [[_clock(start), _clock(end)] for start, end in hours.breaks] if hours else []
        self.add_break_fields(breaks)
        for name, field in self.fields.items():
            if name.startswith("break_"):
                field.widget.attrs.update(CONTROL)

    @property
    def date(self) -> datetime.date:
        return self.spec.date

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("worked"):
            return cleaned
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start is None or end is None:
            self.add_error("start_time", _("Geef de uren van deze dag."))
        elif start == end:
            self.add_error("end_time", _("Begin- en eindtijd mogen niet gelijk zijn."))
        cleaned["breaks"] = self.clean_breaks(start, end)
        return cleaned

    def worked_day(self) -> WorkedDay | None:
        data = self.cleaned_data
        if not data.get("worked"):
            return None
        return WorkedDay(
            date=self.date,
            start=data["start_time"],
            end=data["end_time"],
            breaks=tuple(tuple(pair) for pair in data["breaks"]),
            force_majeure=data["force_majeure"],
            note=data["note"],
        )


class BaseDayFormSet(BaseFormSet):
    """Exactly the days of the week the form offers, whatever the posted counts say."""

    def __init__(self, *args, specs: list[DaySpec], **kwargs):
        self.specs = specs
        super().__init__(*args, **kwargs)

    def total_form_count(self) -> int:
        return len(self.specs)

    def initial_form_count(self) -> int:
        return len(self.specs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "spec": self.specs[index]}


DayFormSet = formset_factory(DayForm, formset=BaseDayFormSet, extra=0)


class WeekForm(forms.Form):
    """The days of one week as they were worked: all of them, on one page."""

    def __init__(self, *args, specs: list[DaySpec], **kwargs):
        super().__init__(*args, **kwargs)
        self.days = DayFormSet(self.data if self.is_bound else None, prefix="day", specs=specs)

    def is_valid(self) -> bool:
        week_valid = super().is_valid()
        days_valid = self.days.is_valid()
        return week_valid and days_valid

    def worked_days(self) -> list[WorkedDay]:
        days = (form.worked_day() for form in self.days.forms)
        return [day for day in days if day is not None]


class StaffWeekForm(WeekForm):
    """Staff correct a week, always saying why."""

    reason = forms.CharField(
        label=_("Reden van de correctie"),
        max_length=300,
        widget=forms.TextInput(CONTROL),
        help_text=_("Bv. ‘volgens de aanwezigheidslijst van de stagegever’."),
    )


class IncidentForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Incident
        fields = ["date", "kind", "description"]
        widgets = {"date": DateInput(), "description": forms.Textarea(attrs={"rows": 5})}


class IncidentFollowUpForm(CrispyFormMixin, forms.Form):
    follow_up = forms.CharField(
        label=_("Opvolging door de school"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat de school deed: gesprek, aangifte bij de verzekering, afspraken ..."),
    )
    handled = forms.BooleanField(label=_("Afgehandeld"), required=False)
