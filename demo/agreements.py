"""The demo's agreements (8.1.2): who pays the travel, who signs for each party and how.

Most parties sign through their personal link, some on paper with a scan. The demo creates
its links without e-mail and signs at once as each link's holder, so it never mails anyone,
whatever the e-mail backend. Who still has to sign is shown from the agreement itself, as it
would be before the school sends a link. The hundreds of ordinary agreements are written in
bulk (``demo.paperwork``, ``demo.groups``); the amendments go through the services here.
"""

import random
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from demo.builders import DemoSchool
from demo.documents import file_name, pdf_upload
from internships.models import (
    Agreement,
    AgreementVersion,
    GroupAgreement,
    Guardian,
    Host,
    Party,
    Placement,
    User,
)
from internships.selectors.access_links import link_principal
from internships.selectors.agreement_content import DOCUMENT_LANGUAGE
from internships.services.agreements import agreement_amend, version_make_ready
from internships.services.signatures import (
    signature_record_paper,
    signature_request_create,
    signature_sign,
)

TravelCosts = Agreement.TravelCosts
# Who signs on paper rather than through the link, per party.
PAPER = {Party.STUDENT: 0.15, Party.SCHOOL: 0.1, Party.HOST: 0.3}
# Addresses from the documentation ranges (RFC 5737): no real device.
NETWORKS = ("192.0.2", "198.51.100", "203.0.113")
BROWSERS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/142.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 15; SM-A556B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/142.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.6 Safari/605.1.15",
)
TRAVEL = {
    "logistics": (TravelCosts.HOST, "Fietsvergoeding volgens de regeling van het bedrijf."),
    "metal": (TravelCosts.HOST, "Terugbetaling van het abonnement van De Lijn."),
    "home_care": (
        TravelCosts.HOST,
        "Kilometervergoeding voor de verplaatsingen tussen zorgvragers.",
    ),
}
STUDENT_TRAVEL = "Woon-werkverkeer met de fiets of De Lijn, zonder vergoeding."


@dataclass(frozen=True)
class Signer:
    name: str
    role: str
    email: str
    guardian: Guardian | None = None  # who signs for a minor, through a guardian's link


class AgreementDesk:
    """Draws up and signs the agreements of one demo school."""

    def __init__(self, demo: DemoSchool, user: User) -> None:
        self.demo = demo
        self.rng: random.Random = demo.rng
        self.user = user  # the coordinator who prepares them and records paper signatures
        self.guardians: dict[int, Guardian] = {}

    def travel(self, sector: str) -> tuple[str, str]:
        """Who pays the travel, and how: the sector's custom, now and then the school."""
        travel_costs, note = TRAVEL.get(sector, (TravelCosts.STUDENT, STUDENT_TRAVEL))
        if travel_costs == TravelCosts.STUDENT and self.rng.random() < 0.1:
            travel_costs, note = TravelCosts.SCHOOL, "De school betaalt het busabonnement."
        return travel_costs, note

    def on_paper(self, party: str) -> bool:
        """Whether this party signs on paper rather than through their link."""
        return self.rng.random() < PAPER[party]

    def device(self) -> tuple[str, str]:
        """The address and browser a party signs from through their link."""
        address = f"{self.rng.choice(NETWORKS)}.{self.rng.randint(2, 254)}"
        return address, self.rng.choice(BROWSERS)

    def signer(self, placement: Placement | None, host: Host, party: str) -> Signer:
        """Who signs for ``party``, as the school would propose: for a minor the first parent
        or guardian who may sign, an adult pupil themselves, the head, the representative."""
        school = self.demo.school
        with translation.override(DOCUMENT_LANGUAGE):
            if party == Party.SCHOOL:
                return Signer(school.head_name, _("directeur"), school.email)
            if party == Party.HOST:
                return Signer(host.representative_name, host.representative_title, host.email)
            student = placement.student
            if not student.is_minor_on(placement.start_date):
                return Signer(student.full_name, str(Party.STUDENT.label), student.email)
            if student.pk not in self.guardians:
                guardians = student.guardians.filter(may_sign=True).order_by("pk")
                self.guardians[student.pk] = guardians.first()
            guardian = self.guardians[student.pk]
            role = _("%(relationship)s van %(student)s") % {
                "relationship": guardian.get_relationship_display(),
                "student": student.full_name,
            }
            name = f"{guardian.first_name} {guardian.last_name}"
            return Signer(name, role, guardian.email, guardian)

    def sign(
        self, parties: tuple[str, ...], *, placement: Placement, version: AgreementVersion
    ) -> None:
        """Each of ``parties`` signs the version, by link or on paper, through the services."""
        for party in parties:
            signer = self.signer(placement, placement.host, party)
            if self.on_paper(party):
                self._paper(party, signer, version)
                continue
            request = signature_request_create(
                party=party,
                signer_name=signer.name,
                signer_role=signer.role,
                email=signer.email,
                version=version,
                created_by=self.user,
                send_email=False,
            )
            address, browser = self.device()
            signature_sign(
                principal=link_principal(request.link),
                request=request,
                signer_name=signer.name,
                content_hash=version.content_hash,
                ip_address=address,
                user_agent=browser,
            )

    def scan(
        self,
        party: str,
        signer: Signer,
        document: AgreementVersion | GroupAgreement,
        *,
        version: AgreementVersion | None,
        group: GroupAgreement | None,
    ) -> SimpleUploadedFile:
        """The signed page the school scans: signed today (the service only accepts the day
        itself, as a document made ready today cannot have been signed earlier)."""
        today = timezone.localdate()
        if version is not None:
            placement = version.agreement.placement
            subject = f"{placement.student.full_name} bij {placement.host.name}"
            title = f"Leerlingenstageovereenkomst, versie {version.number}"
            words = (placement.student.full_name, f"v{version.number}")
        else:
            subject = f"{group.title} bij {group.host.name}"
            title = "Globale leerlingenstageovereenkomst"
            words = (group.title,)
        lines = [
            subject,
            f"Voor de {Party(party).label}: {signer.name}, {signer.role}",
            f"Gelezen en goedgekeurd, ondertekend op {today:%d/%m/%Y}.",
            f"Vingerafdruk van het document (SHA-256): {document.content_hash}",
        ]
        return pdf_upload(
            file_name("handtekening", *words, str(Party(party).label)),
            f"{title} – ondertekende pagina",
            lines,
            signature_seed=int(document.content_hash[:8], 16) + len(party),
        )

    def _paper(self, party: str, signer: Signer, version: AgreementVersion) -> None:
        """A paper signature: the school scans the signed page."""
        signature = signature_record_paper(
            party=party,
            signer_name=signer.name,
            signer_role=signer.role,
            signed_on=timezone.localdate(),
            scan=self.scan(party, signer, version, version=version, group=None),
            user=self.user,
            version=version,
        )
        self.demo.files.append(signature.scan.name)

    def sign_all(self, placement: Placement, version: AgreementVersion) -> None:
        parties = [Party.STUDENT, Party.HOST, Party.SCHOOL]
        if version.agreement.group_id:
            parties = [Party.STUDENT]
        self.sign(tuple(parties), placement=placement, version=version)

    def amend(self, placement: Placement, reason: str) -> AgreementVersion:
        """An amendment (the next version), made ready for signature."""
        agreement = Agreement.objects.get(placement=placement)
        version = agreement_amend(agreement=agreement, reason=reason, user=self.user)
        return version_make_ready(version=version, user=self.user)
