from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput
from core.validators import validate_document_upload
from internships.forms.agreements import DOCUMENT_ACCEPT
from internships.models import HealthAssessment, RiskAssessment, WorkstationSheet


class DocumentFormMixin(CrispyFormMixin):
    """An uploaded PDF, JPEG or PNG of at most 10 MB whose content matches its name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["document"]
        field.validators.append(validate_document_upload)
        field.widget.attrs["accept"] = DOCUMENT_ACCEPT
        field.help_text = _("PDF, JPEG of PNG, hoogstens 10 MB.")


class RiskAssessmentForm(DocumentFormMixin, forms.ModelForm):
    class Meta:
        model = RiskAssessment
        fields = [
            "document",
            "assessed_on",
            "health_surveillance_required",
            "mainly_screen_work",
            "notes",
        ]
        widgets = {"assessed_on": DateInput()}


class WorkstationSheetForm(DocumentFormMixin, forms.ModelForm):
    class Meta:
        model = WorkstationSheet
        fields = ["workstation", "document", "issued_on"]
        widgets = {"issued_on": DateInput()}


class HealthAssessmentForm(DocumentFormMixin, forms.ModelForm):
    class Meta:
        model = HealthAssessment
        fields = ["document", "assessed_on", "conclusion"]
        widgets = {"assessed_on": DateInput()}
