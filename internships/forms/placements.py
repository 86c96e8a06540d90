import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput, TimeInput
from internships.forms.breaks import ProposedBreaksMixin
from internships.models import Absence, Placement, PlacementPeriod
from internships.models.placements import WEEKDAY_NAMES


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


def weekday_field() -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=_("Weekdagen"),
        choices=list(enumerate(WEEKDAY_NAMES)),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        initial=[0, 1, 2, 3, 4],
    )


class PeriodForm(CrispyFormMixin, ProposedBreaksMixin, forms.ModelForm):
    """A period of a placement; a new one proposes the legal break for its hours and the
    pupil born on ``birth_date`` (5.2), an existing one shows its own breaks."""

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

    def __init__(self, *args, birth_date: datetime.date | None = None, refresh=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.birth_date = birth_date
        if self.instance.pk:
            self.add_break_fields(self.instance.breaks)
        else:
            self.add_proposed_break_fields(birth_date=birth_date, refresh=refresh)

    def clean(self):
        cleaned = super().clean()
        check_end_after_start(self, cleaned)
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if self.instance.pk:
            cleaned["breaks"] = self.clean_breaks(start, end)
        else:
            cleaned["breaks"] = self.clean_proposed_breaks(
                start, end, birth_date=self.birth_date, day=cleaned.get("start_date")
            )
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


class MakeUpForm(CrispyFormMixin, ProposedBreaksMixin, forms.Form):
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

    def __init__(
        self, *args, absences, birth_date: datetime.date | None = None, refresh=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["absences"].queryset = absences
        self.birth_date = birth_date
        self.add_proposed_break_fields(birth_date=birth_date, refresh=refresh)

    def clean(self):
        cleaned = super().clean()
        check_end_after_start(self, cleaned)
        cleaned["breaks"] = self.clean_proposed_breaks(
            cleaned.get("start_time"),
            cleaned.get("end_time"),
            birth_date=self.birth_date,
            day=cleaned.get("start_date"),
        )
        return cleaned


class TransitionForm(forms.Form):
    status = forms.ChoiceField(choices=Placement.Status.choices)
    # Cancelling a placement with an agreement stops the agreement: on a date, for a reason.
    on = forms.DateField(label=_("Datum"), required=False, widget=DateInput())
    reason = forms.CharField(label=_("Reden"), max_length=300, required=False)
