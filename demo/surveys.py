"""The demo's annual reflection (10): last school year's survey, answered by most mentors and
pupils of its placements through their links, so the summary per host and programme has data.

The answers, hundreds at scale 10, are written in bulk as ``survey_answer`` would store them
(each checked by its ``clean_answers``), with the same history."""

import datetime
import random

from django.utils import timezone
from django.utils.translation import gettext as _

from demo.bulk import Batch, link_reason
from demo.calendar import PAST_YEAR
from demo.links import PortalLinks
from internships.models import AccessLink, Placement, School, SchoolYear
from surveys.models import Survey, SurveyResponse
from surveys.questions import Audience
from surveys.selectors import surveyed_placements
from surveys.services import clean_answers

MENTOR_REMARKS = (
    "",
    "",
    "Graag de evaluatiedocumenten een week vroeger.",
    "Een bezoek halverwege de stage was nuttig; graag zo houden.",
    "De leerling was goed voorbereid op de veiligheidsregels.",
)
PUPIL_REMARKS = (
    "",
    "",
    "Ik mocht veel zelf doen.",
    "De eerste dag wist niemand dat ik kwam.",
    "Mijn mentor legde alles rustig uit.",
)


def surveys_seed(*, school: School, today: datetime.date, rng: random.Random) -> None:
    """Last year's survey, closed, with about four in five placements answered by both sides."""
    school_year = SchoolYear.objects.get(start_year=PAST_YEAR)
    survey = Survey.objects.create(
        school=school,
        school_year=school_year,
        title=_("Jaarlijkse bevraging %(year)s") % {"year": school_year},
        # Open while the demo answers it (the services take no answers after closing).
        closes_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    batch = Batch()
    links = PortalLinks(school, batch)

    def answer(placement: Placement, audience: Audience, link: AccessLink, answers: dict) -> None:
        response = SurveyResponse(
            survey=survey,
            placement=placement,
            respondent=audience,
            answers=clean_answers(audience, answers),
        )
        batch.add(response, reason=link_reason(link))

    # In a fixed order: the placements' own (start, surname) leaves ties to the database.
    placements = (
        surveyed_placements(survey)
        .select_related("mentor", "student")
        .order_by("start_date", "student__last_name", "pk")
    )
    for placement in placements:
        if rng.random() < 0.8 and placement.mentor_id:
            link = links.of(mentor=placement.mentor)
            answer(placement, Audience.MENTOR, link, _mentor_answers(rng))
        if rng.random() < 0.75:
            link = links.of(student=placement.student)
            answer(placement, Audience.STUDENT, link, _pupil_answers(rng))
    batch.write(AccessLink, SurveyResponse)
    Survey.objects.filter(pk=survey.pk).update(
        closes_on=school_year.end_date.replace(month=6, day=30)
    )


def _rating(rng: random.Random) -> int:
    return rng.choices((1, 2, 3, 4), weights=(1, 3, 10, 8))[0]


def _choice(rng: random.Random) -> str:
    return rng.choices(("yes", "partly", "no"), weights=(12, 4, 1))[0]


def _mentor_answers(rng: random.Random) -> dict:
    return {
        "activities": _choice(rng),
        "preparation": _rating(rng),
        "communication": _rating(rng),
        "visits": _rating(rng),
        "documents": _rating(rng),
        "again": _choice(rng),
        "remarks": rng.choice(MENTOR_REMARKS),
    }


def _pupil_answers(rng: random.Random) -> dict:
    return {
        "activities": _choice(rng),
        "safety": rng.choices(("yes", "partly", "no"), weights=(20, 2, 1))[0],
        "welcome": _rating(rng),
        "guidance": _rating(rng),
        "feedback": _rating(rng),
        "school": _rating(rng),
        "remarks": rng.choice(PUPIL_REMARKS),
    }
