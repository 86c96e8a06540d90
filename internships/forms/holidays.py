from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput
from internships.models import SchoolHoliday


class SchoolHolidayForm(CrispyFormMixin, forms.ModelForm):
    """An own free day of the school: a name and its first and last day (section 4).

    The service checks what depends on the calendar (the school year, the fixed holidays, the
    other free days); the form only says when the end lies before the start, next to the field.
    """

    class Meta:
        model = SchoolHoliday
        fields = ["name", "start_date", "end_date"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        help_texts = {"end_date": _("Voor één dag: dezelfde datum als ‘van’.")}

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De einddatum ligt voor de begindatum."))
        return cleaned
