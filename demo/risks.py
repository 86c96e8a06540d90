"""The risk documents of the demo (8.1.4), uploaded as the risk services store them.

Each workplace where a pupil goes gets the host's risk assessment, dated well before the first
pupil arrives; where it requires health surveillance (care, kitchens, bakeries, workshops) there
is a workstation sheet too. Offices and the logistics companies' administration are mainly
screen work. A pupil who needs a prior health assessment gets one some weeks before the first
internship that requires it; it stays valid for the later ones.
"""

import datetime
from dataclasses import dataclass
from typing import NamedTuple

from django.utils import timezone

from demo.builders import DemoSchool
from demo.bulk import Batch, Later
from demo.calendar import DAY, Day
from demo.documents import file_name, pdf_upload
from internships.models import (
    HealthAssessment,
    Placement,
    RiskAssessment,
    Student,
    User,
    Workplace,
    WorkstationSheet,
)
from internships.selectors.risks import health_assessment_required


class RiskProfile(NamedTuple):
    """What a host's risk assessment says about the work a pupil does there."""

    surveillance: float  # the share of these workplaces that need health surveillance
    screen_work: bool
    workstation: str
    risks: tuple[str, ...]
    measures: str
    conclusions: tuple[str, ...] = ("Geschikt voor de werkpost.",)


LIFTING = "Manueel hanteren van lasten: tillen en verplaatsen van zorgvragers"
BIOLOGICAL = "Biologische agentia: contact met lichaamsvochten"
FOOD = "Contact met voedingsmiddelen"
CARE_CONCLUSIONS = (
    "Geschikt voor de werkpost.",
    "Geschikt; vaccinatie tegen hepatitis B in orde.",
    "Geschikt; tillen enkel met hulpmiddelen.",
)
PROFILES = {
    "elderly_care": RiskProfile(
        1,
        False,
        "Zorgkundige – residentiële ouderenzorg",
        (BIOLOGICAL, LIFTING, "Psychosociale belasting"),
        "Tillift en glijzeilen verplicht; handschoenen bij contact met lichaamsvochten.",
        CARE_CONCLUSIONS,
    ),
    "hospital": RiskProfile(
        1,
        False,
        "Verpleegeenheid – zorgkundige",
        (BIOLOGICAL, LIFTING, "Prikaccidenten", "Ploegenwerk"),
        "Geen contact met naalden of cytostatica; tilhulpmiddelen; isolatievoorschriften.",
        CARE_CONCLUSIONS,
    ),
    "home_care": RiskProfile(
        1,
        False,
        "Verzorgende in de thuiszorg",
        (LIFTING, BIOLOGICAL, "Verplaatsingen tussen zorgvragers", "Alleen werken"),
        "Stagiair gaat altijd mee met een verzorgende; tilhulpmiddelen bij de zorgvrager.",
        CARE_CONCLUSIONS,
    ),
    "childcare": RiskProfile(
        1,
        False,
        "Kinderbegeleider",
        ("Biologische agentia: kinderziekten (o.a. cytomegalie)", "Tillen van kinderen"),
        "Vaccinatiestatus nagaan; kinderen tillen met gestrekte rug; verzorgingstafel op hoogte.",
        ("Geschikt voor de werkpost.", "Geschikt; immuniteit voor rubella aangetoond."),
    ),
    "electrician": RiskProfile(
        0.5,
        False,
        "Elektrotechnicus – installatiewerk",
        ("Elektrische risico's", "Werken op hoogte", "Stof bij slijpen en boren in muren"),
        "Enkel aan spanningsloze installaties (vergrendeld en gemeten); veiligheidsschoenen en "
        "-bril; stofmasker FFP2 bij slijpwerk.",
        ("Geschikt voor de werkpost.", "Geschikt; geen werken op hoogte boven 2 m."),
    ),
    "metal": RiskProfile(
        1,
        False,
        "Onderhoudstechnicus – machinepark",
        ("Lawaai boven 85 dB(A)", "Draaiende machineonderdelen", "Lasrook", "Snijolie"),
        "Gehoorbescherming, veiligheidsschoenen en -bril; vergrendelen bij onderhoud.",
        ("Geschikt voor de werkpost.", "Geschikt; gehoorbescherming verplicht."),
    ),
    "office": RiskProfile(
        0,
        True,
        "",
        ("Beeldschermwerk", "Ergonomie van de werkpost"),
        "Instelbare bureaustoel en scherm; afwisseling van taken bij lang beeldschermwerk.",
    ),
    "logistics": RiskProfile(
        0,
        True,
        "",
        ("Beeldschermwerk", "Heftruckverkeer bij bezoek aan het magazijn"),
        "Fluohesje en veiligheidsschoenen in het magazijn; de stagiair bestuurt geen heftruck.",
    ),
    "catering": RiskProfile(
        1,
        False,
        "Keukenmedewerker",
        (FOOD, "Snij- en brandwonden", "Hitte en gladde vloeren"),
        "Snijbestendige handschoen bij het versnijden; antislipschoenen; HACCP-onthaal.",
    ),
    "bakery": RiskProfile(
        1,
        False,
        "Bakkerijmedewerker – productie",
        ("Meelstof (bakkersastma)", FOOD, "Hitte van de ovens", "Vroege werkuren"),
        "Afzuiging aan kneder en bloembak; stofarm werken; ovenwanten.",
    ),
    "food": RiskProfile(
        1,
        False,
        "Productiemedewerker voeding",
        (FOOD, "Koude in de koelcellen", "Repetitieve bewegingen", "Lawaai van de lijn"),
        "Thermische kledij in de koelcel; gehoorbescherming aan de productielijn.",
    ),
}
PHYSICIAN = (
    "Preventieadviseur-arbeidsgeneesheer van de externe dienst voor preventie en bescherming"
)


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


class RiskDesk:
    """Uploads the risk documents of one demo school, each once, as ``risk_assessment_upload``,
    ``workstation_sheet_upload`` and ``health_assessment_upload`` store them."""

    def __init__(self, demo: DemoSchool, user: User, batch: Batch | None = None) -> None:
        self.demo = demo
        self.rng = demo.rng
        self.user = user
        self.batch = batch or Batch()
        self.workplaces: set[int] = set()
        self.students: set[int] = set()

    def _before(self, first_day: Day, earliest: int, latest: int) -> Day:
        """A day some ``earliest`` to ``latest`` days before ``first_day``, never after today."""
        day = first_day - DAY * self.rng.randint(earliest, latest)
        return min(day, timezone.localdate())

    def workplace_documents(self, workplace: Workplace, sector: str, first_day: Day) -> None:
        """The host's risk assessment of the workplace and, if needed, a workstation sheet."""
        if workplace.pk in self.workplaces:
            return
        self.workplaces.add(workplace.pk)
        profile = PROFILES[sector]
        host = workplace.host
        surveillance = self.rng.random() < profile.surveillance
        assessed_on = self._before(first_day, 45, 420)
        lines = [
            f"Stagegever: {host.name}, {host.address}",
            f"Stageplaats: {workplace.name}, {workplace.address}",
            f"Datum van de risicoanalyse: {assessed_on:%d/%m/%Y}",
            "Opgesteld door de interne preventieadviseur, besproken met de stagementoren.",
            "Risico's: " + "; ".join(profile.risks) + ".",
            f"Preventiemaatregelen: {profile.measures}",
            f"Gezondheidstoezicht vereist: {_yes(surveillance)}.",
            f"Hoofdzakelijk beeldschermwerk: {_yes(profile.screen_work)}.",
            f"Voor akkoord: {host.representative_name}, {host.representative_title}.",
        ]
        risk_assessment = RiskAssessment(
            workplace=workplace,
            document=pdf_upload(
                file_name("risicoanalyse", workplace.name, workplace.city),
                f"Risicoanalyse – {workplace.name}",
                lines,
            ),
            assessed_on=assessed_on,
            health_surveillance_required=surveillance,
            mainly_screen_work=profile.screen_work,
            notes=profile.measures,
            uploaded_by=self.user,
        )
        self.upload(risk_assessment)
        if not surveillance:
            return
        issued_on = min(assessed_on + DAY * self.rng.randint(0, 21), first_day - DAY)
        issued_on = min(issued_on, timezone.localdate())
        sheet = WorkstationSheet(
            workplace=workplace,
            workstation=profile.workstation,
            document=pdf_upload(
                file_name("werkpostfiche", profile.workstation, workplace.city),
                f"Werkpostfiche – {profile.workstation}",
                [
                    f"Stagegever: {host.name}; stageplaats: {workplace.name}, {workplace.address}",
                    f"Werkpost: {profile.workstation}",
                    "Risico's: " + "; ".join(profile.risks) + ".",
                    f"Maatregelen en beschermingsmiddelen: {profile.measures}",
                    "Gezondheidstoezicht: voorafgaande gezondheidsbeoordeling vereist.",
                    f"Datum: {issued_on:%d/%m/%Y}",
                ],
            ),
            issued_on=issued_on,
            uploaded_by=self.user,
        )
        self.upload(sheet)

    def upload(self, document: RiskAssessment | WorkstationSheet | HealthAssessment) -> None:
        """Written at once, as its upload service stores it (the pages and the gate read it
        from then on); its history is written with the batch."""
        self.batch.add(document, later={"document": Later(lambda: document.document.name)})
        self.batch.insert(type(document))
        self.demo.files.append(document.document.name)

    def health_assessment(self, placement: Placement, sector: str) -> "HealthUpload | None":
        """The pupil's prior health assessment, to upload when this placement needs one and the
        pupil has none yet; None otherwise."""
        if not health_assessment_required(placement):
            return None
        student: Student = placement.student
        if student.pk in self.students:
            return None
        self.students.add(student.pk)
        assessed_on = self._before(placement.start_date, 8, 40)
        conclusion = self.rng.choice(PROFILES[sector].conclusions)
        workstation = PROFILES[sector].workstation or "Administratief medewerker"
        return HealthUpload(self, placement, assessed_on, conclusion, workstation)


@dataclass(frozen=True)
class HealthUpload:
    """A health assessment the school uploads."""

    desk: RiskDesk
    placement: Placement
    assessed_on: Day
    conclusion: str
    workstation: str

    def upload(self) -> None:
        placement, student = self.placement, self.placement.student
        assessment = HealthAssessment(
            student=student,
            document=pdf_upload(
                file_name("gezondheidsbeoordeling", student.full_name),
                "Formulier voor de beoordeling van de gezondheid",
                [
                    f"Leerling-stagiair: {student.full_name}, geboren op "
                    f"{student.birth_date:%d/%m/%Y}",
                    f"School: {self.desk.demo.school.name}",
                    f"Stagegever: {placement.host.name}; werkpost: {self.workstation}",
                    f"Datum van het onderzoek: {self.assessed_on:%d/%m/%Y}",
                    f"Besluit: {self.conclusion}",
                    PHYSICIAN + ".",
                ],
            ),
            assessed_on=self.assessed_on,
            conclusion=self.conclusion,
            uploaded_by=self.desk.user,
        )
        self.desk.upload(assessment)


def first_days(placements: list[tuple[Placement, str]]) -> dict[int, tuple[Workplace, str, Day]]:
    """Per workplace the first day a pupil is due there, in the order the workplaces appear."""
    first: dict[int, tuple[Workplace, str, datetime.date]] = {}
    for placement, sector in placements:
        known = first.get(placement.workplace_id)
        if known is None or placement.start_date < known[2]:
            first[placement.workplace_id] = (placement.workplace, sector, placement.start_date)
    return first
