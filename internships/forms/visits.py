from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput
from internships.models import Visit


class VisitForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Visit
        fields = [
            "date",
            "kind",
            "status",
            "visited_by",
            "mentor_present",
            "findings",
            "follow_up",
        ]
        widgets = {
            "date": DateInput(),
            "kind": forms.RadioSelect,
            "status": forms.RadioSelect,
            "findings": forms.Textarea(attrs={"rows": 5}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "status": _("Een gepland bezoek vul je na het bezoek aan met wat je vaststelde."),
        }

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_by"].queryset = staff

    def visit_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}
