"""The questions of the annual reflection (section 10), for mentors and for pupils.

Section 10 asks the school to reflect every year with the input of mentors and pupils: were the
agreed activities of the activity list realised, is the internship safe, how good are the
mentor's guidance and feedback, how does the host communicate with the school, how is the
pupil welcomed. The questions are fixed, so answers compare across hosts, programmes and years.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Audience(StrEnum):
    MENTOR = "mentor"
    STUDENT = "student"


class Kind(StrEnum):
    RATING = "rating"  # 1 (slecht) to 4 (zeer goed)
    YES_NO = "yes_no"
    TEXT = "text"


RATING_LABELS = {1: _("slecht"), 2: _("matig"), 3: _("goed"), 4: _("zeer goed")}
YES_NO_LABELS = {"yes": _("ja"), "partly": _("gedeeltelijk"), "no": _("nee")}


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    kind: Kind
    topic: str

    @property
    def is_rating(self) -> bool:
        return self.kind is Kind.RATING

    @property
    def is_yes_no(self) -> bool:
        return self.kind is Kind.YES_NO

    @property
    def is_text(self) -> bool:
        return self.kind is Kind.TEXT


QUESTIONS = {
    Audience.STUDENT: (
        Question(
            "activities",
            _("Heb je de activiteiten van je stageactiviteitenlijst echt kunnen doen?"),
            Kind.YES_NO,
            _("activiteitenlijst gerealiseerd"),
        ),
        Question(
            "safety", _("Voelde je je veilig op je stageplaats?"), Kind.YES_NO, _("veiligheid")
        ),
        Question(
            "welcome",
            _("Hoe werd je onthaald op je stageplaats?"),
            Kind.RATING,
            _("onthaal"),
        ),
        Question(
            "guidance",
            _("Hoe goed begeleidde je stagementor je?"),
            Kind.RATING,
            _("begeleiding door de stagementor"),
        ),
        Question(
            "feedback",
            _("Hoe goed was de feedback van je stagementor?"),
            Kind.RATING,
            _("feedback van de stagementor"),
        ),
        Question(
            "school",
            _("Hoe goed volgde de school (je stagebegeleider) je op?"),
            Kind.RATING,
            _("opvolging door de school"),
        ),
        Question("remarks", _("Wat wil je nog kwijt?"), Kind.TEXT, _("opmerkingen")),
    ),
    Audience.MENTOR: (
        Question(
            "activities",
            _("Kon de leerling de afgesproken activiteiten van de activiteitenlijst uitvoeren?"),
            Kind.YES_NO,
            _("activiteitenlijst gerealiseerd"),
        ),
        Question(
            "preparation",
            _("Hoe goed was de leerling voorbereid op de stage?"),
            Kind.RATING,
            _("voorbereiding door de school"),
        ),
        Question(
            "communication",
            _("Hoe verliep de communicatie met de school en de stagebegeleider?"),
            Kind.RATING,
            _("communicatie met de school"),
        ),
        Question(
            "visits",
            _("Waren de stagebezoeken en evaluatiegesprekken nuttig?"),
            Kind.RATING,
            _("stagebezoeken en evaluaties"),
        ),
        Question(
            "documents",
            _("Waren de stagedocumenten (overeenkomst, activiteitenlijst, evaluatie) duidelijk?"),
            Kind.RATING,
            _("stagedocumenten"),
        ),
        Question(
            "again",
            _("Wilt u volgend schooljaar opnieuw een stagiair van onze school begeleiden?"),
            Kind.YES_NO,
            _("opnieuw stageplaats"),
        ),
        Question("remarks", _("Wat kan de school beter doen?"), Kind.TEXT, _("opmerkingen")),
    ),
}


def questions_for(audience: str) -> tuple[Question, ...]:
    return QUESTIONS[Audience(audience)]
