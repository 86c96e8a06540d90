"""The pupils' logbooks (registratiedocument, annex 2): for every placement that started, a few
entries written by the pupil through the portal, some with feedback of the mentor and of the
supervisor (8.2.2), and for a placement that ended the pupil's reflection on it (8.3).

Everything is written through the logbook's services, as the pupil, the mentor (each through
their personal link) and the supervisor would. Afterwards the timestamps are set to the evening
of the day each entry is about, so the demo reads as a logbook kept over the weeks.
"""

import datetime
import random

from django.utils import timezone

from core.principals import Capability, LinkHolder, StaffMember
from internships.models import AccessLink, Activity, Mentor, Placement, School, Student
from internships.selectors.access_links import link_principal
from internships.selectors.schedules import planned_days
from internships.services.portal_links import portal_link_create
from logbook.models import LogbookComment, LogbookEntry
from logbook.services import logbook_comment_create, logbook_entry_create

Feeling = LogbookEntry.Feeling
MAX_ENTRIES = 5

WORK_DONE = (
    "Vandaag stond vooral dit op het programma: {activity}. Mijn mentor toonde het eerst en "
    "daarna mocht ik het zelf proberen.",
    "In de voormiddag heb ik meegewerkt aan: {activity}. In de namiddag heb ik de werkplek mee "
    "opgeruimd en klaargezet voor de volgende dag.",
    "Ik heb de hele dag meegedraaid met het team. Wat ik zelf deed: {activity}.",
    "Na de briefing van 's morgens kreeg ik een eigen taak: {activity}. Op het einde van de dag "
    "hebben we kort overlopen wat goed ging.",
)
WORK_DONE_WITHOUT_LIST = (
    "Ik heb meegedraaid in het team en kleine taken uitgevoerd. Mijn mentor legde uit hoe een "
    "werkdag hier verloopt.",
    "Vandaag heb ik vooral gekeken en geholpen waar het kon. Ik heb veel vragen kunnen stellen.",
)
EXPERIENCES = {
    Feeling.DIFFICULT: (
        "Het was een lange dag en ik wist niet altijd wat ik moest doen. Ik durfde niet goed "
        "vragen te stellen.",
        "Ik vond het spannend en maakte een paar fouten. Gelukkig bleef mijn mentor rustig.",
    ),
    Feeling.FAIR: (
        "Het begin was wat onwennig, maar in de loop van de dag ging het beter.",
        "Sommige taken gingen vlot, bij andere moest ik nog veel hulp vragen.",
    ),
    Feeling.GOOD: (
        "Ik voel me al beter thuis in het team. De collega's zijn vriendelijk en leggen veel uit.",
        "Ik was trots dat ik een taak helemaal alleen mocht doen.",
    ),
    Feeling.VERY_GOOD: (
        "Een toffe dag! Ik kreeg een compliment van een collega en werkte bijna zelfstandig.",
        "Alles liep vlot en ik had het gevoel dat ik echt mee hielp in het team.",
    ),
}
SELF_EVALUATIONS = {
    Feeling.DIFFICULT: "Ik moet beter luisteren naar de uitleg en sneller hulp vragen.",
    Feeling.FAIR: "Ik werk nauwkeurig, maar mijn tempo ligt nog te laag.",
    Feeling.GOOD: "Ik plan mijn werk beter dan de eerste dagen en vergeet minder.",
    Feeling.VERY_GOOD: "Ik heb zelf initiatief genomen en dat werd opgemerkt.",
}
STRENGTHS = (
    "Ik ben stipt op tijd en werk netjes.",
    "Ik ben vriendelijk en geduldig.",
    "Ik leer snel en onthoud de afspraken.",
    "Ik werk veilig en draag mijn beschermingsmiddelen.",
)
POINTS_TO_WORK_ON = (
    "Sneller werken zonder fouten te maken.",
    "Zelf vragen stellen als iets niet duidelijk is.",
    "Beter communiceren met de klanten.",
    "Mijn werk zelf nakijken voor ik het afgeef.",
)
MENTOR_COMMENTS = (
    "Goed beschreven! Je werkt nauwkeurig; probeer volgende week iets meer zelf initiatief te "
    "nemen.",
    "Fijn dat je dit zo eerlijk opschrijft. Vraag gerust meer uitleg, daarvoor ben je hier.",
    "Klopt helemaal. Let nog op je tempo, maar je bent goed bezig.",
    "Mooi gewerkt vandaag, het team is tevreden over je inzet.",
)
SUPERVISOR_COMMENTS = (
    "Goed dat je je werkpunten zo concreet maakt. We bespreken dit bij mijn volgende bezoek.",
    "Mooie reflectie. Schrijf er volgende keer ook bij wat je anders zou doen.",
    "Ik lees dat het beter gaat dan de eerste dagen, knap! Blijf zo verder doen.",
)
REFLECTIONS = (
    "Terugblik op mijn stage: ik heb geleerd om zelfstandiger te werken en mijn taken te "
    "plannen. In het begin was alles nieuw, op het einde voelde ik me deel van het team.",
    "Wat ik meeneem naar de lessen: de afspraken rond veiligheid en hygiëne, en dat je beter "
    "een vraag te veel stelt dan een fout maakt.",
)
REFLECTION_POINTS = (
    "Volgende stage wil ik sneller durven vragen stellen en meer zelf initiatief nemen.",
    "Op school wil ik nog oefenen op de taken die ik op stage niet mocht of kon doen.",
)


class LogbookWriter:
    """Keeps the logbooks of one demo school, as the pupils, mentors and supervisors would."""

    def __init__(self, *, today: datetime.date, rng: random.Random) -> None:
        self.today = today
        self.rng = rng
        self.links: dict[tuple[str, int], LinkHolder] = {}

    def principal_of(
        self, *, student: Student | None = None, mentor: Mentor | None = None
    ) -> LinkHolder:
        """The person as they act in the portal: their live portal link, else a fresh one."""
        key = ("student", student.pk) if student else ("mentor", mentor.pk)
        if key not in self.links:
            person = {"student": student} if student else {"mentor": mentor}
            link = next(
                (
                    link
                    for link in AccessLink.objects.filter(**person, revoked_at__isnull=True)
                    if link.is_usable and Capability.SIGN not in link.capability_set
                ),
                None,
            ) or portal_link_create(created_by=None, **person)
            self.links[key] = link_principal(link)
        return self.links[key]

    def write(self, placement: Placement) -> None:
        days = sorted(day for day in planned_days(placement) if day <= self.today)
        if not days:
            return
        pupil = self.principal_of(student=placement.student)
        lines = self._lines(placement)
        kind = (
            LogbookEntry.Kind.DAY
            if placement.kind == Placement.Kind.BLOCK
            else LogbookEntry.Kind.WEEK
        )
        for number, day in enumerate(self._entry_days(days, kind)):
            feeling = self._feeling(number)
            picked = self.rng.sample(lines, k=min(len(lines), self.rng.choice((1, 1, 2))))
            entry = logbook_entry_create(
                placement=placement,
                principal=pupil,
                kind=kind,
                date=day,
                work_done=self._work_done(picked),
                activities=picked,
                experiences=self.rng.choice(EXPERIENCES[feeling]),
                feeling=feeling,
                self_evaluation=SELF_EVALUATIONS[feeling],
                strengths=self.rng.choice(STRENGTHS) if self.rng.random() < 0.7 else "",
                points_to_work_on=self.rng.choice(POINTS_TO_WORK_ON),
            )
            self._comment(entry, placement, day)
            _written_on(entry, day)
        if placement.end_date < self.today:
            self._reflect(placement, pupil, days[-1])

    def _entry_days(self, days: list[datetime.date], kind: str) -> list[datetime.date]:
        """The first day, then now and then a day (or one per week), at most five."""
        if kind == LogbookEntry.Kind.WEEK:
            weeks: dict[tuple[int, int], datetime.date] = {}
            for day in days:
                weeks.setdefault(day.isocalendar()[:2], day)
            candidates = list(weeks.values())
        else:
            candidates = days
        chosen = [candidates[0]] + [day for day in candidates[1:] if self.rng.random() < 0.35]
        return chosen[:MAX_ENTRIES]

    def _lines(self, placement: Placement) -> list[Activity]:
        activity_list = getattr(placement, "activity_list", None)
        if activity_list is None:
            return []
        return [line for line in activity_list.activities.all() if not line.is_forbidden]

    def _feeling(self, number: int) -> str:
        """Unsure at first, more at ease as the internship goes on."""
        weights = (3, 4, 3, 1) if number == 0 else (1, 2, 5, 3)
        return self.rng.choices(list(Feeling.values), weights=weights)[0]

    def _work_done(self, lines: list[Activity]) -> str:
        if not lines:
            return self.rng.choice(WORK_DONE_WITHOUT_LIST)
        activity = " en ".join(line.description[0].lower() + line.description[1:] for line in lines)
        return self.rng.choice(WORK_DONE).format(activity=activity)

    def _comment(self, entry: LogbookEntry, placement: Placement, day: datetime.date) -> None:
        if placement.mentor_id is not None and self.rng.random() < 0.6:
            comment = logbook_comment_create(
                entry=entry,
                principal=self.principal_of(mentor=placement.mentor),
                text=self.rng.choice(MENTOR_COMMENTS),
            )
            _written_on(comment, day, days_later=1)
        if placement.supervisor_id is not None and self.rng.random() < 0.35:
            comment = logbook_comment_create(
                entry=entry,
                principal=StaffMember.of(placement.supervisor),
                text=self.rng.choice(SUPERVISOR_COMMENTS),
            )
            _written_on(comment, day, days_later=3)

    def _reflect(self, placement: Placement, pupil: LinkHolder, last_day: datetime.date) -> None:
        day = min(last_day + datetime.timedelta(days=self.rng.randint(1, 6)), self.today)
        entry = logbook_entry_create(
            placement=placement,
            principal=pupil,
            kind=LogbookEntry.Kind.REFLECTION,
            date=day,
            work_done=self.rng.choice(REFLECTIONS),
            feeling=self.rng.choice((Feeling.GOOD, Feeling.GOOD, Feeling.VERY_GOOD, Feeling.FAIR)),
            strengths=self.rng.choice(STRENGTHS),
            points_to_work_on=self.rng.choice(REFLECTION_POINTS),
        )
        _written_on(entry, day)
        if placement.supervisor_id is not None and self.rng.random() < 0.5:
            comment = logbook_comment_create(
                entry=entry,
                principal=StaffMember.of(placement.supervisor),
                text=self.rng.choice(SUPERVISOR_COMMENTS),
            )
            _written_on(comment, day, days_later=2)


def _written_on(
    instance: LogbookEntry | LogbookComment, day: datetime.date, *, days_later: int = 0
) -> None:
    """Dates the entry or comment, and its history, to the evening it was written (never later
    than now)."""
    evening = datetime.datetime.combine(
        day + datetime.timedelta(days=days_later), datetime.time(19, 30)
    )
    moment = min(timezone.make_aware(evening), timezone.now())
    model = type(instance)
    model.objects.filter(pk=instance.pk).update(created_at=moment, updated_at=moment)
    model.history.filter(id=instance.pk).update(
        created_at=moment, updated_at=moment, history_date=moment
    )


def logbook_seed(*, school: School, today: datetime.date, rng: random.Random) -> None:
    """The logbooks of ``school``'s placements that started by ``today`` (and by the real today:
    nobody writes about a day still to come). A placement with entries is left as it is."""
    today = min(today, timezone.localdate())
    writer = LogbookWriter(today=today, rng=rng)
    placements = (
        Placement.objects.filter(
            school=school,
            status__in=(Placement.Status.STARTED, Placement.Status.COMPLETED),
            start_date__lte=today,
        )
        .exclude(logbook_entries__isnull=False)
        .select_related("student", "mentor", "supervisor", "activity_list", "school_year")
        .prefetch_related("periods", "schedule_exceptions", "activity_list__activities")
        .order_by("start_date", "pk")
    )
    for placement in placements:
        writer.write(placement)
