import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from compliance.models import Exemption, ScheduleException
from core import widgets
from core.forms import CrispyFormMixin, DateInput, TimeInput
from internships.forms.breaks import BreaksMixin, ProposedBreaksMixin
from internships.forms.placements import weekday_field
from internships.models import PlacementPeriod, SchoolClass, SchoolYear, Student


class ExemptionForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Exemption
        fields = ["kind", "ground", "granted_on", "document"]
        widgets = {"granted_on": DateInput()}


class ScheduleExceptionForm(CrispyFormMixin, BreaksMixin, forms.ModelForm):
    class Meta:
        model = ScheduleException
        fields = ["date", "kind", "start_time", "end_time", "force_majeure", "note"]
        widgets = {"date": DateInput(), "start_time": TimeInput(), "end_time": TimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_break_fields([])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") != ScheduleException.Kind.DAY_OFF and not (
            cleaned.get("start_time") and cleaned.get("end_time")
        ):
            self.add_error("start_time", _("Geef de uren van deze dag."))
        cleaned["breaks"] = self.clean_breaks(cleaned.get("start_time"), cleaned.get("end_time"))
        return cleaned

    def exception_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in [*self.Meta.fields, "breaks"]}


class PupilChoices(ModelChoiceIterator):
    """The pupils to choose from, read as plain values in one query: a school's few hundred
    pupils as model objects (streamed through a server-side cursor) cost the try page more than
    all its other fields. Each is named by ``Student.full_name``, as a pupil names itself."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        name = Student.full_name.fget
        for pupil in self.queryset.values_list("pk", "first_name", "last_name", named=True):
            yield (pupil.pk, name(pupil))


class PupilChoiceField(forms.ModelChoiceField):
    iterator = PupilChoices


class ScheduleTryForm(CrispyFormMixin, ProposedBreaksMixin, forms.Form):
    """A schedule to try out before it is saved on a placement; its break starts as the legal
    one for the hours and the pupil's age (5.2). Its lists of pupils and classes run to
    hundreds of options: ``core.widgets.Select`` writes them without a template per option."""

    student = PupilChoiceField(
        label=_("Leerling"),
        queryset=Student.objects.none(),
        required=False,
        help_text=_("Of vul hieronder enkel een geboortedatum in."),
        widget=widgets.Select,
    )
    birth_date = forms.DateField(label=_("Geboortedatum"), required=False, widget=DateInput())
    school_year = forms.ModelChoiceField(
        label=_("Schooljaar"), queryset=SchoolYear.objects.all(), widget=widgets.Select
    )
    school_class = forms.ModelChoiceField(
        label=_("Klas (lessenrooster)"),
        queryset=SchoolClass.objects.none(),
        required=False,
        help_text=_("De lesuren tellen mee als arbeidstijd (5.1)."),
        widget=widgets.Select,
    )
    kind = forms.ChoiceField(
        label=_("Soort"), choices=PlacementPeriod.Kind.choices, widget=widgets.Select
    )
    start_date = forms.DateField(label=_("Van"), widget=DateInput())
    end_date = forms.DateField(label=_("Tot en met"), widget=DateInput())
    weekdays = weekday_field()
    every_n_weeks = forms.TypedChoiceField(
        label=_("Om de hoeveel weken"),
        choices=PlacementPeriod._meta.get_field("every_n_weeks").choices,
        coerce=int,
        initial=1,
        widget=widgets.Select,
    )
    start_time = forms.TimeField(label=_("Begintijd"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Eindtijd"), widget=TimeInput())
    exemptions = forms.MultipleChoiceField(
        label=_("Afwijkingen"),
        choices=Exemption.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    requires_minimum_volume = forms.BooleanField(
        label=_("Minstens 18 halve dagen verplicht (3)"), required=False
    )

    def __init__(self, *args, students, school_classes, refresh=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["student"].queryset = students
        self.fields["school_class"].queryset = school_classes
        self.add_proposed_break_fields(birth_date=self._birth_date_in(refresh), refresh=refresh)

    def _birth_date_in(self, values) -> datetime.date | None:
        """The birth date the sent values give: the chosen pupil's, else the one typed in."""
        if not values:
            return None
        try:
            student = self.fields["student"].clean(values.get("student"))
            birth_date = self.fields["birth_date"].clean(values.get("birth_date"))
        except ValidationError:
            return None
        return student.birth_date if student is not None else birth_date

    def clean(self):
        cleaned = super().clean()
        student, birth_date = cleaned.get("student"), cleaned.get("birth_date")
        if student is None and birth_date is None:
            self.add_error("birth_date", _("Kies een leerling of geef een geboortedatum."))
        if student is not None:
            cleaned["birth_date"] = student.birth_date
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De einddatum ligt voor de begindatum."))
        if not cleaned.get("weekdays"):
            self.add_error("weekdays", _("Kies minstens één weekdag."))
        cleaned["breaks"] = self.clean_proposed_breaks(
            cleaned.get("start_time"),
            cleaned.get("end_time"),
            birth_date=cleaned.get("birth_date"),
            day=start,
        )
        return cleaned
