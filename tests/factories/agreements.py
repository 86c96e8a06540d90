"""Factories for agreements, signatures, activity lists and risk documents, and a helper that
brings a placement to the point where it may start.

Versions made by the factory take their content from the real content builder, so their hash
matches what the services would freeze.
"""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from compliance.services import compliance_check_placement
from core.principals import Capability
from core.tokens import token_hash
from internships.models import (
    AccessLink,
    Activity,
    ActivityList,
    Agreement,
    AgreementVersion,
    GroupAgreement,
    HealthAssessment,
    Party,
    Placement,
    ProgrammeActivity,
    RiskAssessment,
    Signature,
    SignatureMethod,
    SignatureRequest,
    WorkstationSheet,
)
from internships.selectors.agreement_content import content_hash
from internships.services.agreements import version_content
from tests.factories.models import (
    HostFactory,
    PlacementFactory,
    ProgrammeFactory,
    StudentFactory,
    WorkplaceFactory,
    current_school_year,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf_upload(name: str = "document.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class ProgrammeActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeActivity

    programme = factory.SubFactory(ProgrammeFactory)
    curriculum_goal = factory.Sequence(lambda n: f"LPD {n}")
    description = factory.Sequence(lambda n: f"Helpt bij de zorg voor bewoners ({n})")
    position = factory.Sequence(lambda n: n)


class ActivityListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityList

    placement = factory.SubFactory(PlacementFactory)
    drawn_up_by = factory.SelfAttribute("placement.supervisor")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    activity_list = factory.SubFactory(ActivityListFactory)
    curriculum_goal = factory.Sequence(lambda n: f"LPD {n}")
    description = factory.Sequence(lambda n: f"Bedden opmaken ({n})")
    permission = Activity.Permission.MUST
    position = factory.Sequence(lambda n: n)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    placement = factory.SubFactory(PlacementFactory)
    travel_costs = Agreement.TravelCosts.HOST


def _content(version) -> dict:
    return version_content(version.agreement, number=version.number, reason=version.reason)


class AgreementVersionFactory(factory.django.DjangoModelFactory):
    """A version with the placement's real content; ``status="ready"`` freezes its hash."""

    class Meta:
        model = AgreementVersion

    agreement = factory.SubFactory(AgreementFactory)
    number = 1
    reason = ""
    status = AgreementVersion.Status.DRAFT
    content = factory.LazyAttribute(_content)
    content_hash = factory.LazyAttribute(
        lambda o: "" if o.status == AgreementVersion.Status.DRAFT else content_hash(o.content)
    )
    ready_at = factory.LazyAttribute(
        lambda o: None if o.status == AgreementVersion.Status.DRAFT else timezone.now()
    )


class GroupAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupAgreement

    school = factory.SelfAttribute("host.school")
    host = factory.SubFactory(HostFactory)
    school_year = factory.LazyFunction(current_school_year)
    title = factory.Sequence(lambda n: f"Globale overeenkomst {n}")


def _school_of_document(request) -> int:
    if request.version is not None:
        return request.version.agreement.placement.school
    return request.group_agreement.school


class AccessLinkFactory(factory.django.DjangoModelFactory):
    """A personal link; its token is ``token`` (give one to know it), only its hash is stored."""

    class Meta:
        model = AccessLink
        exclude = ("token",)

    holder = AccessLink.Holder.SIGNATORY
    email = factory.Sequence(lambda n: f"houder{n}@voorbeeld.example")
    capabilities = factory.LazyFunction(lambda: [Capability.SIGN])
    token = factory.Sequence(lambda n: f"test-token-{n:04d}-" + "x" * 30)
    token_hash = factory.LazyAttribute(lambda o: token_hash(o.token))
    issued_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))


class SignatureRequestFactory(factory.django.DjangoModelFactory):
    """A signing link; its token is ``token`` (give one to know it), only its hash is stored.

    ``email``, ``expires_at`` and ``revoked_at`` go to the request's personal link.
    """

    class Meta:
        model = SignatureRequest
        exclude = ("token", "email", "expires_at", "revoked_at")

    version = factory.SubFactory(AgreementVersionFactory, status=AgreementVersion.Status.READY)
    party = Party.HOST
    signer_name = "An Claes"
    signer_role = "zaakvoerder"
    email = factory.Sequence(lambda n: f"ondertekenaar{n}@stagegever.example")
    token = factory.Sequence(lambda n: f"test-token-{n:04d}-" + "x" * 30)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    revoked_at = None
    link = factory.LazyAttribute(
        lambda o: AccessLinkFactory(
            school=_school_of_document(o),
            email=o.email,
            token=o.token,
            expires_at=o.expires_at,
            revoked_at=o.revoked_at,
            **_link_holder(o),
        )
    )


def _link_holder(request) -> dict:
    """The pupil's party is held by the pupil, or for a minor by a guardian who may sign."""
    if request.party != Party.STUDENT or request.version is None:
        return {"holder": AccessLink.Holder.SIGNATORY}
    student = request.version.agreement.placement.student
    if request.version.content.get("parties", {}).get("student", {}).get("minor", False):
        guardian = student.guardians.filter(may_sign=True).first()
        if guardian is not None:
            return {"holder": AccessLink.Holder.GUARDIAN, "guardian": guardian}
    return {"holder": AccessLink.Holder.STUDENT, "student": student}


class SignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signature

    version = factory.SubFactory(AgreementVersionFactory, status=AgreementVersion.Status.READY)
    party = Party.SCHOOL
    signer_name = "Els Peeters"
    signer_role = "directeur"
    method = SignatureMethod.ELECTRONIC
    signed_at = factory.LazyFunction(timezone.now)
    ip_address = "192.0.2.10"
    user_agent = "Mozilla/5.0 (test)"
    content_hash = factory.LazyAttribute(lambda o: o.version.content_hash)


class RiskAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiskAssessment

    workplace = factory.SubFactory(WorkplaceFactory)
    document = factory.django.FileField(filename="risicoanalyse.pdf", data=PDF_BYTES)
    assessed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    health_surveillance_required = False
    mainly_screen_work = False


class WorkstationSheetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkstationSheet

    workplace = factory.SubFactory(WorkplaceFactory)
    workstation = "Keuken"
    document = factory.django.FileField(filename="werkpostfiche.pdf", data=PDF_BYTES)
    issued_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class HealthAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HealthAssessment

    student = factory.SubFactory(StudentFactory)
    document = factory.django.FileField(filename="gezondheid.pdf", data=PDF_BYTES)
    assessed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    conclusion = "geschikt"


def lawful_schedule(placement: Placement) -> None:
    """Gives the placement's periods an hour's lunch break and checks the schedule: the
    factory's half hour is too short for a minor working more than 6 hours (5.2.1)."""
    placement.periods.update(breaks=[["12:00", "13:00"]])
    compliance_check_placement(placement=placement)


def ready_version(placement: Placement, **agreement_fields) -> AgreementVersion:
    """The placement's agreement with version 1 ready for signature (and what that needs:
    an activity list and a lawful, checked schedule)."""
    if not ActivityList.objects.filter(placement=placement).exists():
        ActivityFactory(activity_list=ActivityListFactory(placement=placement))
    lawful_schedule(placement)
    agreement = AgreementFactory(
        placement=placement, status=Agreement.Status.READY, **agreement_fields
    )
    return AgreementVersionFactory(agreement=agreement, status=AgreementVersion.Status.READY)


def startable(placement: Placement) -> Placement:
    """Everything a placement needs to start: a signed agreement, a risk assessment."""
    version = ready_version(placement)
    for party in Party.values:
        SignatureFactory(version=version, party=party)
    version.status = AgreementVersion.Status.SIGNED
    version.signed_at = timezone.now()
    version.save()
    Agreement.objects.filter(pk=version.agreement_id).update(status=Agreement.Status.SIGNED)
    RiskAssessmentFactory(workplace=placement.workplace)
    return placement
