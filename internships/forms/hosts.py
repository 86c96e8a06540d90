from django import forms

from core.forms import CrispyFormMixin
from core.validators import normalize_enterprise_number
from internships.models import Host, Mentor, Workplace


class HostForm(CrispyFormMixin, forms.ModelForm):
    # Wider than the stored ten digits: people type dots, spaces and a BE prefix.
    enterprise_number = forms.CharField(
        label=Host._meta.get_field("enterprise_number").verbose_name,
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "0403.170.701"}),
    )

    class Meta:
        model = Host
        fields = [
            "name",
            "enterprise_number",
            "joint_committee",
            "employs_staff",
            "street",
            "postal_code",
            "city",
            "representative_name",
            "representative_title",
            "email",
            "phone",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def clean_enterprise_number(self) -> str:
        return normalize_enterprise_number(self.cleaned_data["enterprise_number"])

    def validate_unique(self) -> None:
        # The school is set by the service, which checks uniqueness per school.
        pass


class WorkplaceForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Workplace
        fields = ["name", "street", "postal_code", "city"]


class MentorForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Mentor
        fields = ["first_name", "last_name", "job_title", "email", "phone"]
