"""The demo's annual reflection (10): last school year's survey, answered by most mentors and
pupils of its placements through their links, so the summary per host and programme has data."""

import datetime
import random

from django.utils import timezone
from django.utils.translation import gettext as _

from demo.calendar import PAST_YEAR
from internships.models import School, SchoolYear
from internships.selectors.access_links import link_principal
from internships.services.portal_links import portal_link_create
from surveys.models import Survey
from surveys.selectors import surveyed_placements
from surveys.services import survey_answer

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
    placements = surveyed_placements(survey).select_related("mentor", "student")
    for placement in placements:
        if rng.random() < 0.8 and placement.mentor_id:
            survey_answer(
                survey=survey,
                placement=placement,
                principal=_principal(mentor=placement.mentor),
                answers=_mentor_answers(rng),
            )
        if rng.random() < 0.75:
            survey_answer(
                survey=survey,
                placement=placement,
                principal=_principal(student=placement.student),
                answers=_pupil_answers(rng),
            )
    Survey.objects.filter(pk=survey.pk).update(
        closes_on=school_year.end_date.replace(month=6, day=30)
    )


def _principal(**person):
    return link_principal(portal_link_create(created_by=None, **person))


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
