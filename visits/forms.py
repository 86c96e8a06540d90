"""The small choice forms of the visits pages: which day and whose route, which month and
whose travel costs. They read the query string (GET), so a page can be bookmarked."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput


class MonthInput(forms.DateInput):
    """The browser's month picker; the value travels as ``YYYY-MM``."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m")


class MonthField(forms.DateField):
    """A month as the date of its first day."""

    widget = MonthInput
    input_formats = ["%Y-%m"]

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class SupervisorChoiceMixin(CrispyFormMixin):
    def __init__(self, *args, supervisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"
        field = self.fields["begeleider"]
        field.queryset = supervisors
        if len(supervisors) <= 1:
            field.widget = forms.HiddenInput()


class RouteForm(SupervisorChoiceMixin, forms.Form):
    dag = forms.DateField(label=_("Dag"), widget=DateInput())
    begeleider = forms.ModelChoiceField(label=_("Stagebegeleider"), queryset=None)


class ExpenseForm(SupervisorChoiceMixin, forms.Form):
    maand = MonthField(label=_("Maand"))
    begeleider = forms.ModelChoiceField(label=_("Stagebegeleider"), queryset=None)


def previous_month(today: datetime.date) -> datetime.date:
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
