from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput
from surveys.questions import RATING_LABELS, YES_NO_LABELS, questions_for


class SurveyOpenForm(CrispyFormMixin, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    closes_on = forms.DateField(label=_("Antwoorden kan tot en met"), widget=DateInput())

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in het verleden."))
        return closes_on


class SurveyAnswerForm(CrispyFormMixin, forms.Form):
    """The audience's questions, one field each: ratings and choices as large radio buttons."""

    def __init__(self, *args, audience: str, **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions_for(audience):
            if question.is_text:
                field = forms.CharField(
                    label=question.text,
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            elif question.is_rating:
                field = forms.TypedChoiceField(
                    label=question.text,
                    choices=[
                        (value, f"{value} – {label}") for value, label in RATING_LABELS.items()
                    ],
                    coerce=int,
                    widget=forms.RadioSelect,
                )
            else:
                field = forms.ChoiceField(
                    label=question.text,
                    choices=list(YES_NO_LABELS.items()),
                    widget=forms.RadioSelect,
                )
            self.fields[question.key] = field
