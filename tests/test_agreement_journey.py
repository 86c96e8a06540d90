"""The whole agreement, through the pages a school uses: a coordinator drafts it, the host and
the school sign through their e-mailed links, the pupil's mother signs on paper, and the
signed agreement, the individual dossier and the inspection ZIP download (8.1.2, annex 2)."""

import io
import re
import zipfile

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from internships.models import Agreement, Signature
from tests.documents.conftest import pdf_text
from tests.factories import ActivityFactory, ActivityListFactory, lawful_schedule, pdf_upload

pytestmark = pytest.mark.django_db

SIGN_LINK = re.compile(r"https?://\S+?/link/[\w-]+/")


def placement_url(name, world, *args):
    return reverse(f"internships:{name}", args=[world.placement.pk, *args])


def download(client, document: Document) -> bytes:
    response = client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_draft_sign_by_link_and_on_paper_then_download_everything(
    school_a, client_for, django_capture_on_commit_callbacks
):
    coordinator = client_for(school_a.coordinator)
    ActivityFactory(activity_list=ActivityListFactory(placement=school_a.placement))
    lawful_schedule(school_a.placement)

    # The coordinator drafts the agreement and makes it ready for signature.
    coordinator.post(
        placement_url("agreement-create", school_a),
        {"travel_costs": "student", "travel_costs_note": "abonnement De Lijn"},
    )
    agreement = Agreement.objects.get(placement=school_a.placement)
    version = agreement.versions.get()
    coordinator.post(placement_url("version-ready", school_a, version.pk))
    version.refresh_from_db()
    assert version.status == "ready" and len(version.content_hash) == 64

    # The host and the school sign through the personal links they receive by e-mail.
    for party, name, email in [
        ("host", "An Claes", "an.claes@stagegever.example"),
        ("school", "Els Peeters", "directie@school.example"),
    ]:
        with django_capture_on_commit_callbacks(execute=True):
            coordinator.post(
                placement_url("signature-request-create", school_a, version.pk),
                {
                    "party": party,
                    "signer_name": name,
                    "signer_role": "zaakvoerder" if party == "host" else "directeur",
                    "email": email,
                    "valid_days": 14,
                },
            )
        message = mail.outbox[-1]
        assert message.to == [email]
        link = SIGN_LINK.search(message.body).group(0)
        signer = client_for(None)
        page = signer.get(link, follow=True)
        assert version.content_hash in page.content.decode()
        signed = signer.post(
            page.redirect_chain[-1][0],
            {"signer_name": name, "agree": "on", "content_hash": version.content_hash},
        )
        assert "Bedankt, de overeenkomst is ondertekend" in signed.content.decode()

    # The pupil's mother signed on paper; the coordinator records the scan.
    coordinator.post(
        placement_url("signature-paper", school_a, version.pk),
        {
            "party": "student",
            "signer_name": "Ouder Alfa",
            "signer_role": "moeder",
            "signed_on": timezone.localdate().isoformat(),
            "scan": pdf_upload("getekend.pdf"),
        },
    )

    version.refresh_from_db()
    agreement.refresh_from_db()
    assert version.status == "signed"
    assert agreement.status == Agreement.Status.SIGNED
    assert sorted(Signature.objects.values_list("party", "method")) == [
        ("host", "electronic"),
        ("school", "electronic"),
        ("student", "paper"),
    ]

    # The signed agreement and the individual dossier, rendered by the task, download as PDFs.
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(
            reverse("documents:placement-request", args=[school_a.placement.pk]),
            {"kind": "agreement", "agreement_version": version.pk},
        )
        coordinator.post(
            reverse("documents:placement-request", args=[school_a.placement.pk]),
            {"kind": "individual_dossier"},
        )
    agreement_pdf = pdf_text(download(coordinator, Document.objects.get(kind="agreement")))
    assert "Leerlingenstageovereenkomst" in agreement_pdf
    assert version.content_hash in agreement_pdf.replace("\n", "")
    for signer in ("An Claes", "Els Peeters", "Ouder Alfa"):
        assert signer in agreement_pdf
    dossier = pdf_text(download(coordinator, Document.objects.get(kind="individual_dossier")))
    assert "Individueel stagedossier Lotte Leerling Alfa" in dossier

    # The inspection ZIP of the school year opens and holds every file of its index.
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(
            reverse("documents:inspection"),
            {"kind": "inspection_export", "school_year": school_a.school_year.pk},
        )
    export = Document.objects.get(kind="inspection_export")
    assert export.status == Document.Status.READY
    with zipfile.ZipFile(io.BytesIO(download(coordinator, export))) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        index = archive.read("index.csv").decode("utf-8-sig")
    listed = {line.split(";")[0] for line in index.splitlines()[1:]}
    assert names == listed | {"index.csv"}
    assert any(name.endswith(f"-{school_a.placement.pk}.pdf") for name in names)
