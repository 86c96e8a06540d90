from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput
from core.validators import normalize_national_number
from internships.models import Guardian, SchoolClass, Student


class StudentForm(CrispyFormMixin, forms.ModelForm):
    # Wider than the stored eleven digits: people type 85.07.30-033.28.
    national_number = forms.CharField(
        label=Student._meta.get_field("national_number").verbose_name,
        help_text=Student._meta.get_field("national_number").help_text,
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "00.00.00-000.00"}),
    )

    class Meta:
        model = Student
        fields = [
            "first_name",
            "last_name",
            "birth_date",
            "national_number",
            "school_class",
            "email",
            "phone",
            "street",
            "postal_code",
            "city",
        ]
        widgets = {"birth_date": DateInput()}

    def __init__(self, *args, school_classes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_class"].queryset = (
            school_classes if school_classes is not None else SchoolClass.objects.none()
        )

    def clean_national_number(self) -> str:
        return normalize_national_number(self.cleaned_data["national_number"])

    def validate_unique(self) -> None:
        # The school is set by the service, so uniqueness per school is checked there.
        pass


class GuardianForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Guardian
        fields = ["first_name", "last_name", "relationship", "email", "phone", "may_sign"]
        help_texts = {
            "email": _("Naar dit adres gaat de link om de stageovereenkomst te ondertekenen."),
        }
