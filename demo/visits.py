"""The supervisor's visits (8.2.2): one at the workplace while the placement runs, now and then
a talk afterwards at school (8.3), and for a running placement sometimes the next visit planned.

The visits draw from a random source of their own, seeded like the school's, so adding them
leaves every other piece of the demo data as it was.
"""

import random

from django.utils import timezone

from demo.builders import DemoSchool
from demo.bulk import Batch
from demo.calendar import CALENDARS, DAY, Day
from demo.specs import SEED
from internships.models import Placement, User, Visit
from internships.services.visits import DAYS_AFTER_END

CARE = ("elderly_care", "hospital", "home_care")
TECHNICAL = ("electrician", "metal")
FOOD = ("catering", "bakery", "food")
FINDINGS: dict[tuple[str, ...], tuple[str, ...]] = {
    CARE: (
        "Gaat rustig en respectvol om met de zorgvragers en stelt zich telkens voor. De "
        "ochtendzorg verloopt vlot; bij het verplaatsen met de tillift vraagt de leerling nog "
        "bevestiging.",
        "Observeert goed en meldt veranderingen aan de verpleegkundige. Rapporteren in het "
        "zorgdossier is nog kort en mag concreter.",
        "Werkt hygiënisch en volgt de afspraken van het team. Durft nog weinig initiatief te "
        "nemen bij de maaltijdbegeleiding.",
    ),
    ("childcare",): (
        "Heeft snel een band met de kinderen en volgt het dagritme goed. Verluiert zorgvuldig; "
        "naar de ouders toe nog wat terughoudend.",
        "Bereidt de activiteit goed voor en past die aan wanneer de kinderen onrustig worden.",
    ),
    TECHNICAL: (
        "Draagt consequent de beschermingsmiddelen en houdt de werkplek opgeruimd. Leest een "
        "eenvoudig schema zelfstandig; bij het aansluiten van het bord controleert de mentor nog.",
        "Werkt nauwkeurig bij het afmeten en boren, maar het tempo ligt nog laag. Stelt goede "
        "vragen over de veiligheidsvoorschriften.",
        "Komt stipt op tijd en volgt de instructies van de ploegbaas goed op. Meet het eigen "
        "werk na voor het nagekeken wordt.",
    ),
    ("office",): (
        "Verwerkt de inkomende post en facturen correct en werkt netjes in het boekhoudpakket. "
        "Aan de telefoon vriendelijk, maar nog niet alles wordt genoteerd.",
        "Stelt zelfstandig eenvoudige e-mails op; de mentor verbetert nog de aanspreking.",
    ),
    ("logistics",): (
        "Volgt de procedures bij het orderpicken en scant nauwkeurig. Let goed op de "
        "veiligheidszones in het magazijn.",
        "Werkt vlot mee bij de ontvangst van goederen; het controleren van de leverbonnen gaat "
        "steeds beter.",
    ),
    FOOD: (
        "Werkt hygiënisch en volgt de HACCP-regels. De mise-en-place is in orde; bij drukte "
        "gaat het overzicht nog verloren.",
        "Is gemotiveerd en leergierig; volgt de recepturen nauwkeurig en ruimt de eigen post op.",
    ),
}
GENERAL = (
    "De leerling is goed ingewerkt en voelt zich thuis in het team. De mentor is tevreden over "
    "inzet en stiptheid.",
)
FOLLOW_UP = (
    "Volgende week zelfstandig een taak van het begin tot het einde uitvoeren en er kort over "
    "rapporteren.",
    "De leerling vraagt sneller hulp wanneer iets niet duidelijk is; de mentor geeft op vrijdag "
    "kort feedback.",
    "In het registratiedocument elke dag noteren wat goed ging en wat beter kan.",
    "De activiteiten die nog niet aan bod kwamen, plant de mentor in de volgende weken.",
)
CLOSING_FINDINGS = (
    "Nabespreking op school: de leerling blikt terug op de stage, benoemt wat er geleerd is en "
    "waar nog groeikansen liggen. De werkpunten gaan mee naar de praktijklessen."
)


class VisitPlanner:
    """Records the visits of the placements of one demo school, written in bulk as
    ``visit_create`` would store them."""

    def __init__(self, demo: DemoSchool, batch: Batch) -> None:
        self.rng = random.Random(f"{SEED}-visits-{demo.spec.institution_number}-{demo.scale}")
        self.batch = batch

    def _create(self, placement: Placement, **fields) -> None:
        visit = Visit(placement=placement, **fields)
        visit.findings, visit.follow_up = visit.findings.strip(), visit.follow_up.strip()
        self.batch.add(visit)

    def record(
        self,
        placement: Placement,
        *,
        sector: str,
        present: list[Day],
        upcoming: list[Day],
        closing: bool,
        supervisor: User,
    ) -> None:
        """``present``: the days the pupil was there so far; ``upcoming``: the days still to
        come of a running placement; ``closing``: whether a finished placement may get a talk
        at school afterwards."""
        if present:
            self._create(
                placement,
                date=present[len(present) // 2],
                kind=Visit.Kind.ON_SITE,
                status=Visit.Status.DONE,
                visited_by=supervisor,
                mentor_present=self.rng.random() < 0.85,
                findings=self.rng.choice(_findings(sector)),
                follow_up=self.rng.choice(FOLLOW_UP),
            )
        day = self._closing_day(placement) if closing else None
        if day is not None and self.rng.random() < 0.4:
            self._create(
                placement,
                date=day,
                kind=Visit.Kind.AT_SCHOOL,
                status=Visit.Status.DONE,
                visited_by=supervisor,
                findings=CLOSING_FINDINGS,
            )
        if upcoming and (not present or self.rng.random() < 0.5):
            self._create(
                placement,
                date=upcoming[len(upcoming) // 2],
                kind=self.rng.choice((Visit.Kind.ON_SITE, Visit.Kind.ON_SITE, Visit.Kind.PHONE)),
                status=Visit.Status.PLANNED,
                visited_by=supervisor,
            )

    def _closing_day(self, placement: Placement) -> Day | None:
        """A school day in the weeks after the placement, not after today."""
        calendar = CALENDARS[placement.school_year.start_year]
        last = min(placement.end_date + DAYS_AFTER_END * DAY, timezone.localdate())
        day = placement.end_date + 5 * DAY
        while day <= last:
            if calendar.is_school_day(day):
                return day
            day += DAY
        return None


def _findings(sector: str) -> tuple[str, ...]:
    return next((texts for sectors, texts in FINDINGS.items() if sector in sectors), GENERAL)
