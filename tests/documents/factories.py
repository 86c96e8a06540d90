"""Documents, and the signed agreement and checked schedule the documents show.

Agreements, activity lists and signatures come from the shared ``tests.factories``.
"""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from compliance.services import compliance_check_student_year
from documents.models import Document
from internships.models import Agreement, AgreementVersion, Party, Placement, SignatureMethod
from tests.factories import (
    PDF_BYTES,
    AgreementFactory,
    AgreementVersionFactory,
    PlacementFactory,
    SignatureFactory,
)


def signed_agreement(placement: Placement) -> AgreementVersion:
    """The placement's agreement, signed by its three parties (the host's on paper)."""
    agreement = AgreementFactory(placement=placement, status=Agreement.Status.SIGNED)
    version = AgreementVersionFactory(agreement=agreement, status=AgreementVersion.Status.SIGNED)
    signers = {
        Party.STUDENT: ("Ouder Tekenaar", "moeder, voor de minderjarige leerling"),
        Party.SCHOOL: ("Directeur Tekenaar", "directeur"),
        Party.HOST: ("Zaakvoerder Tekenaar", "zaakvoerder"),
    }
    for offset, (party, (name, role)) in enumerate(signers.items()):
        paper = party == Party.HOST
        SignatureFactory(
            version=version,
            party=party,
            signer_name=name,
            signer_role=role,
            signed_at=timezone.now() + datetime.timedelta(minutes=offset),
            method=SignatureMethod.PAPER if paper else SignatureMethod.ELECTRONIC,
            scan=ContentFile(PDF_BYTES, name="scan.pdf") if paper else "",
            ip_address=None if paper else "192.0.2.10",
            user_agent="" if paper else "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
            recorded_by=placement.supervisor if paper else None,
        )
    version.signed_at = timezone.now()
    version.save(update_fields=["signed_at"])
    return version


def checked(placement: Placement) -> Placement:
    """Stores the placement's labour-rule check, as every schedule change does."""
    compliance_check_student_year(student=placement.student, school_year=placement.school_year)
    return placement


class DocumentFactory(factory.django.DjangoModelFactory):
    """A ready individual dossier; give ``kind`` and its subject for other documents."""

    class Meta:
        model = Document

    placement = factory.SubFactory(PlacementFactory)
    school = factory.LazyAttribute(lambda o: o.placement.school)
    kind = Document.Kind.INDIVIDUAL_DOSSIER
    subject_key = factory.LazyAttribute(
        lambda o: Document.subject_key_for(
            kind=o.kind,
            placement=o.placement,
            agreement_version=o.agreement_version,
            school_year=o.school_year,
            programme=o.programme,
        )
    )
    agreement_version = None
    school_year = None
    programme = None
    version = factory.Sequence(lambda n: n + 1)
    status = Document.Status.READY
    progress = 100
    file = factory.django.FileField(data=PDF_BYTES, filename="document.pdf")
    checksum = "0" * 64
    size = len(PDF_BYTES)
