"""The lifecycle of an agreement and its versions (8.1.2).

``Agreement.status`` moves DRAFT → READY → SIGNED → ACTIVE → ENDED, or to TERMINATED from any
status before that; each move goes through :func:`_move`, which refuses the others. A version
moves DRAFT → READY (its content frozen and hashed) → SIGNED, or from DRAFT or READY to
WITHDRAWN. A version that is ready or signed never changes: a change is an amendment, the next
version, signed again. The agreement's current version is its latest signed one.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from internships.models import (
    Agreement,
    AgreementVersion,
    Placement,
    SignatureRequest,
    User,
)
from internships.selectors.agreement_content import (
    DOCUMENT_LANGUAGE,
    agreement_content,
    content_hash,
)
from internships.selectors.agreements import agreement_latest_version, agreement_ready_problems
from internships.services.access_links import access_link_revoke
from internships.services.common import model_update

Status = Agreement.Status
VersionStatus = AgreementVersion.Status

AGREEMENT_TRANSITIONS = {
    Status.DRAFT: {Status.READY, Status.TERMINATED},
    Status.READY: {Status.DRAFT, Status.SIGNED, Status.TERMINATED},
    Status.SIGNED: {Status.ACTIVE, Status.TERMINATED},
    Status.ACTIVE: {Status.ENDED, Status.TERMINATED},
    Status.ENDED: set(),
    Status.TERMINATED: set(),
}
CLOSED = (Status.ENDED, Status.TERMINATED)
AGREEMENT_FIELDS = ["travel_costs", "travel_costs_note"]


def _check_move(agreement: Agreement, status: str) -> None:
    if status not in AGREEMENT_TRANSITIONS[agreement.status]:
        raise ValidationError(
            _("Een overeenkomst met status ‘%(current)s’ kan niet naar ‘%(new)s’.")
            % {"current": agreement.get_status_display(), "new": Status(status).label}
        )


def _move(agreement: Agreement, status: str, *, fields: tuple[str, ...] = ()) -> None:
    _check_move(agreement, status)
    agreement.status = status
    agreement.full_clean(exclude=["placement", "group"])
    agreement.save(update_fields=["status", "updated_at", *fields])


def _refuse_frozen(version: AgreementVersion) -> None:
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(
            _(
                "Versie %(number)s is %(status)s en kan niet meer gewijzigd worden; "
                "een wijziging vraagt een aanhangsel."
            )
            % {"number": version.number, "status": version.get_status_display()}
        )


def _record_user(version: AgreementVersion, user: User | None) -> None:
    """The history names ``user``, also outside a request (a request names its own user)."""
    if user is not None:
        version._history_user = user


def version_content(agreement: Agreement, *, number: int, reason: str) -> dict[str, Any]:
    """The agreement's content today, numbered as the version it will be."""
    content = agreement_content(agreement.placement)
    content["version"] = {"number": number, "reason": reason}
    return content


def _version_create(
    agreement: Agreement, *, number: int, reason: str, user: User | None
) -> AgreementVersion:
    version = AgreementVersion(
        agreement=agreement,
        number=number,
        reason=reason,
        created_by=user,
        content=version_content(agreement, number=number, reason=reason),
    )
    version.full_clean()
    version.save()
    return version


def _refresh_draft(version: AgreementVersion) -> None:
    version.content = version_content(
        version.agreement, number=version.number, reason=version.reason
    )
    version.save(update_fields=["content"])


@transaction.atomic
def agreement_create(
    *,
    placement: Placement,
    travel_costs: str,
    travel_costs_note: str = "",
    created_by: User | None,
) -> Agreement:
    """Creates the agreement of a placement with its first version, a draft."""
    if placement.status in (Placement.Status.COMPLETED, Placement.Status.CANCELLED):
        raise ValidationError(
            _("Voor een afgeronde of geannuleerde stage maak je geen overeenkomst meer.")
        )
    if Agreement.objects.filter(placement=placement).exists():
        raise ValidationError(_("Deze stage heeft al een leerlingenstageovereenkomst."))
    agreement = Agreement(
        placement=placement, travel_costs=travel_costs, travel_costs_note=travel_costs_note
    )
    agreement.full_clean()
    agreement.save()
    _version_create(agreement, number=1, reason="", user=created_by)
    return agreement


@transaction.atomic
def agreement_update(*, agreement: Agreement, data: dict[str, Any]) -> Agreement:
    """Changes what the parties agree on costs; only while the latest version is a draft."""
    version = agreement_latest_version(agreement)
    if agreement.status in CLOSED:
        raise ValidationError(_("Deze overeenkomst is beëindigd."))
    _refuse_frozen(version)
    if model_update(instance=agreement, fields=AGREEMENT_FIELDS, data=data):
        _refresh_draft(version)
    return agreement


@transaction.atomic
def version_make_ready(*, version: AgreementVersion, user: User | None) -> AgreementVersion:
    """Freezes the version's content and hash: from now on it is what the parties sign."""
    _refuse_frozen(version)
    agreement = version.agreement
    if agreement.status in CLOSED:
        raise ValidationError(_("Deze overeenkomst is beëindigd."))
    problems = agreement_ready_problems(agreement)
    if problems:
        raise ValidationError(problems)
    version.content = version_content(agreement, number=version.number, reason=version.reason)
    version.content_hash = content_hash(version.content)
    version.status = VersionStatus.READY
    _record_user(version, user)
    version.ready_at = timezone.now()
    version.save(update_fields=["content", "content_hash", "status", "ready_at"])
    if agreement.status == Status.DRAFT:
        _move(agreement, Status.READY)
    return version


def _revoke_open_requests(version: AgreementVersion) -> None:
    for request in SignatureRequest.objects.filter(version=version).open():
        access_link_revoke(link=request.link)


def _withdraw(version: AgreementVersion) -> None:
    _revoke_open_requests(version)
    if not version.content_hash:
        version.content_hash = content_hash(version.content)
    version.status = VersionStatus.WITHDRAWN
    version.save(update_fields=["status", "content_hash"])


@transaction.atomic
def version_withdraw(*, version: AgreementVersion, user: User | None) -> AgreementVersion:
    """Takes back a version offered for signature; its links stop working. Returns the new
    draft that replaces it (signatures already given stay on the withdrawn version)."""
    if version.status != VersionStatus.READY:
        raise ValidationError(
            _("Enkel een versie die klaar is voor ondertekening kan ingetrokken worden.")
        )
    agreement = version.agreement
    _record_user(version, user)
    _withdraw(version)
    if agreement.status == Status.READY:
        _move(agreement, Status.DRAFT)
    return _version_create(agreement, number=version.number + 1, reason=version.reason, user=user)


@transaction.atomic
def agreement_amend(*, agreement: Agreement, reason: str, user: User | None) -> AgreementVersion:
    """Starts an amendment: the next version, a draft with today's data, to be signed again.

    The signed version stays in force until the amendment is signed.
    """
    latest = agreement_latest_version(agreement)
    if agreement.status not in (Status.SIGNED, Status.ACTIVE) or latest.status != (
        VersionStatus.SIGNED
    ):
        raise ValidationError(
            _("Een aanhangsel kan enkel bij een ondertekende overeenkomst zonder open aanhangsel.")
        )
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Geef de reden van de wijziging.")]})
    return _version_create(agreement, number=latest.number + 1, reason=reason, user=user)


@transaction.atomic
def version_mark_signed(*, version: AgreementVersion) -> AgreementVersion:
    """Every required party signed the version (see ``services.signatures``)."""
    if version.status != VersionStatus.READY:
        raise ValidationError(_("Deze versie wacht niet op handtekeningen."))
    version.status = VersionStatus.SIGNED
    version.signed_at = timezone.now()
    version.save(update_fields=["status", "signed_at"])
    agreement = version.agreement
    if agreement.status == Status.READY:
        _move(agreement, Status.SIGNED)
        # Signed after the placement began (an agreement drawn up late): it is in force now.
        if agreement.placement.status == Placement.Status.STARTED:
            _move(agreement, Status.ACTIVE)
    return version


@transaction.atomic
def agreement_activate(*, agreement: Agreement) -> Agreement:
    """The placement started: the signed agreement is in force."""
    _move(agreement, Status.ACTIVE)
    return agreement


def _close(
    agreement: Agreement, status: str, *, ended_on: datetime.date | None, reason: str
) -> None:
    reason = reason.strip()
    errors = {}
    if ended_on is None:
        errors["ended_on"] = [_("Geef de datum van de beëindiging.")]
    if not reason:
        errors["reason"] = [_("Geef de reden van de beëindiging.")]
    if errors:
        raise ValidationError(errors)
    _check_move(agreement, status)
    for version in agreement.versions.filter(status__in=[VersionStatus.DRAFT, VersionStatus.READY]):
        _withdraw(version)
    agreement.ended_on = ended_on
    agreement.end_reason = reason
    _move(agreement, status, fields=("ended_on", "end_reason"))


@transaction.atomic
def agreement_end(*, agreement: Agreement, ended_on: datetime.date, reason: str) -> Agreement:
    """The internship is over: a running agreement ends."""
    _close(agreement, Status.ENDED, ended_on=ended_on, reason=reason)
    return agreement


@transaction.atomic
def agreement_terminate(*, agreement: Agreement, ended_on: datetime.date, reason: str) -> Agreement:
    """Stops the agreement before its end; open links stop working, drafts are withdrawn."""
    _close(agreement, Status.TERMINATED, ended_on=ended_on, reason=reason)
    return agreement


def agreement_follow_placement(
    *, placement: Placement, on: datetime.date, reason: str = ""
) -> None:
    """Moves the agreement along with its placement: started → active, completed → ended,
    cancelled → terminated (with the reason)."""
    agreement = Agreement.objects.filter(placement=placement).first()
    if agreement is None or agreement.status in CLOSED:
        return
    if placement.status == Placement.Status.STARTED and agreement.status == Status.SIGNED:
        agreement_activate(agreement=agreement)
    elif placement.status == Placement.Status.COMPLETED and agreement.status == Status.ACTIVE:
        with translation.override(DOCUMENT_LANGUAGE):
            default_reason = _("De stage is afgerond.")
        agreement_end(agreement=agreement, ended_on=on, reason=reason or default_reason)
    elif placement.status == Placement.Status.CANCELLED:
        agreement_terminate(agreement=agreement, ended_on=on, reason=reason)


def placement_cancel_needs_reason(placement: Placement) -> bool:
    """Cancelling this placement terminates an agreement, which needs a reason."""
    return Agreement.objects.filter(placement=placement).exclude(status__in=CLOSED).exists()
