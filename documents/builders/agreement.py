"""The leerlingenstageovereenkomst of one agreement version, as its parties signed it.

The body comes from the version's frozen ``content`` (rendered by ``agreements/body.html``,
without reading the database), so the PDF shows exactly what was signed. The last page is the
audit trail of the signatures: who signed for which party, how, when, from which address and
browser, and the SHA-256 each of them signed, next to the version's own content hash.
"""

from dataclasses import dataclass
from typing import BinaryIO

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from documents.builders.common import DocumentError
from documents.models import Document
from documents.rendering import pdf_context, render_pdf, static_stylesheet
from internships.models import AgreementVersion, Party, Signature

TEMPLATE = "documents/pdf/agreement.html"
# The body's own styles, shared with the signing page so paper and screen look alike.
AGREEMENT_STYLESHEET = "css/agreement.css"
# Applied after it in the PDF: the same look without its grid and flexbox, which WeasyPrint is
# slow to lay out.
AGREEMENT_PRINT_STYLESHEET = "documents/css/agreement-print.css"


# School and host sign a group agreement once; each pupil's version is then signed by the pupil.
GROUP_PARTIES = (Party.SCHOOL, Party.HOST)


def signatures_prefetch(lookup: str) -> Prefetch:
    queryset = Signature.objects.select_related("recorded_by").order_by("signed_at")
    return Prefetch(lookup, queryset=queryset)


def agreement_versions() -> QuerySet[AgreementVersion]:
    return AgreementVersion.objects.select_related(
        "agreement__placement__student", "agreement__placement__school", "agreement__group"
    ).prefetch_related(
        signatures_prefetch("signatures"), signatures_prefetch("agreement__group__signatures")
    )


@dataclass(frozen=True)
class SignatureLine:
    party: str
    label: str
    signature: Signature | None
    hash_matches: bool


def signature_lines(
    signatures: list[Signature], parties: list[str], content_hash: str
) -> list[SignatureLine]:
    """One line per party, in the order of the agreement, signed or not."""
    by_party = {signature.party: signature for signature in signatures}
    return [
        SignatureLine(
            party=party,
            label=str(Party(party).label),
            signature=by_party.get(party),
            hash_matches=party in by_party and by_party[party].content_hash == content_hash,
        )
        for party in parties
    ]


def agreement_context(version: AgreementVersion) -> dict:
    """The version's own signatures and, for a pupil's annex to a group agreement, the
    school's and host's signatures of that group agreement."""
    agreement = version.agreement
    placement = agreement.placement
    group = agreement.group
    own_parties = [Party.STUDENT] if group else list(Party.values)
    lines = signature_lines(list(version.signatures.all()), own_parties, version.content_hash)
    group_lines = []
    if group is not None:
        group_lines = signature_lines(
            list(group.signatures.all()), list(GROUP_PARTIES), group.content_hash
        )
    return pdf_context(
        school=placement.school,
        title=_("Leerlingenstageovereenkomst %(student)s, versie %(number)s")
        % {"student": placement.student, "number": version.number},
        version=version,
        agreement=agreement,
        group=group,
        lines=lines,
        group_lines=group_lines,
    )


def write(document: Document, *, output: BinaryIO, progress) -> None:
    version = agreement_versions().get(pk=document.agreement_version_id)
    if version.status == AgreementVersion.Status.DRAFT or not version.content:
        raise DocumentError(
            _(
                "Versie %(number)s van de overeenkomst is nog een ontwerp: maak ze eerst klaar "
                "voor ondertekening."
            )
            % {"number": version.number}
        )
    progress(20)
    render_pdf(
        template_name=TEMPLATE,
        context=agreement_context(version),
        target=output,
        stylesheets=[
            static_stylesheet(AGREEMENT_STYLESHEET),
            static_stylesheet(AGREEMENT_PRINT_STYLESHEET),
        ],
    )
