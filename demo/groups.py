"""A host taking a whole class (8.1.2, option 1): the group agreement the school and the host
sign once, and each pupil's own agreement, an annex only the pupil (or a parent) signs.

Written in bulk as ``group_agreement_create``, ``group_agreement_make_ready``,
``version_make_ready`` and the signature services store them, with the same history. What each
annex states is read by ``agreement_content`` three times, as the services read it: drawn up
before the group agreement exists, again once it does (``group_agreement_create`` refreshes
the drafts), and when made ready, once the group agreement is frozen; each time the database
holds what it held then.
"""

import datetime

from django.utils import timezone

from demo.agreements import AgreementDesk
from demo.bulk import Batch, Later
from demo.links import signing_link
from demo.paperwork import Content, Papers, Paperwork
from internships.models import (
    Agreement,
    GroupAgreement,
    Host,
    SchoolYear,
    Signature,
    SignatureMethod,
    SignatureRequest,
)
from internships.selectors.agreement_content import content_hash
from internships.selectors.signatures import GROUP_PARTIES
from internships.services.group_agreements import group_agreement_content

NOON = datetime.time(12)


class GroupDesk:
    """Makes and signs the group agreements of one demo school."""

    def __init__(self, desk: AgreementDesk, paperwork: Paperwork, batch: Batch) -> None:
        self.desk = desk
        self.paperwork = paperwork
        self.batch = batch
        self.scans: list[Signature] = []  # signed on paper, written with the signatures

    def create(
        self, members: list[Papers], *, host: Host, school_year: SchoolYear, title: str
    ) -> GroupAgreement:
        """The group agreement, which the members' drafts join; what each states is read
        before and after."""
        self.batch.insert(Agreement)
        for papers in members:
            papers.content.read()
        group = GroupAgreement(
            school=self.desk.demo.school, host=host, school_year=school_year, title=title.strip()
        )
        self.batch.add(group)
        self.batch.insert(GroupAgreement)
        for papers in members:
            papers.agreement.group = group
            self.batch.changed(papers.agreement)
            self.paperwork.refresh(papers)
        agreements = [papers.agreement for papers in members]
        Agreement.objects.bulk_update(agreements, ["group", "updated_at"], batch_size=100)
        for papers in members:
            papers.content.read()
        return group

    def make_ready(self, group: GroupAgreement, members: list[Papers]) -> None:
        """The group agreement frozen with its pupils, then each annex made ready."""
        group.content = group_agreement_content(group)
        group.content_hash = content_hash(group.content)
        group.status = GroupAgreement.Status.READY
        group.ready_at = timezone.now()
        self.batch.changed(group)
        GroupAgreement.objects.filter(pk=group.pk).update(
            content=group.content,
            content_hash=group.content_hash,
            status=group.status,
            ready_at=group.ready_at,
        )
        for papers in members:
            papers.content = Content(papers.placement)
            self.paperwork.make_ready(papers)
            papers.fetched_again = True  # each pupil signs a copy fetched again
        for papers in members:
            papers.content.read()

    def sign(self, group: GroupAgreement) -> None:
        """The school and the host sign, by link or on paper; then it is signed."""
        for party in GROUP_PARTIES:
            signer = self.desk.signer(None, group.host, party)
            signature = Signature(
                group_agreement=group,
                party=party,
                signer_name=signer.name.strip(),
                signer_role=signer.role.strip(),
                content_hash=group.content_hash,
            )
            if self.desk.on_paper(party):
                signature.method = SignatureMethod.PAPER
                today = timezone.localdate()
                signature.signed_at = timezone.make_aware(datetime.datetime.combine(today, NOON))
                signature.recorded_by = self.desk.user
                signature.scan = self.desk.scan(party, signer, group, version=None, group=group)
                scan = Later(lambda signature=signature: signature.scan.name)
                self.batch.add(signature, later={"scan": scan})
                self.scans.append(signature)
                continue
            link = signing_link(school=group.school, email=signer.email, created_by=self.desk.user)
            self.batch.add(link)
            request = SignatureRequest(
                group_agreement=group,
                link=link,
                party=party,
                signer_name=signer.name.strip(),
                signer_role=signer.role.strip(),
            )
            self.batch.add(request)
            signature.method = SignatureMethod.ELECTRONIC
            signature.signed_at = timezone.now()
            signature.ip_address, user_agent = self.desk.device()
            signature.user_agent = user_agent[:500]
            signature.request = request
            self.batch.add(signature)
            request.used_at = signature.signed_at
            self.batch.changed(request)
        group.status = GroupAgreement.Status.SIGNED
        group.signed_at = timezone.now()
        self.batch.changed(group)
        GroupAgreement.objects.filter(pk=group.pk).update(
            status=group.status, signed_at=group.signed_at
        )
