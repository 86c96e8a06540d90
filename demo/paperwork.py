"""The agreements of the demo's placements with an agreement of their own, written in bulk.

A pupil's agreement (8.1.2) is drawn up, made ready and signed by the three parties, one after
the other, with nothing changed in between. ``Paperwork`` writes hundreds of them as
``agreement_create``, ``version_make_ready``, ``signature_request_create``, ``signature_sign``
and ``signature_record_paper`` would store them, with the same history. What each states is
read by ``agreement_content`` itself, once the agreement, its activity list and the pupil's
health assessment are written (:meth:`Content.read`): made ready at once, the draft and the
version offered for signature state the same. A cancelled placement's draft is withdrawn as
``agreement_terminate`` does. The story's other agreements (the group agreement and its
annexes, the amendments) go through the services (``demo.agreements``).
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import prefetch_related_objects
from django.utils import timezone

from demo.agreements import AgreementDesk, Signer
from demo.bulk import Batch, Later
from demo.links import signing_link
from internships.models import (
    ActivityList,
    Agreement,
    AgreementVersion,
    Party,
    Placement,
    Signature,
    SignatureMethod,
    SignatureRequest,
)
from internships.selectors.agreement_content import (
    agreement_content,
    agreement_content_of,
    content_hash,
)
from internships.selectors.signatures import ALL_PARTIES

VersionStatus = AgreementVersion.Status
NOON = datetime.time(12)


class Content:
    """What the first version states (``version_content``), and its hash."""

    def __init__(self, placement: Placement) -> None:
        self.placement = placement
        self.value: dict[str, Any] = {}

    def read(self) -> None:
        self._keep(agreement_content(self.placement))

    def read_of(self, agreement: Agreement, activity_list: ActivityList | None) -> None:
        """What the agreement states, from the agreement and the activity list (with who drew
        it up) just written: ``agreement_content_of``, as the services call it."""
        self._keep(
            agreement_content_of(self.placement, agreement=agreement, activity_list=activity_list)
        )

    def _keep(self, content: dict[str, Any]) -> None:
        content["version"] = {"number": 1, "reason": ""}
        self.value = content

    @property
    def hash(self) -> str:
        return content_hash(self.value)


@dataclass
class Papers:
    """One placement's agreement, its first version and the signatures on it."""

    agreement: Agreement
    version: AgreementVersion
    content: Content
    ready: bool = False
    withdrawn: bool = False
    # The version signed is fetched again, not the copy the desk made ready (and which names
    # who made it ready in the history of what is saved through it).
    fetched_again: bool = False
    signatures: list[Signature] = field(default_factory=list)
    scans: list[tuple[Signature, Signer]] = field(default_factory=list)  # signed on paper

    @property
    def placement(self) -> Placement:
        return self.agreement.placement


class Paperwork:
    """Draws up and signs the agreements of one demo school's placements, in bulk."""

    def __init__(self, desk: AgreementDesk, batch: Batch) -> None:
        self.desk = desk
        self.batch = batch
        self.papers: list[Papers] = []

    @staticmethod
    def _later(papers: Papers) -> dict[str, Later]:
        """The version's content as it is now (and, once ready, its hash), for its history."""
        content = papers.content
        later = {"content": Later(lambda: content.value)}
        if papers.ready or papers.withdrawn:
            later["content_hash"] = Later(lambda: content.hash)
        return later

    def draft(self, placement: Placement, sector: str) -> Papers:
        """The agreement with its first version, a draft (``agreement_create``)."""
        travel_costs, note = self.desk.travel(sector)
        agreement = Agreement(
            placement=placement, travel_costs=travel_costs, travel_costs_note=note
        )
        self.batch.add(agreement)
        version = AgreementVersion(
            agreement=agreement, number=1, reason="", created_by=self.desk.user
        )
        papers = Papers(agreement, version, Content(placement))
        self.batch.add(version, later=self._later(papers))
        self.papers.append(papers)
        return papers

    def refresh(self, papers: Papers) -> None:
        """The draft states the agreement anew (``group_agreement_create`` refreshes the drafts
        that join it); what it states is read again."""
        papers.content = Content(papers.placement)
        self.batch.changed(papers.version, later=self._later(papers))

    def make_ready(self, papers: Papers) -> None:
        """Offered for signature (``version_make_ready``): frozen and hashed."""
        version, agreement = papers.version, papers.agreement
        papers.ready = True
        version.status = VersionStatus.READY
        version.ready_at = timezone.now()
        self.batch.changed(version, user=self.desk.user, later=self._later(papers))
        agreement.status = Agreement.Status.READY
        self.batch.changed(agreement)

    def terminate(self, papers: Papers, *, on: datetime.date, reason: str) -> None:
        """Stopped before it began (``agreement_terminate``): the draft is withdrawn, frozen
        with its hash."""
        version, agreement = papers.version, papers.agreement
        papers.withdrawn = True
        version.status = VersionStatus.WITHDRAWN
        self.batch.changed(version, later=self._later(papers))
        agreement.ended_on = on
        agreement.end_reason = reason.strip()
        agreement.status = Agreement.Status.TERMINATED
        self.batch.changed(agreement)

    def sign_all(self, papers: Papers) -> None:
        self.sign(papers, (Party.STUDENT, Party.HOST, Party.SCHOOL))

    def sign_some(self, papers: Papers) -> None:
        """One or two of the three sign: the agreement waits for the others."""
        parties = self.desk.rng.choice(
            ((Party.SCHOOL,), (Party.STUDENT, Party.SCHOOL), (Party.STUDENT,), (Party.HOST,))
        )
        self.sign(papers, parties)

    def sign(self, papers: Papers, parties: tuple[str, ...]) -> None:
        """Each of ``parties`` signs, by link or on paper; once all three have, the version is
        signed (``version_mark_signed``)."""
        placement = papers.placement
        content = papers.content
        later = {"content_hash": Later(lambda: content.hash)}
        for party in parties:
            signer = self.desk.signer(placement, placement.host, party)
            on_paper = self.desk.on_paper(party)
            signature = Signature(
                version=papers.version,
                party=party,
                signer_name=signer.name.strip(),
                signer_role=signer.role.strip(),
            )
            if on_paper:
                signature.method = SignatureMethod.PAPER
                today = timezone.localdate()
                signature.signed_at = timezone.make_aware(datetime.datetime.combine(today, NOON))
                signature.recorded_by = self.desk.user
                scan = Later(lambda signature=signature: signature.scan.name)
                self.batch.add(signature, later={**later, "scan": scan})
                papers.scans.append((signature, signer))
            else:
                request = self._request(papers, party, signer)
                signature.method = SignatureMethod.ELECTRONIC
                signature.signed_at = timezone.now()
                signature.ip_address, user_agent = self.desk.device()
                signature.user_agent = user_agent[:500]
                signature.request = request
                self.batch.add(signature, later=later)
                request.used_at = signature.signed_at
                self.batch.changed(request)
            papers.signatures.append(signature)
            self._after_signature(papers, on_paper=on_paper)

    def _request(self, papers: Papers, party: str, signer: Signer) -> SignatureRequest:
        """The request with its own link (``signature_request_create``): the pupil's, for a
        minor the guardian's, else a signatory's."""
        placement = papers.placement
        person = {}
        if party == Party.STUDENT:
            # The guardian the desk proposed: the first who may sign, with a unique address.
            person = {"guardian": signer.guardian} if signer.guardian else {}
            person = person or {"student": placement.student}
        link = signing_link(
            school=placement.school, email=signer.email, created_by=self.desk.user, **person
        )
        self.batch.add(link)
        request = SignatureRequest(
            version=papers.version,
            link=link,
            party=party,
            signer_name=signer.name.strip(),
            signer_role=signer.role.strip(),
        )
        self.batch.add(request)
        return request

    def _after_signature(self, papers: Papers, *, on_paper: bool) -> None:
        """Once every party has signed (for a group's annex the pupil; the group agreement is
        signed first), the version is signed, and so is the agreement."""
        signed = {signature.party for signature in papers.signatures}
        required = (Party.STUDENT,) if papers.agreement.group is not None else ALL_PARTIES
        if any(party not in signed for party in required):
            return
        version, agreement = papers.version, papers.agreement
        version.status = VersionStatus.SIGNED
        version.signed_at = timezone.now()
        # A paper signature marks the copy it was given signed; a link marks a fresh copy,
        # which names no one.
        user = self.desk.user if on_paper and not papers.fetched_again else None
        self.batch.changed(version, user=user, later=self._later(papers))
        agreement.status = Agreement.Status.SIGNED
        self.batch.changed(agreement)

    def prefetch(self) -> None:
        """The placements' periods (with their make-up, if any), exceptions and exemptions,
        read once for all of them: what each agreement states reads them (``planned_days``,
        its periods) from there."""
        placements = [papers.placement for papers in self.papers]
        prefetch_related_objects(
            placements, "periods__make_up", "schedule_exceptions", "exemptions"
        )

    def write(self) -> list[str]:
        """Inserts the versions (their content read by now), the requests and the signatures
        with their scans; returns the names of the scans written."""
        for papers in self.papers:
            papers.version.content = papers.content.value
            if papers.ready or papers.withdrawn:
                papers.version.content_hash = papers.content.hash
            for signature in papers.signatures:
                signature.content_hash = papers.content.hash
            for signature, signer in papers.scans:
                signature.scan = self.desk.scan(
                    signature.party, signer, papers.version, version=papers.version, group=None
                )
        self.batch.insert(AgreementVersion, SignatureRequest, Signature)
        return [signature.scan.name for papers in self.papers for signature, _ in papers.scans]
