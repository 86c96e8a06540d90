"""Form building blocks shared across the app."""

import copy

from crispy_forms.helper import FormHelper
from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as ISO 8601."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class CrispyFormMixin:
    """Renders through crispy-forms without its own <form> tag: templates own the form.

    A model form validates on a copy of its instance: validating writes the cleaned data into
    the instance, and the update services compare the object they get with the new data.
    """

    def __init__(self, *args, **kwargs):
        if kwargs.get("instance") is not None:
            kwargs["instance"] = copy.copy(kwargs["instance"])
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
