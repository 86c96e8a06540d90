"""The activity lists (8.1.3): each programme's reusable list and each pupil's own list.

Every programme gets a list of activities tied to curriculum goals. For a pupil the supervisor
draws up the list from it, marks what the pupil must, may and may not do at this host (some
activities only fit some sectors, some are off limits for minors), and the mentor confirms it.
During the internship the activities are ticked off, now and then with a comment (8.2.3).
"""

import random
from dataclasses import dataclass
from typing import NamedTuple

from django.utils import timezone

from demo.builders import DemoSchool
from demo.bulk import Batch, link_reason
from demo.calendar import Day
from demo.links import PortalLinks
from internships.models import (
    AccessLink,
    Activity,
    ActivityList,
    Mentor,
    Placement,
    Programme,
    ProgrammeActivity,
    User,
)

MUST = Activity.Permission.MUST
MAY = Activity.Permission.MAY
MAY_NOT = Activity.Permission.MAY_NOT
MINOR = "minor"  # may for an adult pupil, may not for a minor (work forbidden to young people)


class ActivitySpec(NamedTuple):
    goal: str
    description: str
    rule: str = MUST
    sectors: tuple[str, ...] = ()  # only at hosts of these sectors; elsewhere left off the list


CARE_HOMES = ("elderly_care", "hospital", "home_care")
A = ActivitySpec
ACTIVITIES: dict[str, tuple[ActivitySpec, ...]] = {
    "VZ": (
        A(
            "LPD 1.3",
            "Zich voorstellen aan zorgvragers en team, de afspraken van de afdeling volgen",
        ),
        A("LPD 3.2", "Hygiënische zorg verlenen bij een zorgvrager (wassen, mondzorg, aankleden)"),
        A("LPD 3.5", "Een bed opmaken, ook met de zorgvrager in bed", MUST, CARE_HOMES),
        A("LPD 4.1", "Helpen bij verplaatsen en mobiliseren met tilhulpmiddelen", MUST, CARE_HOMES),
        A("LPD 4.4", "Parameters meten en noteren: temperatuur, pols, gewicht", MAY),
        A("LPD 5.2", "Maaltijden klaarmaken en helpen bij eten en drinken"),
        A("LPD 6.1", "Observaties mondeling en schriftelijk rapporteren in het zorgdossier"),
        A("LPD 6.3", "Een activiteit voor bewoners of kinderen voorbereiden en begeleiden", MAY),
        A(
            "LPD 7.2",
            "Kinderen verzorgen: verluieren, flesvoeding geven, te slapen leggen",
            MUST,
            ("childcare",),
        ),
        A("LPD 2.4", "Huishoudelijke taken: was, strijk en de leefruimte opruimen", MAY),
        A(
            "LPD 4.6",
            "Medicatie klaarzetten of toedienen (voorbehouden aan verpleegkundigen)",
            MAY_NOT,
        ),
    ),
    "TBZ": (
        A("LPD 2.1", "Basiszorg verlenen bij zorgvragers met een hoge zorgnood"),
        A("LPD 2.5", "Preventie van decubitus, vallen en uitdroging toepassen"),
        A("LPD 3.1", "Parameters meten, interpreteren en afwijkingen melden"),
        A("LPD 3.4", "Orale medicatie toedienen onder toezicht van een verpleegkundige", MAY),
        A("LPD 3.6", "Eenvoudige wondzorg onder toezicht van een verpleegkundige", MAY),
        A("LPD 4.2", "Meewerken aan het zorgplan en het multidisciplinair overleg"),
        A("LPD 4.5", "Een overdracht geven aan het volgende team"),
        A("LPD 5.3", "Een zorgvrager in de laatste levensfase en de familie ondersteunen", MAY),
        A("LPD 6.2", "Huishoudelijke en logistieke zorg in de thuissituatie", MUST, ("home_care",)),
        A("LPD 3.8", "Injecties of sondevoeding toedienen", MAY_NOT),
    ),
    "EI": (
        A("LPD 2.1", "Veilig werken: persoonlijke beschermingsmiddelen dragen, werkplek afbakenen"),
        A("LPD 3.1", "Buizen en leidingen plaatsen en bevestigen, in opbouw en inbouw"),
        A("LPD 3.3", "Stopcontacten en schakelaars plaatsen volgens AREI"),
        A("LPD 3.4", "Verlichting aansluiten: enkelpolige, wissel- en trappenhuisschakeling"),
        A("LPD 4.2", "Een verdeelbord bekabelen en aansluiten", MAY),
        A("LPD 4.5", "Isolatieweerstand en aardingsweerstand meten, differentieel testen"),
        A("LPD 5.1", "Eendraadschema's en situatieschema's lezen en aanvullen"),
        A("LPD 5.3", "Netwerk- en domoticabekabeling trekken en aansluiten", MAY),
        A("LPD 2.3", "Werken op een ladder of rolsteiger boven twee meter", MINOR),
        A("LPD 6.2", "Werken aan installaties onder spanning", MAY_NOT),
        A("LPD 7.1", "De werf opruimen en het afval sorteren"),
    ),
    "EMT": (
        A("LPD 1.2", "Veiligheidsinstructies en laatste-minuut-risicoanalyse toepassen"),
        A("LPD 2.1", "Preventief onderhoud uitvoeren volgens het onderhoudsplan"),
        A("LPD 2.4", "Lagers, riemen en koppelingen demonteren en monteren"),
        A("LPD 3.2", "Pneumatische en hydraulische schakelingen opbouwen en testen", MAY),
        A("LPD 4.1", "Storingen zoeken in een elektrische sturing met de multimeter"),
        A("LPD 4.3", "Een PLC-programma lezen en een kleine aanpassing testen", MAY),
        A("LPD 5.1", "Technische documentatie en schema's raadplegen"),
        A("LPD 2.6", "Boren, draaien en frezen op conventionele machines", MAY),
        A("LPD 2.8", "Eenvoudige MIG/MAG-lasverbindingen maken", MINOR, ("metal",)),
        A("LPD 6.1", "Een heftruck of hoogwerker besturen", MAY_NOT),
    ),
    "EL": (
        A("LPD 1.1", "Kennismaken met het bedrijf, de werkplaats en de veiligheidsregels"),
        A("LPD 1.4", "Materiaal en gereedschap klaarzetten voor een werf"),
        A("LPD 2.2", "Helpen bij het trekken van draden in buizen"),
        A("LPD 2.5", "Een stopcontact of schakelaar aansluiten onder begeleiding", MAY),
        A("LPD 3.1", "Het werk van de elektricien observeren en noteren in het stageschrift"),
        A("LPD 1.6", "De werf opruimen en het afval sorteren"),
        A("LPD 2.7", "Werken op ladders of steigers", MAY_NOT),
        A("LPD 2.8", "Werken aan installaties onder spanning", MAY_NOT),
    ),
    "KA": (
        A("LPD 1.2", "Inkomende post registreren en verdelen"),
        A("LPD 1.4", "Telefoons beantwoorden en boodschappen correct noteren"),
        A("LPD 2.1", "Zakelijke e-mails opstellen en beantwoorden in correct Nederlands"),
        A("LPD 2.3", "Gegevens invoeren in het klantenbestand of het ERP-pakket"),
        A("LPD 3.1", "Documenten scannen, klasseren en digitaal archiveren"),
        A("LPD 3.4", "Offertes en facturen opmaken met een sjabloon", MAY),
        A("LPD 4.1", "Bezoekers onthalen aan de balie", MAY),
        A("LPD 4.3", "Een vergadering mee voorbereiden: agenda, lokaal, verslag", MAY),
        A("LPD 3.6", "Leveringsbonnen controleren en afboeken", MUST, ("logistics",)),
        A("LPD 5.2", "Betalingen uitvoeren of goedkeuren", MAY_NOT),
    ),
    "OA": (
        A("LPD 1.1", "Een agenda beheren en afspraken plannen"),
        A("LPD 2.2", "Inkomende facturen controleren en inboeken"),
        A("LPD 2.4", "Bestellingen bij leveranciers opvolgen"),
        A("LPD 2.6", "Verkoopdocumenten opmaken: offerte, orderbevestiging, factuur"),
        A("LPD 3.3", "Een eenvoudige rapportering maken in een rekenblad"),
        A("LPD 4.1", "Vragen van klanten telefonisch of per e-mail afhandelen"),
        A("LPD 4.4", "Prestaties en afwezigheden van het personeel registreren", MAY),
        A("LPD 5.1", "Een klantenevent of bedrijfsbezoek mee organiseren", MAY),
        A("LPD 2.8", "De voorraad in het magazijnbeheer bijhouden", MUST, ("logistics",)),
        A("LPD 6.2", "Vertrouwelijke loon- en personeelsdossiers raadplegen", MAY_NOT),
    ),
    "RK": (
        A("LPD 1.2", "Mise-en-place maken voor de keuken"),
        A("LPD 1.5", "Groenten, vlees en vis voorbereiden volgens HACCP"),
        A("LPD 2.1", "Koude en warme voorgerechten bereiden"),
        A("LPD 2.3", "Hoofdgerechten mee afwerken en dresseren"),
        A("LPD 2.6", "Desserts bereiden en dresseren", MAY),
        A("LPD 3.1", "De zaal klaarzetten en tafels dekken"),
        A("LPD 3.3", "Gasten onthalen, bestellingen opnemen en serveren"),
        A("LPD 3.6", "Afrekenen aan de kassa", MAY),
        A("LPD 4.2", "Het kuisplan uitvoeren en temperaturen registreren (HACCP)"),
        A("LPD 1.7", "Werken met de vleessnijmachine", MINOR),
        A("LPD 3.8", "Sterkedrank schenken aan de bar", MINOR),
    ),
    "BB": (
        A("LPD 1.1", "Grondstoffen afwegen, deeg kneden en opbollen"),
        A("LPD 1.3", "Brood en kleinbrood vormen, laten rijzen en bakken"),
        A("LPD 2.1", "Viennoiserie maken: croissants en koffiekoeken"),
        A("LPD 2.4", "Taarten en gebak vullen en afwerken"),
        A("LPD 2.6", "Pralines en chocoladedecoraties maken", MAY),
        A("LPD 3.2", "Leveringen controleren en volgens FIFO stockeren"),
        A("LPD 4.1", "Klanten bedienen in de winkel", MAY),
        A("LPD 4.3", "Werkposten en machines reinigen en ontsmetten"),
        A("LPD 1.6", "Werken met de broodsnijmachine", MINOR),
    ),
    "HO": (
        A("LPD 1.1", "Kennismaken met de zaak en de hygiëneregels"),
        A("LPD 1.3", "Mise-en-place in keuken of zaal helpen klaarzetten"),
        A("LPD 2.1", "Eenvoudige bereidingen maken onder begeleiding"),
        A("LPD 2.4", "Tafels dekken en afruimen"),
        A("LPD 2.6", "Afwassen en kuisen volgens het kuisplan"),
        A("LPD 3.1", "Gasten begroeten en naar hun tafel begeleiden", MAY),
        A("LPD 1.5", "Werken met de snijmachine of de friteuse", MAY_NOT),
        A("LPD 3.4", "Alcoholische dranken serveren", MAY_NOT),
    ),
}
COMMENTS = (
    "Zelfstandig uitgevoerd.",
    "Samen met de mentor uitgevoerd.",
    "Eerst gedemonstreerd, daarna zelf gedaan.",
    "Netjes en veilig gewerkt.",
    "Goed gedaan; het tempo mag nog wat omhoog.",
    "Nog wat onzeker, volgende keer opnieuw oefenen.",
    "Vlot contact met de klant of zorgvrager.",
    "Volgens de procedure van de afdeling.",
)


@dataclass
class DrawnUp:
    """A pupil's list as drawn up, with its lines (those not left off) in their order."""

    activity_list: ActivityList
    activities: list[Activity]


class ActivityPlanner:
    """Draws up and ticks off the pupils' lists of one demo school.

    The lists are written in bulk (``batch``) as ``activity_list_create``, ``activity_update``,
    ``activity_delete``, ``activity_list_confirm`` and ``activity_mark_done`` would store them;
    a line left off is deleted once written (:meth:`write`), its history recorded as it goes.
    """

    def __init__(self, demo: DemoSchool, batch: Batch) -> None:
        self.demo = demo
        self.rng: random.Random = demo.rng
        self.batch = batch
        self.specs: dict[int, ActivitySpec] = {}
        self.templates: dict[int, list[ProgrammeActivity]] = {}
        self.links = PortalLinks(demo.school, batch)
        self.left_off: list[Activity] = []
        self.ticked: list[Activity] = []

    def programme_activities_create(self) -> None:
        """Each programme's reusable list, as ``programme_activity_create`` stores it."""
        created = []
        for spec in self.demo.spec.programmes:
            programme = self.demo.programmes[spec.code]
            for position, activity in enumerate(ACTIVITIES[spec.code], start=1):
                template = ProgrammeActivity(
                    programme=programme,
                    description=activity.description,
                    curriculum_goal=activity.goal,
                    position=position,
                )
                created.append((self.batch.add(template), activity))
        self.batch.write(ProgrammeActivity)
        self.specs = {template.pk: activity for template, activity in created}

    def _permission(self, spec: ActivitySpec, minor: bool) -> str:
        if spec.rule == MINOR:
            return MAY_NOT if minor else MAY
        if spec.rule == MUST and self.rng.random() < 0.1:
            return MAY  # the host cannot offer it every time
        if spec.rule == MAY and self.rng.random() < 0.25:
            return MUST
        return spec.rule

    def _templates(self, programme: Programme) -> list[ProgrammeActivity]:
        if programme.pk not in self.templates:
            self.templates[programme.pk] = list(programme.activities.order_by("position", "pk"))
        return self.templates[programme.pk]

    def draw_up(self, placement: Placement, sector: str, user: User) -> DrawnUp:
        """The pupil's list from the programme's activities, each marked for this host (every
        line starts as 'may'); the mentor confirms it when there is one."""
        activity_list = self.batch.add(ActivityList(placement=placement, drawn_up_by=user))
        school_class = placement.school_class or placement.student.school_class
        templates = self._templates(school_class.programme) if school_class else []
        lines = [
            Activity(
                activity_list=activity_list,
                programme_activity=template,
                curriculum_goal=template.curriculum_goal,
                description=template.description,
                permission=MAY,
                position=position,
            )
            for position, template in enumerate(templates, start=1)
        ]
        for line in lines:
            self.batch.add(line, user=user)  # as bulk_create_with_history(default_user=user)
        minor = placement.student.is_minor_on(placement.start_date)
        kept = []
        for activity in lines:
            spec = self.specs[activity.programme_activity_id]
            if spec.sectors and sector not in spec.sectors:
                self.left_off.append(activity)
                continue
            permission = self._permission(spec, minor)
            if permission != activity.permission:
                activity.permission = permission
                self.batch.changed(activity)
            kept.append(activity)
        if placement.mentor_id is not None:
            activity_list.mentor_confirmed_at = timezone.now()
            activity_list.mentor_confirmed_by_id = placement.mentor_id
            link = self.mentor_link(placement.mentor)
            self.batch.changed(activity_list, reason=link_reason(link))
        return DrawnUp(activity_list, kept)

    def mentor_link(self, mentor: Mentor) -> AccessLink:
        """The mentor's portal link, as the mentor confirms and ticks off through it."""
        return self.links.of(mentor=mentor)

    def tick_off(self, drawn: DrawnUp, days: list[Day], share: float) -> None:
        """Ticks off what was done on ``days`` (the days so far), ``share`` of the internship:
        the mentor through their link, else the supervisor."""
        if not days:
            return
        placement = drawn.activity_list.placement
        reason = None
        if placement.mentor_id is not None:
            reason = link_reason(self.mentor_link(placement.mentor))
        for activity in drawn.activities:
            if activity.permission == MAY_NOT:
                continue
            chance = (0.92 if activity.permission == MUST else 0.5) * share
            if self.rng.random() >= chance:
                continue
            activity.done = True
            activity.done_on = self.rng.choice(days)
            activity.comment = self.rng.choice(COMMENTS) if self.rng.random() < 0.35 else ""
            self.batch.changed(activity, reason=reason)
            if activity.pk is not None:  # written already: a group's list
                self.ticked.append(activity)

    def write(self) -> None:
        """Writes the lists, with the mentors' links, then deletes the lines left off (Django
        records that in their history, as ``activity_delete`` does)."""
        self.batch.write(AccessLink, ActivityList, Activity)
        Activity.objects.filter(pk__in=[activity.pk for activity in self.left_off]).delete()
        self.left_off.clear()

    def write_ticks(self) -> None:
        """Ticks off the lines of the lists written before (the others were written ticked)."""
        Activity.objects.bulk_update(self.ticked, ["done", "done_on", "comment"], batch_size=100)
        self.ticked.clear()
