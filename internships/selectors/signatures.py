"""Who signs what, and who still has to: reads shared by the pages, the gate and the PDFs.

A :class:`Signable` is one document the parties sign: a version of a pupil's agreement, or a
group agreement. For a pupil's own agreement the pupil (for a minor a guardian), the school and
the host sign; a group agreement is signed once by the school and the host, and each member
agreement then only needs the pupil's signature (8.1.2).
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from core.tenancy import all_schools
from internships.models import (
    AgreementVersion,
    GroupAgreement,
    Party,
    Signature,
    SignatureRequest,
    User,
)

ALL_PARTIES = (Party.STUDENT, Party.SCHOOL, Party.HOST)
GROUP_PARTIES = (Party.SCHOOL, Party.HOST)


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
        return self.document.status == self.document.Status.READY

    @property
    def required_parties(self) -> tuple[str, ...]:
        if self.group_agreement is not None:
            return GROUP_PARTIES
        return (Party.STUDENT,) if self.version.agreement.group_id else ALL_PARTIES

    def signatures(self) -> QuerySet[Signature]:
        return Signature.objects.filter(**self.lookup)

    def open_requests(self) -> QuerySet[SignatureRequest]:
        return SignatureRequest.objects.filter(**self.lookup).open()

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


def signatures_recorded_by(member: User) -> list[Signature]:
    """The signatures ``member`` recorded (paper ones), in every school: the evidence names them."""
    with all_schools():  # evidence is evidence whatever school the asker works in
        return list(Signature.objects.filter(recorded_by=member).order_by("signed_at", "pk"))
