"""The agreement PDF, read back: the parties, the clauses, the annexes and the signature page."""

import io

import pytest
from django.urls import reverse

from core.principals import StaffMember
from documents.builders import agreement
from documents.builders.common import DocumentError
from documents.models import Document
from documents.services import requests
from internships.models import AgreementVersion, GroupAgreement, Party
from tests.documents.conftest import pdf_pages, pdf_text
from tests.factories import AgreementVersionFactory, GroupAgreementFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def agreement_pdf(version: AgreementVersion) -> bytes:
    document = Document(
        school=version.agreement.placement.school,
        kind=Document.Kind.AGREEMENT,
        placement=version.agreement.placement,
        agreement_version=version,
    )
    output = io.BytesIO()
    agreement.write(document, output=output, progress=lambda percent: None)
    return output.getvalue()


@pytest.fixture
def signed_version(full_placement) -> AgreementVersion:
    return full_placement.agreement.versions.get()


def test_weasyprint_understands_every_stylesheet(signed_version, caplog):
    with caplog.at_level("WARNING", logger="weasyprint"):
        agreement_pdf(signed_version)

    assert [record.getMessage() for record in caplog.records if record.name == "weasyprint"] == []


def test_it_states_the_parties_clauses_and_annexes(signed_version, school_a):
    text = pdf_text(agreement_pdf(signed_version))
    content = signed_version.content

    for expected in [
        "Leerlingenstageovereenkomst",
        "1. De partijen",
        "Lotte Leerling Alfa",
        "Ouder Alfa (moeder)",
        "Atheneum Alfa",
        f"{content['parties']['school']['head']}, directeur",
        "Woonzorgcentrum Alfa",
        school_a.host.enterprise_number_display,
        "Afdeling Alfa",
        "Mentor Alfa",
        "Geen arbeidsovereenkomst",
        "Onbezoldigd",
        "Arbeidsongevallenverzekering",
        "Onkosten",
        "5.1 Individuele stageactiviteitenlijst",
        "Bedden opmaken volgens de hygiëneregels",
        "5.2 Risicoanalyse van de werkposten",
        "5.3 Werkpostfiches",
        "5.4 Gezondheidsbeoordeling",
    ]:
        assert expected in text, expected


def test_the_last_page_is_the_audit_trail_of_the_signatures(signed_version, school_a):
    pages = pdf_pages(agreement_pdf(signed_version))
    last = pages[-1]

    assert len(pages) >= 3
    assert "Handtekeningen en audittrail" in last
    assert f"SHA-256 van de inhoud van deze versie {signed_version.content_hash}" in last
    for signature in signed_version.signatures.all():
        assert signature.signer_name in last
        assert signature.signer_role in last
        assert f"{signature.signed_at.astimezone():%d/%m/%Y}" in last
    assert "elektronisch via persoonlijke link" in last
    assert "192.0.2.10" in last
    assert "Firefox/140.0" in last
    assert "op papier (ingescande handtekening), geregistreerd door Begeleider Alfa ·" in last
    assert last.count(signed_version.content_hash) == 4
    assert last.count("komt overeen") == 3
    assert f"Pagina {len(pages)} van {len(pages)}" in last


def test_a_signature_on_other_content_is_flagged(school_a):
    version = AgreementVersionFactory(
        agreement__placement=school_a.placement, status=AgreementVersion.Status.READY
    )
    SignatureFactory(version=version, party=Party.SCHOOL, content_hash="f" * 64)

    last = pdf_pages(agreement_pdf(version))[-1]

    assert "wijkt af" in last
    assert last.count("Nog niet ondertekend.") == 2
    assert "nog niet door alle partijen ondertekend" in last


def test_a_pupils_annex_shows_the_group_agreements_signatures(school_a):
    group = GroupAgreementFactory(
        host=school_a.host, status=GroupAgreement.Status.SIGNED, content_hash="a" * 64
    )
    for party in (Party.SCHOOL, Party.HOST):
        SignatureFactory(
            version=None, group_agreement=group, party=party, content_hash=group.content_hash
        )
    version = AgreementVersionFactory(
        agreement__placement=school_a.placement,
        agreement__group=group,
        status=AgreementVersion.Status.READY,
    )
    SignatureFactory(version=version, party=Party.STUDENT, signer_name="Ouder Alfa")

    last = pdf_pages(agreement_pdf(version))[-1]

    assert f"Globale overeenkomst ‘{group.title}’" in last
    assert last.count("a" * 64) == 3
    assert last.count("komt overeen") == 3
    assert "Nog niet ondertekend." not in last


def test_a_draft_is_not_printed(school_a):
    draft = AgreementVersionFactory(
        agreement__placement=school_a.placement, status=AgreementVersion.Status.DRAFT
    )
    with pytest.raises(DocumentError, match="ontwerp"):
        agreement_pdf(draft)


def test_it_is_requested_rendered_and_downloaded(
    signed_version, school_a, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = requests.document_request(
            kind=Document.Kind.AGREEMENT,
            principal=StaffMember.of(school_a.supervisor),
            placement=school_a.placement,
        )

    response = client_for(school_a.supervisor).get(
        reverse("documents:download", args=[document.pk])
    )
    data = b"".join(response.streaming_content)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="stageovereenkomst-lotte-leerling-alfa-v1.pdf"'
    )
    assert signed_version.content_hash in pdf_text(data)
