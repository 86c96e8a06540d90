"""Signatures on an agreement version or a group agreement (8.1.2): personal links or paper.

A link carries a 256-bit random token that only its holder knows: the database keeps the
token's SHA-256, the e-mail carries the token. A link works once, until it expires or is
revoked. Each signature records who signed, in which capacity, when, from where, and the
SHA-256 of the content signed. When every required party has signed, the document is signed.

For a pupil's own agreement the pupil (for a minor a guardian), the school and the host sign.
A group agreement is signed once by the school and the host; each member agreement then only
needs the pupil's signature, and counts as signed once the group agreement is too.
"""

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import (
    AgreementVersion,
    GroupAgreement,
    Party,
    Signature,
    SignatureMethod,
    SignatureRequest,
    User,
)
from internships.services.agreements import version_mark_signed
from internships.tasks import send_signature_request_email
from internships.validators import validate_document_upload

ALL_PARTIES = (Party.STUDENT, Party.SCHOOL, Party.HOST)
GROUP_PARTIES = (Party.SCHOOL, Party.HOST)
MAX_VALID_DAYS = 60


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Signable:
    """One document the parties sign: an agreement version or a group agreement."""

    version: AgreementVersion | None = None
    group_agreement: GroupAgreement | None = None

    @classmethod
    def of(cls, obj: SignatureRequest | Signature) -> "Signable":
        return cls(version=obj.version, group_agreement=obj.group_agreement)

    @property
    def document(self) -> AgreementVersion | GroupAgreement:
        return self.version or self.group_agreement

    @property
    def lookup(self) -> dict:
        if self.version is not None:
            return {"version": self.version}
        return {"group_agreement": self.group_agreement}

    @property
    def is_ready(self) -> bool:
        return self.document.status == "ready"

    @property
    def required_parties(self) -> tuple[str, ...]:
        if self.group_agreement is not None:
            return GROUP_PARTIES
        return (Party.STUDENT,) if self.version.agreement.group_id else ALL_PARTIES

    def signatures(self) -> QuerySet[Signature]:
        return Signature.objects.filter(**self.lookup)

    def open_requests(self) -> QuerySet[SignatureRequest]:
        return SignatureRequest.objects.filter(
            **self.lookup, used_at__isnull=True, revoked_at__isnull=True
        )

    def missing_parties(self) -> list[str]:
        signed = set(self.signatures().values_list("party", flat=True))
        return [party for party in self.required_parties if party not in signed]


def signable(
    *, version: AgreementVersion | None = None, group_agreement: GroupAgreement | None = None
) -> Signable:
    if (version is None) == (group_agreement is None):
        raise ValueError("Give either a version or a group agreement.")
    return Signable(version=version, group_agreement=group_agreement)


def expected_signer(content: dict, party: str) -> str:
    """Who the document names to sign for ``party`` (from its frozen content)."""
    parties = content.get("parties", {})
    if party == Party.STUDENT:
        student = parties.get("student", {})
        representatives = [person["name"] for person in student.get("representatives", [])]
        return " / ".join(representatives) if student.get("minor") else student.get("name", "")
    if party == Party.SCHOOL:
        return parties.get("school", {}).get("head", "")
    return parties.get("host", {}).get("representative", {}).get("name", "")


def pending_signers(
    content: dict,
    required: tuple[str, ...],
    signatures: list[Signature],
    open_requests: list[SignatureRequest],
) -> list[tuple[str, str]]:
    """Who still has to sign, as (party label, name): the name on the newest open link,
    else the one the document names. Works on lists, so pages can prefetch them."""
    signed = {signature.party for signature in signatures}
    pending = []
    for party in required:
        if party in signed:
            continue
        links = sorted(
            (request for request in open_requests if request.party == party),
            key=lambda request: request.created_at,
        )
        name = links[-1].signer_name if links else expected_signer(content, party)
        pending.append((str(Party(party).label), name))
    return pending


def describe_pending(pending: list[tuple[str, str]]) -> str:
    """``stagegever (An Claes), onderwijsinstelling (Els Peeters)``."""
    return ", ".join(f"{label} ({name})" if name else label for label, name in pending)


def _check_can_sign(target: Signable, party: str) -> None:
    if not target.is_ready:
        raise ValidationError(_("Dit document is niet klaar voor ondertekening."))
    if party not in target.required_parties:
        raise ValidationError(
            {"party": [_("Deze partij hoeft dit document niet te ondertekenen.")]}
        )
    if target.signatures().filter(party=party).exists():
        raise ValidationError({"party": [_("Deze partij heeft al ondertekend.")]})


def _check_student_signer(target: Signable, party: str, email: str) -> None:
    """For a minor pupil, a parent or guardian who may sign does so (8.1.2)."""
    if target.version is None or party != Party.STUDENT:
        return
    if not target.version.content["parties"]["student"]["minor"]:
        return
    student = target.version.agreement.placement.student
    if not student.guardians.filter(may_sign=True, email__iexact=email).exists():
        raise ValidationError(
            {
                "email": [
                    _(
                        "Voor een minderjarige leerling tekent een ouder of voogd die mag "
                        "tekenen: kies het e-mailadres van zo iemand."
                    )
                ]
            }
        )


@transaction.atomic
def signature_request_create(
    *,
    party: str,
    signer_name: str,
    signer_role: str,
    email: str,
    valid_days: int = 14,
    version: AgreementVersion | None = None,
    group_agreement: GroupAgreement | None = None,
    send_email: bool = True,
) -> tuple[SignatureRequest, str]:
    """Creates a personal signing link and e-mails it (after the commit, through Celery).

    Returns the request and the token; the token is not stored and cannot be shown again.
    ``send_email=False`` is for links handed over another way (the demo data signs at once).
    """
    target = signable(version=version, group_agreement=group_agreement)
    _check_can_sign(target, party)
    errors = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Geef een geldig e-mailadres.")]
    if not signer_name.strip():
        errors["signer_name"] = [_("Geef de naam van wie ondertekent.")]
    if not signer_role.strip():
        errors["signer_role"] = [_("Geef de hoedanigheid van wie ondertekent.")]
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        errors["valid_days"] = [
            _("Een link is 1 tot %(days)s dagen geldig.") % {"days": MAX_VALID_DAYS}
        ]
    if errors:
        raise ValidationError(errors)
    _check_student_signer(target, party, email)
    token = secrets.token_urlsafe(32)
    request = SignatureRequest(
        **target.lookup,
        party=party,
        signer_name=signer_name.strip(),
        signer_role=signer_role.strip(),
        email=email,
        token_hash=token_hash(token),
        expires_at=timezone.now() + datetime.timedelta(days=valid_days),
    )
    request.full_clean()
    request.save()
    if send_email:
        transaction.on_commit(lambda: send_signature_request_email.delay(request.pk, token))
    return request, token


@transaction.atomic
def signature_request_revoke(*, request: SignatureRequest) -> SignatureRequest:
    if request.used_at is not None:
        raise ValidationError(
            _("Met deze link is al ondertekend; ze kan niet meer ingetrokken worden.")
        )
    if request.revoked_at is None:
        request.revoked_at = timezone.now()
        request.save(update_fields=["revoked_at"])
    return request


def signature_request_for_token(token: str) -> SignatureRequest | None:
    """The request a token belongs to, compared by hash in constant time; None if unknown."""
    if not token or len(token) > 128:
        return None
    digest = token_hash(token)
    request = (
        SignatureRequest.objects.select_related("version__agreement__placement", "group_agreement")
        .filter(token_hash=digest)
        .first()
    )
    if request is None or not hmac.compare_digest(request.token_hash, digest):
        return None
    return request


def signature_request_problem(request: SignatureRequest) -> str | None:
    """Why a link cannot be used (any more), in Dutch; None when it can."""
    target = Signable.of(request)
    if request.revoked_at is not None:
        return _("Deze link is ingetrokken. Vraag de school zo nodig een nieuwe link.")
    if request.used_at is not None:
        return _("Met deze link is al ondertekend.")
    if request.expires_at <= timezone.now():
        return _("Deze link is verlopen op %(date)s. Vraag de school een nieuwe link.") % {
            "date": timezone.localtime(request.expires_at).strftime("%d/%m/%Y")
        }
    if not target.is_ready:
        return _("Dit document wacht niet meer op een handtekening.")
    if target.signatures().filter(party=request.party).exists():
        return _("Voor deze partij is al ondertekend.")
    return None


def _after_signature(target: Signable, party: str) -> None:
    now = timezone.now()
    for request in target.open_requests().filter(party=party):
        request.revoked_at = now
        request.save(update_fields=["revoked_at"])
    if target.missing_parties():
        return
    if target.group_agreement is not None:
        group = target.group_agreement
        group.status = GroupAgreement.Status.SIGNED
        group.signed_at = now
        group.save(update_fields=["status", "signed_at"])
        for version in AgreementVersion.objects.filter(
            agreement__group=group, status=AgreementVersion.Status.READY
        ).select_related("agreement"):
            if not Signable(version=version).missing_parties():
                version_mark_signed(version=version)
        return
    group = target.version.agreement.group
    if group is None or group.status == GroupAgreement.Status.SIGNED:
        version_mark_signed(version=target.version)


@transaction.atomic
def signature_sign(
    *,
    request: SignatureRequest,
    signer_name: str,
    content_hash: str,
    ip_address: str | None,
    user_agent: str,
) -> Signature:
    """Records the signature given through a link, for the content the signer saw."""
    request = SignatureRequest.objects.select_for_update().get(pk=request.pk)
    problem = signature_request_problem(request)
    if problem:
        raise ValidationError(problem)
    target = Signable.of(request)
    if not hmac.compare_digest(content_hash, target.document.content_hash):
        raise ValidationError(_("Het document is gewijzigd sinds u het opende. Laad het opnieuw."))
    if not signer_name.strip():
        raise ValidationError({"signer_name": [_("Bevestig uw naam.")]})
    now = timezone.now()
    signature = Signature(
        **target.lookup,
        party=request.party,
        signer_name=signer_name.strip(),
        signer_role=request.signer_role,
        method=SignatureMethod.ELECTRONIC,
        signed_at=now,
        ip_address=ip_address,
        user_agent=user_agent[:500],
        content_hash=target.document.content_hash,
        request=request,
    )
    signature.full_clean()
    signature.save()
    request.used_at = now
    request.save(update_fields=["used_at"])
    _after_signature(target, request.party)
    return signature


@transaction.atomic
def signature_record_paper(
    *,
    party: str,
    signer_name: str,
    signer_role: str,
    signed_on: datetime.date,
    scan: UploadedFile,
    user: User,
    version: AgreementVersion | None = None,
    group_agreement: GroupAgreement | None = None,
) -> Signature:
    """Records a signature on the printed document, with the signed scan as proof."""
    target = signable(version=version, group_agreement=group_agreement)
    _check_can_sign(target, party)
    errors = {}
    try:
        validate_document_upload(scan)
    except ValidationError as error:
        errors["scan"] = error.messages
    ready_on = timezone.localtime(target.document.ready_at).date()
    if signed_on > timezone.localdate():
        errors["signed_on"] = [_("Deze datum ligt in de toekomst.")]
    elif signed_on < ready_on:
        errors["signed_on"] = [
            _("Het document is pas op %(date)s klaargemaakt voor ondertekening.")
            % {"date": ready_on.strftime("%d/%m/%Y")}
        ]
    if not signer_name.strip():
        errors["signer_name"] = [_("Geef de naam van wie ondertekende.")]
    if not signer_role.strip():
        errors["signer_role"] = [_("Geef de hoedanigheid van wie ondertekende.")]
    if errors:
        raise ValidationError(errors)
    signature = Signature(
        **target.lookup,
        party=party,
        signer_name=signer_name.strip(),
        signer_role=signer_role.strip(),
        method=SignatureMethod.PAPER,
        signed_at=timezone.make_aware(datetime.datetime.combine(signed_on, datetime.time(12))),
        content_hash=target.document.content_hash,
        scan=scan,
        recorded_by=user,
    )
    signature.full_clean()
    signature.save()
    _after_signature(target, party)
    return signature
