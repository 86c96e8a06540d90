import datetime
import itertools

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput, TimeInput
from internships.models import Absence, Placement, PlacementPeriod
from internships.models.placements import WEEKDAY_NAMES

BREAK_SLOTS = 3


class PlacementForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Placement
        fields = [
            "student",
            "school_year",
            "kind",
            "start_date",
            "end_date",
            "host",
            "workplace",
            "mentor",
            "supervisor",
            "notes",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(
        self, *args, students, hosts, workplaces, mentors, supervisors, school_years, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["student"].queryset = students
        self.fields["school_year"].queryset = school_years
        self.fields["host"].queryset = hosts
        self.fields["supervisor"].queryset = supervisors
        host_id = self.data.get("host") or self.initial.get("host") or self.instance.host_id
        host_id = getattr(host_id, "pk", host_id)
        self.fields["workplace"].queryset = (
            workplaces.filter(host_id=host_id) if host_id else workplaces.none()
        )
        self.fields["mentor"].queryset = (
            mentors.filter(host_id=host_id) if host_id else mentors.none()
        )
        host_field = self.fields["host"].widget
        host_field.attrs.update(
            {"hx-get": "", "hx-target": "#host-options", "hx-trigger": "change", "hx-swap": "none"}
        )
        if self.instance.pk:
            # A placement stays with its pupil and school year; anything else is a new placement.
            for name in ("student", "school_year"):
                self.fields[name].disabled = True

    def set_host_options_url(self, url: str) -> None:
        self.fields["host"].widget.attrs["hx-get"] = url

    def clean(self):
        cleaned = super().clean()
        check_end_after_start(self, cleaned)
        return cleaned


def check_end_after_start(form: forms.Form, cleaned: dict) -> None:
    """In Dutch, before the model's check constraint answers with only its name."""
    start, end = cleaned.get("start_date"), cleaned.get("end_date")
    if start and end and end < start:
        form.add_error("end_date", _("De einddatum ligt voor de begindatum."))


class BreaksMixin(forms.Form):
    """Up to three breaks as pairs of time fields, cleaned into ``[["HH:MM", "HH:MM"], ...]``."""

    def add_break_fields(self, breaks: list[list[str]]) -> None:
        for index in range(BREAK_SLOTS):
            start, end = breaks[index] if index < len(breaks) else (None, None)
            self.fields[f"break_{index}_start"] = forms.TimeField(
                label=_("Pauze %(number)s van") % {"number": index + 1},
                required=False,
                widget=TimeInput(),
                initial=start,
            )
            self.fields[f"break_{index}_end"] = forms.TimeField(
                label=_("tot"), required=False, widget=TimeInput(), initial=end
            )

    def clean_breaks(self, start: datetime.time | None, end: datetime.time | None) -> list:
        breaks = []
        for index in range(BREAK_SLOTS):
            break_start = self.cleaned_data.get(f"break_{index}_start")
            break_end = self.cleaned_data.get(f"break_{index}_end")
            if break_start is None and break_end is None:
                continue
            if break_start is None or break_end is None:
                self.add_error(f"break_{index}_end", _("Geef van een pauze begin en einde."))
                continue
            if break_end <= break_start:
                self.add_error(f"break_{index}_end", _("Een pauze eindigt na haar begin."))
                continue
            if start and end and end > start and (break_start < start or break_end > end):
                self.add_error(f"break_{index}_start", _("Een pauze valt binnen de werktijd."))
                continue
            breaks.append([break_start.strftime("%H:%M"), break_end.strftime("%H:%M")])
        breaks.sort()
        for previous, following in itertools.pairwise(breaks):
            if following[0] < previous[1]:
                self.add_error(None, _("Pauzes mogen elkaar niet overlappen."))
        return breaks


def weekday_field() -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=_("Weekdagen"),
        choices=list(enumerate(WEEKDAY_NAMES)),
        coerce=int,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "sb-weekdays"}),
        initial=[0, 1, 2, 3, 4],
    )


class PeriodForm(CrispyFormMixin, BreaksMixin, forms.ModelForm):
    weekdays = weekday_field()

    class Meta:
        model = PlacementPeriod
        fields = [
            "kind",
            "start_date",
            "end_date",
            "weekdays",
            "every_n_weeks",
            "start_time",
            "end_time",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
        }
        help_texts = {
            "end_time": _("Een eindtijd vóór de begintijd betekent: tot de volgende dag."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_break_fields(self.instance.breaks if self.instance.pk else [["12:00", "12:30"]])

    def clean(self):
        cleaned = super().clean()
        check_end_after_start(self, cleaned)
        cleaned["breaks"] = self.clean_breaks(cleaned.get("start_time"), cleaned.get("end_time"))
        return cleaned

    def period_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in [*self.Meta.fields, "breaks"]}


class AbsenceForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Absence
        fields = ["date", "hours", "justification", "reason"]
        widgets = {"date": DateInput()}


class MentorAbsenceForm(CrispyFormMixin, forms.ModelForm):
    """What a mentor reports: the day, the hours missed and what they know of the reason."""

    class Meta:
        model = Absence
        fields = ["date", "hours", "reason"]
        widgets = {"date": DateInput()}
        help_texts = {"reason": _("Wat u weet, bv. ‘ziek gemeld om 8 uur’.")}


class MakeUpForm(CrispyFormMixin, BreaksMixin, forms.Form):
    reason = forms.CharField(label=_("Reden"), max_length=200)
    decided_on = forms.DateField(label=_("Beslist op"), widget=DateInput())
    absences = forms.ModelMultipleChoiceField(
        label=_("In te halen afwezigheden"),
        queryset=Absence.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    start_date = forms.DateField(label=_("Van"), widget=DateInput())
    end_date = forms.DateField(label=_("Tot en met"), widget=DateInput())
    weekdays = weekday_field()
    start_time = forms.TimeField(label=_("Begintijd"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Eindtijd"), widget=TimeInput())

    def __init__(self, *args, absences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["absences"].queryset = absences
        self.add_break_fields([["12:00", "12:30"]])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De einddatum ligt voor de begindatum."))
        cleaned["breaks"] = self.clean_breaks(cleaned.get("start_time"), cleaned.get("end_time"))
        return cleaned


class TransitionForm(forms.Form):
    status = forms.ChoiceField(choices=Placement.Status.choices)
    # Cancelling a placement with an agreement stops the agreement: on a date, for a reason.
    on = forms.DateField(label=_("Datum"), required=False, widget=DateInput())
    reason = forms.CharField(label=_("Reden"), max_length=300, required=False)
