from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import CrispyFormMixin, DateInput, TimeInput
from internships.models import Placement, Visit
from internships.services.visits import DAYS_AFTER_END, DAYS_BEFORE_START, visit_window


class VisitForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Visit
        fields = [
            "date",
            "time",
            "kind",
            "status",
            "visited_by",
            "mentor_present",
            "findings",
            "follow_up",
            "distance_km",
        ]
        widgets = {
            "date": DateInput(),
            "time": TimeInput(),
            "kind": forms.RadioSelect,
            "status": forms.RadioSelect,
            "findings": forms.Textarea(attrs={"rows": 5}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
            "distance_km": forms.NumberInput(attrs={"step": "0.1", "min": "0"}),
        }
        help_texts = {
            "time": gettext_lazy("Leeg laten voor een bezoek zonder vast uur."),
            "status": gettext_lazy(
                "Een gepland bezoek vul je na het bezoek aan met wat je vaststelde."
            ),
        }

    def __init__(self, *args, staff, placement: Placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_by"].queryset = staff
        first_day, last_day = visit_window(placement)
        self.fields["date"].help_text = _(
            "Van %(first_day)s tot %(last_day)s: een bezoek tot %(before)s dagen voor de "
            "begindatum is het kennismakingsbezoek (bijlage 3), tot %(after)s dagen na de "
            "einddatum de nabespreking."
        ) % {
            "first_day": f"{first_day:%d/%m/%Y}",
            "last_day": f"{last_day:%d/%m/%Y}",
            "before": DAYS_BEFORE_START,
            "after": DAYS_AFTER_END,
        }

    def visit_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}
