"""Signatures on an agreement version or a group agreement (8.1.2): personal links or paper.

Each request has its own personal link (``AccessLink``, capability ``sign``): a 256-bit token
that only its holder knows, kept as a hash, issued when the e-mail goes out. A request is used
once, until its link expires or is revoked. Each signature records who signed, in which
capacity, when, from where, and the SHA-256 of the content signed. When every required party
has signed, the document is signed.

For a pupil's own agreement the pupil (for a minor a guardian), the school and the host sign.
A group agreement is signed once by the school and the host; each member agreement then only
needs the pupil's signature, and counts as signed once the group agreement is too.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.principals import Capability, LinkHolder, Principal, require_capability
from core.tokens import digests_match
from core.validators import validate_document_upload
from internships.models import (
    AccessLink,
    AgreementVersion,
    GroupAgreement,
    Notification,
    Party,
    School,
    Signature,
    SignatureMethod,
    SignatureRequest,
    User,
)
from internships.selectors.signatures import Signable, signable
from internships.services.access_links import (
    access_link_create,
    access_link_problem,
    access_link_revoke,
)
from internships.services.agreements import version_mark_signed
from internships.services.notifications import notification_queue

MAX_VALID_DAYS = 60


def _check_can_sign(target: Signable, party: str) -> None:
    if not target.is_ready:
        raise ValidationError(_("Dit document is niet klaar voor ondertekening."))
    if party not in target.required_parties:
        raise ValidationError(
            {"party": [_("Deze partij hoeft dit document niet te ondertekenen.")]}
        )
    if target.signatures().filter(party=party).exists():
        raise ValidationError({"party": [_("Deze partij heeft al ondertekend.")]})


def _student_signer(target: Signable, party: str, email: str) -> dict:
    """Who holds the pupil's link: for a minor a parent or guardian who may sign (8.1.2), else
    the pupil. Other parties sign through a signatory link."""
    if target.version is None or party != Party.STUDENT:
        return {"holder": AccessLink.Holder.SIGNATORY}
    student = target.version.agreement.placement.student
    if not target.version.content["parties"]["student"]["minor"]:
        return {"holder": AccessLink.Holder.STUDENT, "student": student}
    guardian = student.guardians.filter(may_sign=True, email__iexact=email).first()
    if guardian is None:
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
    return {"holder": AccessLink.Holder.GUARDIAN, "guardian": guardian}


def _school_of(target: Signable) -> School:
    if target.version is not None:
        return target.version.agreement.placement.school
    return target.group_agreement.school


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
    created_by: User | None = None,
    send_email: bool = True,
) -> SignatureRequest:
    """Creates a personal signing link and e-mails it (after the commit, through Celery).

    The e-mail task issues the link's token; ``send_email=False`` is for links handed over
    another way (the demo data issues the token itself and signs at once).
    """
    target = signable(version=version, group_agreement=group_agreement)
    _check_can_sign(target, party)
    errors = {}
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
    link = access_link_create(
        school=_school_of(target),
        email=email,
        capabilities=[Capability.SIGN],
        valid_days=valid_days,
        created_by=created_by,
        **_student_signer(target, party, email),
    )
    request = SignatureRequest(
        **target.lookup,
        link=link,
        party=party,
        signer_name=signer_name.strip(),
        signer_role=signer_role.strip(),
    )
    request.full_clean()
    request.save()
    if send_email:
        _queue_signature_email(request, target)
    return request


def _queue_signature_email(request: SignatureRequest, target: Signable) -> None:
    placement = target.version.agreement.placement if target.version else None
    group = target.group_agreement
    host = placement.host if placement else group.host
    document = (
        _("de globale stageovereenkomst ‘%(title)s’") % {"title": group.title}
        if group
        else _("de stageovereenkomst van %(student)s") % {"student": placement.student}
    )
    notification_queue(
        school=request.link.school,
        kind=Notification.Kind.SIGNATURE_REQUEST,
        recipient_name=request.signer_name,
        recipient_email=request.link.email,
        reason=_("%(party)s ondertekent %(document)s.")
        % {"party": request.get_party_display(), "document": document},
        template="agreements/emails/signature_request",
        context={
            "request": {
                "signer_name": request.signer_name,
                "signer_role": request.signer_role,
                "get_party_display": str(request.get_party_display()),
            },
            "placement": {"student": placement.student.full_name} if placement else None,
            "group_agreement": {"title": group.title} if group else None,
            "host": {"name": host.name},
            "expires_at": request.link.expires_at.isoformat(),
        },
        placement=placement,
        access_link=request.link,
    )


@transaction.atomic
def signature_request_revoke(*, request: SignatureRequest) -> SignatureRequest:
    if request.used_at is not None:
        raise ValidationError(
            _("Met deze link is al ondertekend; ze kan niet meer ingetrokken worden.")
        )
    access_link_revoke(link=request.link)
    return request


def signature_request_problem(request: SignatureRequest) -> str | None:
    """Why a link cannot be used (any more), in Dutch; None when it can."""
    target = Signable.of(request)
    if request.used_at is not None:
        return _("Met deze link is al ondertekend.")
    link_problem = access_link_problem(request.link)
    if link_problem:
        return link_problem
    if not target.is_ready:
        return _("Dit document wacht niet meer op een handtekening.")
    if target.signatures().filter(party=request.party).exists():
        return _("Voor deze partij is al ondertekend.")
    return None


def _after_signature(target: Signable, party: str) -> None:
    now = timezone.now()
    for request in target.open_requests().filter(party=party):
        access_link_revoke(link=request.link)
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
    principal: Principal,
    request: SignatureRequest,
    signer_name: str,
    content_hash: str,
    ip_address: str | None,
    user_agent: str,
) -> Signature:
    """Records the signature given through a link, for the content the signer saw.

    Only the holder of the request's own link signs with it, and only if the link allows
    signing: the view checked both, and so does this service.
    """
    require_capability(principal, Capability.SIGN)
    if not isinstance(principal, LinkHolder) or principal.link_id != request.link_id:
        raise PermissionDenied
    request = (
        SignatureRequest.objects.select_for_update(of=("self",))
        .select_related("link")
        .get(pk=request.pk)
    )
    problem = signature_request_problem(request)
    if problem:
        raise ValidationError(problem)
    target = Signable.of(request)
    if not digests_match(content_hash, target.document.content_hash):
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
