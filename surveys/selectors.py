"""Reads of the annual survey: who is asked, what is open to whom, and the summary per host and
per programme (section 10)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.principals import (
    Anonymous,
    ApiClient,
    GuardianLink,
    MentorLink,
    Principal,
    PupilLink,
    SignatoryLink,
    StaffMember,
    unknown_principal,
)
from core.todo import Todo
from internships.models import Placement
from internships.selectors.placements import placements_visible_to
from surveys.models import Survey, SurveyResponse
from surveys.questions import YES_NO_LABELS, Audience, Kind, questions_for


def surveyed_placements(survey: Survey) -> QuerySet[Placement]:
    """The placements of the survey's school year that took place or are running."""
    return Placement.objects.filter(
        school_id=survey.school_id,
        school_year_id=survey.school_year_id,
        status__in=[Placement.Status.STARTED, Placement.Status.COMPLETED],
    )


def surveys_visible_to(principal: Principal) -> QuerySet[Survey]:
    """Coordinators see the school's surveys and their results; others do not."""
    match principal:
        case StaffMember() if principal.sees_whole_school:
            return Survey.objects.filter(school_id=principal.school_id).select_related(
                "school_year"
            )
        case StaffMember() | MentorLink() | PupilLink() | GuardianLink() | SignatoryLink():
            return Survey.objects.none()
        case ApiClient() | Anonymous():
            return Survey.objects.none()
        case _:
            unknown_principal(principal)


def survey_get_for(principal: Principal, pk: int) -> Survey:
    return get_object_or_404(surveys_visible_to(principal), pk=pk)


@dataclass(frozen=True)
class OpenQuestionnaire:
    """A survey a link holder can answer for one placement, and whether they did."""

    survey: Survey
    placement: Placement
    answered: bool

    @property
    def url(self) -> str:
        return reverse("surveys:answer", args=[self.survey.pk, self.placement.pk])


def questionnaires_for(principal: Principal) -> list[OpenQuestionnaire]:
    """The open surveys a mentor or pupil is asked to answer, one per placement."""
    match principal:
        case MentorLink():
            respondent = Audience.MENTOR
        case PupilLink():
            respondent = Audience.STUDENT
        case StaffMember() | GuardianLink() | SignatoryLink() | ApiClient() | Anonymous():
            return []
        case _:
            unknown_principal(principal)
    surveys = Survey.objects.filter(
        school_id=principal.school_id, closes_on__gte=timezone.localdate()
    )
    found = []
    for survey in surveys:
        placements = surveyed_placements(survey).filter(
            pk__in=placements_visible_to(principal).values("pk")
        )
        answered = set(
            SurveyResponse.objects.filter(survey=survey, respondent=respondent).values_list(
                "placement_id", flat=True
            )
        )
        found += [
            OpenQuestionnaire(survey=survey, placement=placement, answered=placement.pk in answered)
            for placement in placements.select_related("student", "host")
        ]
    return found


def questionnaire_get_for(
    principal: Principal, survey_pk: int, placement_pk: int
) -> OpenQuestionnaire:
    """The open questionnaire in the URL, if the link holder is asked it; else 404."""
    for questionnaire in questionnaires_for(principal):
        if questionnaire.survey.pk == survey_pk and questionnaire.placement.pk == placement_pk:
            return questionnaire
    raise Http404


def todos_for(principal: Principal) -> list[Todo]:
    return [
        Todo(
            text=_("Vul de jaarlijkse bevraging in over %(placement)s")
            % {"placement": questionnaire.placement},
            url=questionnaire.url,
            due_on=questionnaire.survey.closes_on,
        )
        for questionnaire in questionnaires_for(principal)
        if not questionnaire.answered
    ]


@dataclass
class TopicSummary:
    topic: str
    is_rating: bool
    ratings: list[int] = field(default_factory=list)
    choices: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def average(self) -> float | None:
        return round(sum(self.ratings) / len(self.ratings), 1) if self.ratings else None

    @property
    def choice_counts(self) -> list[tuple[str, int]]:
        return [(str(YES_NO_LABELS[key]), self.choices.get(key, 0)) for key in YES_NO_LABELS]


@dataclass
class GroupSummary:
    """The answers about one host or one programme."""

    name: str
    responses: int = 0
    topics: dict[str, TopicSummary] = field(default_factory=dict)
    remarks: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SurveySummary:
    survey: Survey
    asked: int
    answered: dict[str, int]
    by_host: dict[str, list[GroupSummary]]
    by_programme: dict[str, list[GroupSummary]]


def _add(group: GroupSummary, audience: str, answers: dict) -> None:
    group.responses += 1
    for question in questions_for(audience):
        value = answers.get(question.key)
        if question.kind is Kind.TEXT:
            if value:
                group.remarks.append(value)
            continue
        topic = group.topics.setdefault(
            question.key, TopicSummary(topic=str(question.topic), is_rating=question.is_rating)
        )
        if question.is_rating and isinstance(value, int):
            topic.ratings.append(value)
        elif question.is_yes_no and value:
            topic.choices[value] += 1


def survey_summary(survey: Survey) -> SurveySummary:
    """Counts, averages and remarks per host and per programme, for mentors and pupils apart,
    in a fixed number of queries."""
    responses = SurveyResponse.objects.filter(survey=survey).select_related(
        "placement__host",
        "placement__school_class__programme",
        "placement__student__school_class__programme",
    )
    by_host = {audience: {} for audience in Audience}
    by_programme = {audience: {} for audience in Audience}
    answered = defaultdict(int)
    for response in responses:
        audience = Audience(response.respondent)
        answered[audience] += 1
        placement = response.placement
        school_class = placement.school_class or placement.student.school_class
        programme = str(school_class.programme) if school_class else _("zonder klas")
        for groups, name in ((by_host, placement.host.name), (by_programme, programme)):
            group = groups[audience].setdefault(name, GroupSummary(name=name))
            _add(group, audience, response.answers)
    return SurveySummary(
        survey=survey,
        asked=surveyed_placements(survey).count(),
        answered={str(audience): answered[audience] for audience in Audience},
        by_host={
            str(key): sorted(value.values(), key=lambda g: g.name) for key, value in by_host.items()
        },
        by_programme={
            str(key): sorted(value.values(), key=lambda g: g.name)
            for key, value in by_programme.items()
        },
    )
