"""Paper signatures (8.1.2 allows a paper agreement): recorded with the signed scan, which
only staff who may see the placement can download."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from internships.models import Party, Signature
from internships.services import signatures as services
from tests.factories import PNG_BYTES, pdf_upload, ready_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(school_a):
    return ready_version(school_a.placement)


class TestPaperSignatures:
    def record(self, version, user, **overrides):
        data = {
            "party": Party.SCHOOL,
            "signer_name": "Els Peeters",
            "signer_role": "directeur",
            "signed_on": timezone.localdate(),
            "scan": pdf_upload("getekend.pdf"),
            **overrides,
        }
        return services.signature_record_paper(version=version, user=user, **data)

    def test_a_paper_signature_keeps_its_scan_and_the_hash(self, school_a, version):
        signature = self.record(version, school_a.coordinator)

        assert signature.method == "paper"
        assert signature.recorded_by == school_a.coordinator
        assert signature.content_hash == version.content_hash
        assert signature.scan.name.startswith("signatures/")
        with pytest.raises(ValueError):
            signature.scan.url  # noqa: B018 - private files have no URL

    def test_the_scan_is_served_to_staff_only(self, school_a, school_b, version, client_for):
        signature = self.record(version, school_a.coordinator)
        url = reverse("internships:signature-scan", args=[signature.pk])

        response = client_for(school_a.supervisor).get(url)
        outsider = client_for(school_b.coordinator).get(url)

        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert outsider.status_code == 404

    @pytest.mark.parametrize(
        ("scan", "message"),
        [
            (pdf_upload("scan.exe"), "Laad een PDF-, JPEG- of PNG-bestand op."),
            (pdf_upload("scan.png"), "De inhoud van dit bestand is geen PNG."),
            (pdf_upload("scan.pdf", b"MZ not a pdf"), "De inhoud van dit bestand is geen PDF."),
        ],
        ids=["extension", "png-that-is-a-pdf", "fake-pdf"],
    )
    def test_the_scan_must_be_a_real_pdf_jpeg_or_png(self, school_a, version, scan, message):
        with pytest.raises(ValidationError) as error:
            self.record(version, school_a.coordinator, scan=scan)

        assert error.value.message_dict["scan"] == [message]
        assert not Signature.objects.exists()

    def test_a_png_scan_is_fine_and_too_large_is_not(self, school_a, version, settings):
        png = pdf_upload("scan.png", PNG_BYTES)
        assert self.record(version, school_a.coordinator, scan=png).pk
        big = pdf_upload("groot.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))

        with pytest.raises(ValidationError) as error:
            self.record(version, school_a.coordinator, party=Party.HOST, scan=big)

        assert error.value.message_dict["scan"] == ["Een document mag hoogstens 10 MB groot zijn."]

    def test_no_date_in_the_future_or_before_the_document_was_ready(self, school_a, version):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        with pytest.raises(ValidationError) as error:
            self.record(version, school_a.coordinator, signed_on=tomorrow)
        assert error.value.message_dict["signed_on"] == ["Deze datum ligt in de toekomst."]

        last_year = timezone.localdate() - datetime.timedelta(days=365)
        with pytest.raises(ValidationError) as error:
            self.record(version, school_a.coordinator, signed_on=last_year)
        assert "pas op" in error.value.message_dict["signed_on"][0]

    def test_the_view_records_it(self, school_a, version, client_for):
        url = reverse("internships:signature-paper", args=[school_a.placement.pk, version.pk])
        data = {
            "party": "student",
            "signer_name": "Ouder Alfa",
            "signer_role": "moeder",
            "signed_on": timezone.localdate().isoformat(),
            "scan": pdf_upload("getekend.pdf"),
        }

        response = client_for(school_a.supervisor).post(url, data, follow=True)

        assert "Handtekening van Ouder Alfa geregistreerd." in response.content.decode()
        assert Signature.objects.get().method == "paper"
