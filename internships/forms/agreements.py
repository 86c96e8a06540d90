from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, DateInput
from core.validators import validate_document_upload
from internships.models import Agreement, Party
from internships.services.signatures import MAX_VALID_DAYS

DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class AgreementForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["travel_costs", "travel_costs_note"]
        widgets = {"travel_costs": forms.RadioSelect}
        help_texts = {
            "travel_costs": _(
                "Draagt de leerling zelf kosten, dan staat dat in de overeenkomst (7.1.2)."
            ),
            "travel_costs_note": _("Bv. een fietsvergoeding of een abonnement van De Lijn."),
        }


class AmendForm(CrispyFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reden van de wijziging"),
        max_length=300,
        help_text=_("Bv. nieuwe data, een andere mentor of stageplaats, een onderbreking."),
    )


class EndForm(CrispyFormMixin, forms.Form):
    ended_on = forms.DateField(label=_("Datum"), widget=DateInput(), initial=timezone.localdate)
    reason = forms.CharField(label=_("Reden"), max_length=300)


def party_field(parties) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Partij"),
        choices=[(party, Party(party).label) for party in parties],
        widget=forms.RadioSelect,
    )


class SignatureRequestForm(CrispyFormMixin, forms.Form):
    signer_name = forms.CharField(label=_("Naam ondertekenaar"), max_length=200)
    signer_role = forms.CharField(
        label=_("Hoedanigheid"),
        max_length=100,
        help_text=_("Bv. moeder, directeur, zaakvoerder, gevolmachtigde."),
    )
    email = forms.EmailField(label=_("E-mailadres"))
    valid_days = forms.IntegerField(
        label=_("Geldig (dagen)"), min_value=1, max_value=MAX_VALID_DAYS, initial=14
    )

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"party": party_field(parties), **self.fields}


class PaperSignatureForm(CrispyFormMixin, forms.Form):
    signer_name = forms.CharField(label=_("Naam ondertekenaar"), max_length=200)
    signer_role = forms.CharField(label=_("Hoedanigheid"), max_length=100)
    signed_on = forms.DateField(
        label=_("Ondertekend op"), widget=DateInput(), initial=timezone.localdate
    )
    scan = forms.FileField(
        label=_("Ingescande overeenkomst"),
        help_text=_("PDF, JPEG of PNG, hoogstens 10 MB, met de handtekening en de hashcode."),
        validators=[validate_document_upload],
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"party": party_field(parties), **self.fields}


class SignForm(forms.Form):
    """What the signer confirms on the public signing page."""

    signer_name = forms.CharField(label=_("Uw naam"), max_length=200)
    agree = forms.BooleanField(
        label=_("Ik heb de overeenkomst gelezen en ga akkoord"),
        error_messages={
            "required": _("Vink aan dat u de overeenkomst gelezen hebt en akkoord gaat.")
        },
    )
    content_hash = forms.CharField(widget=forms.HiddenInput, max_length=64)


class GroupAgreementForm(CrispyFormMixin, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    placements = forms.ModelMultipleChoiceField(
        label=_("Stages"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Stages bij deze stagegever in dit schooljaar zonder ondertekende overeenkomst."
        ),
    )

    def __init__(self, *args, placements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["placements"].queryset = placements
        self.fields["placements"].label_from_instance = lambda placement: (
            f"{placement.student} · {placement.start_date:%d/%m/%Y} – {placement.end_date:%d/%m/%Y}"
        )
