"""The observation criteria of the demo's programmes (9.1.1–9.1.2), derived from their
curriculum goals (leerplandoelen): observable and measurable, each on the scale that fits.

Written in bulk as ``criterion_create`` adds them, each at the end of the programme's list, with
the same history (``demo.bulk``).
"""

from typing import NamedTuple

from demo.bulk import Batch
from evaluations.models import Criterion, Scale
from internships.models import Programme, School

BOTH, INTERIM, FINAL = Criterion.Moments.BOTH, Criterion.Moments.INTERIM, Criterion.Moments.FINAL
FOUR, THREE, TWO = Scale.FOUR_LEVELS, Scale.THREE_LEVELS, Scale.TWO_LEVELS


class CriterionSpec(NamedTuple):
    goal: str
    description: str
    moments: str = BOTH
    scale: str = FOUR


C = CriterionSpec
# By the start of the programme's name (the demo's programmes, see demo.schools).
CRITERIA: dict[str, tuple[CriterionSpec, ...]] = {
    "Verzorging": (
        C("LPD 1.3", "Stelt zich voor aan zorgvragers en team en volgt de afdelingsafspraken"),
        C("LPD 1.5", "Komt stipt op tijd, verwittigt bij afwezigheid, bewaart het beroepsgeheim"),
        C(
            "LPD 2.1",
            "Past handhygiëne toe op de vijf momenten en draagt correcte werkkledij",
            BOTH,
            TWO,
        ),
        C("LPD 3.2", "Verleent hygiënische zorg volgens de procedure, met respect voor de privacy"),
        C(
            "LPD 4.1",
            "Verplaatst een zorgvrager ergonomisch met het juiste tilhulpmiddel",
            BOTH,
            THREE,
        ),
        C("LPD 4.4", "Meet temperatuur, pols en gewicht correct en noteert ze", FINAL, TWO),
        C("LPD 5.2", "Helpt bij eten en drinken in het tempo van de zorgvrager"),
        C("LPD 6.1", "Rapporteert observaties concreet en tijdig, mondeling en in het zorgdossier"),
    ),
    "Thuis- en bejaardenzorg": (
        C("LPD 1.4", "Handelt binnen de eigen bevoegdheid en vraagt hulp waar nodig", BOTH, THREE),
        C("LPD 2.1", "Verleent basiszorg bij een hoge zorgnood volgens het zorgplan"),
        C("LPD 2.5", "Past preventie van decubitus, vallen en uitdroging toe en registreert ze"),
        C("LPD 3.1", "Meet parameters, interpreteert ze en meldt afwijkingen meteen"),
        C("LPD 3.4", "Dient orale medicatie toe onder toezicht, met de zes juistheden", FINAL, TWO),
        C("LPD 4.5", "Geeft een gestructureerde overdracht (SBAR) aan het volgende team"),
        C("LPD 4.2", "Brengt eigen observaties in op het multidisciplinair overleg", FINAL),
    ),
    "Elektrische installaties": (
        C(
            "LPD 2.1",
            "Draagt de beschermingsmiddelen en bakent de werkplek af, zonder herinnering",
            BOTH,
            TWO,
        ),
        C(
            "LPD 3.1",
            "Plaatst buizen en leidingen recht, stevig bevestigd en op de maten van het plan",
        ),
        C(
            "LPD 3.3",
            "Sluit stopcontacten en schakelaars aan volgens het AREI (kleuren, doorsnede, aarding)",
        ),
        C(
            "LPD 3.4",
            "Bouwt een wissel- of trappenhuisschakeling die bij de eerste test werkt",
            BOTH,
            THREE,
        ),
        C(
            "LPD 4.5",
            "Meet isolatie- en aardingsweerstand en noteert de waarden correct",
            FINAL,
            THREE,
        ),
        C("LPD 5.1", "Leest een eendraad- en situatieschema en vult het aan na een wijziging"),
        C("LPD 7.1", "Laat de werf opgeruimd achter en sorteert het afval", BOTH, TWO),
    ),
    "Elektromechanische technieken": (
        C("LPD 1.2", "Voert voor elke taak de laatste-minuut-risicoanalyse uit", BOTH, TWO),
        C(
            "LPD 2.1",
            "Voert preventief onderhoud uit volgens het onderhoudsplan en registreert het",
        ),
        C(
            "LPD 2.4",
            "Demonteert en monteert lagers, riemen en koppelingen met het juiste gereedschap",
        ),
        C("LPD 3.2", "Bouwt een pneumatische schakeling op volgens schema en test ze", FINAL),
        C(
            "LPD 4.1",
            "Zoekt een storing in een sturing systematisch met de multimeter",
            BOTH,
            THREE,
        ),
        C("LPD 5.1", "Vindt de nodige gegevens in technische documentatie en schema's"),
    ),
    "Elektriciteit": (
        C("LPD 1.1", "Volgt de veiligheidsregels van het bedrijf en de werkplaats", BOTH, TWO),
        C("LPD 1.4", "Zet materiaal en gereedschap volledig klaar voor de werf"),
        C("LPD 2.2", "Trekt draden in buizen zonder de isolatie te beschadigen", BOTH, THREE),
        C("LPD 3.1", "Noteert in het stageschrift wat de elektricien deed en waarom"),
        C("LPD 1.6", "Ruimt de werf op en sorteert het afval", BOTH, TWO),
    ),
    "Kantoor": (
        C("LPD 1.2", "Registreert en verdeelt de inkomende post correct en op tijd", BOTH, THREE),
        C("LPD 1.4", "Neemt de telefoon aan volgens de afspraken en noteert boodschappen volledig"),
        C("LPD 2.1", "Stelt zakelijke e-mails op in correct Nederlands, met de juiste aanspreking"),
        C("LPD 2.3", "Voert gegevens foutloos in het klantenbestand of het ERP-pakket in"),
        C("LPD 3.1", "Klasseert documenten zo dat een collega ze terugvindt", BOTH, TWO),
        C(
            "LPD 3.6",
            "Controleert leveringsbonnen tegen de bestelling en boekt ze af",
            FINAL,
            THREE,
        ),
    ),
    "Organisatieassistentie": (
        C("LPD 1.1", "Beheert een agenda en plant afspraken zonder overlappingen"),
        C("LPD 2.2", "Controleert inkomende facturen tegen bestelling en levering en boekt ze in"),
        C("LPD 2.4", "Volgt bestellingen bij leveranciers op en meldt vertragingen tijdig"),
        C("LPD 2.8", "Houdt de voorraad in het magazijnbeheer correct bij", BOTH, THREE),
        C("LPD 3.3", "Maakt een juiste rapportering in een rekenblad", FINAL),
        C("LPD 4.1", "Handelt vragen van klanten vriendelijk en volledig af"),
    ),
    "Restaurant en keuken": (
        C("LPD 1.2", "Heeft de mise-en-place volledig en op tijd klaar voor de service"),
        C("LPD 1.5", "Bereidt groenten, vlees en vis voor volgens de HACCP-regels"),
        C("LPD 2.3", "Werkt hoofdgerechten af en dresseert ze volgens de fiche"),
        C("LPD 3.3", "Onthaalt gasten, neemt bestellingen op en serveert correct"),
        C("LPD 4.2", "Voert het kuisplan uit en registreert de temperaturen", BOTH, TWO),
        C("LPD 1.1", "Houdt het tempo van de keuken en het overzicht bij drukte", FINAL, THREE),
    ),
    "Brood- en banketbakkerij": (
        C("LPD 1.1", "Weegt grondstoffen nauwkeurig af en kneedt deeg tot de juiste consistentie"),
        C("LPD 1.3", "Vormt brood en kleinbrood gelijkmatig en bakt het op de juiste temperatuur"),
        C("LPD 2.1", "Maakt viennoiserie met een regelmatige gelaagdheid", FINAL),
        C("LPD 2.4", "Vult en werkt taarten en gebak verzorgd af"),
        C("LPD 3.2", "Controleert leveringen en stockeert volgens FIFO", BOTH, TWO),
        C(
            "LPD 4.3",
            "Reinigt en ontsmet werkposten en machines volgens het schoonmaakplan",
            BOTH,
            TWO,
        ),
    ),
    "Horeca": (
        C("LPD 1.1", "Volgt de hygiëneregels van de zaak", BOTH, TWO),
        C("LPD 1.3", "Zet de mise-en-place klaar volgens de instructies"),
        C("LPD 2.1", "Maakt eenvoudige bereidingen volgens het recept", BOTH, THREE),
        C("LPD 2.4", "Dekt en ruimt tafels af volgens de afspraken"),
        C("LPD 2.6", "Wast af en kuist volgens het kuisplan", BOTH, TWO),
    ),
}
ATTITUDES = (
    C("Attitudes", "Komt stipt op tijd en verwittigt bij afwezigheid", BOTH, TWO),
    C("Attitudes", "Vraagt hulp of uitleg wanneer iets niet duidelijk is", BOTH, THREE),
)


def _specs(programme: Programme) -> tuple[CriterionSpec, ...]:
    """The programme's criteria: from the table by its name, else from its own activities."""
    matches = [name for name in CRITERIA if programme.name.startswith(name)]
    if matches:
        return CRITERIA[max(matches, key=len)]
    derived = tuple(
        C(activity.curriculum_goal or "Praktijk", f"Voert correct en veilig uit: {activity}")
        for activity in programme.activities.order_by("position", "pk")[:5]
    )
    return derived + ATTITUDES


def criteria_create(school: School) -> None:
    """Every programme of the school gets its criteria, once, as ``criterion_create`` adds them
    (each at the end of the list)."""
    batch = Batch()
    for programme in Programme.objects.filter(school=school).order_by("pk"):
        if programme.criteria.exists():
            continue
        for position, spec in enumerate(_specs(programme), start=1):
            criterion = Criterion(
                programme=programme,
                curriculum_goal=spec.goal.strip(),
                description=spec.description.strip(),
                moments=spec.moments,
                scale=spec.scale,
                position=position,
            )
            batch.add(criterion)
    batch.write()
