from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from internships.models import AgreementVersion, Programme, SchoolYear


class PlacementDocumentForm(forms.Form):
    """Which document of a placement to make; for an agreement, optionally which version."""

    kind = forms.ChoiceField(
        label=_("Document"),
        choices=[
            (kind.value, kind.label)
            for kind in (Document.Kind.AGREEMENT, Document.Kind.INDIVIDUAL_DOSSIER)
        ],
    )
    agreement_version = forms.ModelChoiceField(
        label=_("Versie van de overeenkomst"),
        queryset=AgreementVersion.objects.none(),
        required=False,
    )

    def __init__(self, *args, agreement_versions: QuerySet[AgreementVersion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreement_version"].queryset = agreement_versions


class SchoolYearDocumentForm(forms.Form):
    """The inspection page's form: the general dossier or the whole export of a school year."""

    kind = forms.ChoiceField(
        label=_("Document"),
        widget=forms.RadioSelect,
        choices=[
            (Document.Kind.INSPECTION_EXPORT.value, _("Inspectiedossier (ZIP met alle PDF's)")),
            (Document.Kind.GENERAL_DOSSIER.value, _("Algemeen stagedossier (PDF)")),
        ],
        initial=Document.Kind.INSPECTION_EXPORT.value,
    )
    school_year = forms.ModelChoiceField(
        label=_("Schooljaar"), queryset=SchoolYear.objects.all(), empty_label=None
    )
    programme = forms.ModelChoiceField(
        label=_("Studierichting"),
        queryset=Programme.objects.none(),
        required=False,
        empty_label=_("Alle studierichtingen"),
    )

    def __init__(self, *args, programmes: QuerySet[Programme], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
