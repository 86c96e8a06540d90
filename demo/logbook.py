"""The pupils' logbooks (registratiedocument, annex 2): for every placement that started, a few
entries written by the pupil through the portal, some with feedback of the mentor and of the
supervisor (8.2.2), and for a placement that ended the pupil's reflection on it (8.3).

The pupil and the mentor write through their personal links, the supervisor as staff. The
entries and comments, thousands at scale 10, are written in bulk as ``logbook_entry_create`` and
``logbook_comment_create`` would store them, with the same history (``demo.bulk``), and dated
to the evening of the day each is about, so the demo reads as a logbook kept over the weeks.
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Sequence

from django.utils import timezone

from attendance.selectors.weeks import planned_days_by_placement
from compliance.engine.patterns import WorkDay
from demo.bulk import Batch, Record, link_reason, update_by_value
from demo.links import PortalLinks
from internships.models import AccessLink, Activity, Placement, School, User
from logbook.models import HistoricalLogbookEntry_activities, LogbookComment, LogbookEntry
from logbook.services import entry_date

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
    """Keeps the logbooks of one demo school, as the pupils, mentors and supervisors would.

    It writes what ``logbook_entry_create`` and ``logbook_comment_create`` would store, for all
    the placements at once, dated to the evening each was written (see :func:`written_on`).
    """

    def __init__(self, *, school: School, today: datetime.date, rng: random.Random) -> None:
        self.today = today
        self.rng = rng
        self.batch = Batch()
        self.links = PortalLinks(school, self.batch)
        self.written: list[tuple[LogbookEntry | LogbookComment, datetime.datetime]] = []
        self.lines: list[tuple[LogbookEntry, list[Activity], Record]] = []

    def _entry(
        self,
        placement: Placement,
        pupil: AccessLink,
        *,
        kind: str,
        day: datetime.date,
        texts: dict[str, str],
        activities: Sequence[Activity] = (),
    ) -> LogbookEntry:
        """The pupil's entry as ``logbook_entry_create`` stores it: saved, then its lines set
        (a second history record, with the lines)."""
        moment = written_on(day)
        entry = LogbookEntry(
            placement=placement,
            kind=kind,
            date=entry_date(kind, day),
            created_at=moment,
            updated_at=moment,
            **{name: value.strip() for name, value in texts.items()},
        )
        reason = link_reason(pupil)
        self.batch.add(entry, reason=reason, date=moment)
        if activities:
            record = self.batch.record(entry, "~", reason=reason, date=moment)
            self.lines.append((entry, list(activities), record))
        self.written.append((entry, moment))
        return entry

    def _comment(
        self,
        entry: LogbookEntry,
        author: AccessLink | User,
        text: str,
        *,
        day: datetime.date,
        days_later: int,
    ) -> None:
        """A comment as ``logbook_comment_create`` stores it, by the mentor through their link
        or by a staff member (whom the history names)."""
        moment = written_on(day, days_later=days_later)
        comment = LogbookComment(entry=entry, text=text.strip(), created_at=moment)
        comment.updated_at = moment
        if isinstance(author, AccessLink):
            comment.author_mentor_id = author.mentor_id
            self.batch.add(comment, reason=link_reason(author), date=moment)
        else:
            comment.author_user = author
            self.batch.add(comment, user=author, date=moment)
        self.written.append((comment, moment))

    def write(self, placement: Placement, planned: dict[datetime.date, WorkDay]) -> None:
        days = sorted(day for day in planned if day <= self.today)
        if not days:
            return
        pupil = self.links.of(student=placement.student)
        lines = self._lines(placement)
        kind = (
            LogbookEntry.Kind.DAY
            if placement.kind == Placement.Kind.BLOCK
            else LogbookEntry.Kind.WEEK
        )
        for number, day in enumerate(self._entry_days(days, kind)):
            feeling = self._feeling(number)
            picked = self.rng.sample(lines, k=min(len(lines), self.rng.choice((1, 1, 2))))
            texts = {"work_done": self._work_done(picked)}
            texts["experiences"] = self.rng.choice(EXPERIENCES[feeling])
            texts["feeling"] = feeling
            texts["self_evaluation"] = SELF_EVALUATIONS[feeling]
            texts["strengths"] = self.rng.choice(STRENGTHS) if self.rng.random() < 0.7 else ""
            texts["points_to_work_on"] = self.rng.choice(POINTS_TO_WORK_ON)
            entry = self._entry(
                placement, pupil, kind=kind, day=day, texts=texts, activities=picked
            )
            self._comments(entry, placement, day)
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

    def _comments(self, entry: LogbookEntry, placement: Placement, day: datetime.date) -> None:
        if placement.mentor_id is not None and self.rng.random() < 0.6:
            mentor = self.links.of(mentor=placement.mentor)
            text = self.rng.choice(MENTOR_COMMENTS)
            self._comment(entry, mentor, text, day=day, days_later=1)
        if placement.supervisor_id is not None and self.rng.random() < 0.35:
            text = self.rng.choice(SUPERVISOR_COMMENTS)
            self._comment(entry, placement.supervisor, text, day=day, days_later=3)

    def _reflect(self, placement: Placement, pupil: AccessLink, last_day: datetime.date) -> None:
        day = min(last_day + datetime.timedelta(days=self.rng.randint(1, 6)), self.today)
        texts = {"work_done": self.rng.choice(REFLECTIONS)}
        texts["feeling"] = self.rng.choice(
            (Feeling.GOOD, Feeling.GOOD, Feeling.VERY_GOOD, Feeling.FAIR)
        )
        texts["strengths"] = self.rng.choice(STRENGTHS)
        texts["points_to_work_on"] = self.rng.choice(REFLECTION_POINTS)
        entry = self._entry(
            placement, pupil, kind=LogbookEntry.Kind.REFLECTION, day=day, texts=texts
        )
        if placement.supervisor_id is not None and self.rng.random() < 0.5:
            text = self.rng.choice(SUPERVISOR_COMMENTS)
            self._comment(entry, placement.supervisor, text, day=day, days_later=2)

    def save(self) -> None:
        """Inserts the entries, their lines and comments, dates them (inserting stamps them
        now), and writes their history, the lines of each entry's second record included."""
        self.batch.insert()
        through = LogbookEntry.activities.through
        links = [
            # In the order ``entry.activities.set()`` inserts them: a set's.
            through(logbookentry=entry, activity_id=activity_id)
            for entry, activities, _record in self.lines
            for activity_id in {activity.pk for activity in activities}
        ]
        through.objects.bulk_create(links)
        links_by_entry = defaultdict(list)
        for link in links:
            links_by_entry[id(link.logbookentry)].append(link)
        by_moment = {LogbookEntry: defaultdict(list), LogbookComment: defaultdict(list)}
        for row, moment in self.written:
            row.created_at = row.updated_at = moment
            by_moment[type(row)][moment].append(row.pk)
        for model, rows in by_moment.items():
            update_by_value(model, rows, ["created_at", "updated_at"])
        self.batch.write()
        HistoricalLogbookEntry_activities.objects.bulk_create(
            HistoricalLogbookEntry_activities(
                history=record.row,
                id=link.pk,
                logbookentry_id=entry.pk,
                activity_id=link.activity_id,
            )
            for entry, _activities, record in self.lines
            for link in links_by_entry[id(entry)]
        )


def written_on(day: datetime.date, *, days_later: int = 0) -> datetime.datetime:
    """The evening an entry or comment about ``day`` was written (never later than now)."""
    evening = datetime.datetime.combine(
        day + datetime.timedelta(days=days_later), datetime.time(19, 30)
    )
    return min(timezone.make_aware(evening), timezone.now())


def logbook_seed(*, school: School, today: datetime.date, rng: random.Random) -> None:
    """The logbooks of ``school``'s placements that started by ``today`` (and by the real today:
    nobody writes about a day still to come). A placement with entries is left as it is."""
    today = min(today, timezone.localdate())
    writer = LogbookWriter(school=school, today=today, rng=rng)
    placements = list(
        Placement.objects.filter(
            school=school,
            status__in=(Placement.Status.STARTED, Placement.Status.COMPLETED),
            start_date__lte=today,
        )
        .exclude(logbook_entries__isnull=False)
        .select_related("student", "mentor", "supervisor", "activity_list", "school_year")
        .prefetch_related("activity_list__activities")
        .order_by("start_date", "pk")
    )
    planned = planned_days_by_placement(placements)
    for placement in placements:
        writer.write(placement, planned[placement.pk])
    writer.save()
