"""The evaluation services: open with a copy of the criteria, the mentor advises, the supervisor
(or a coordinator) decides and finalises; a finalised evaluation never changes (9.1)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.principals import StaffMember
from evaluations.models import Criterion, Evaluation, Moment, Scale, Score
from evaluations.services.criteria import criterion_retire, criterion_update
from evaluations.services.evaluations import (
    evaluation_advise,
    evaluation_complete,
    evaluation_finalise,
    evaluation_open,
)
from internships.models import Placement
from tests.evaluations.factories import (
    CriterionFactory,
    advised,
    criteria_of,
    finalised,
    mentor_principal,
    opened,
)
from tests.factories import MentorFactory, StudentFactory
from tests.factories.principals import guardian_link, mentor_link, principal_of, pupil_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(school_a):
    return school_a.school_class.programme


def test_opening_copies_the_active_criteria_for_the_moment(school_a, programme):
    first, second = criteria_of(programme, 2)
    final_only = CriterionFactory(programme=programme, moments=Criterion.Moments.FINAL)
    retired = CriterionFactory(programme=programme)
    criterion_retire(criterion=retired)

    interim = evaluation_open(placement=school_a.placement, moment=Moment.INTERIM)
    final = evaluation_open(placement=school_a.placement, moment=Moment.FINAL)

    assert [score.criterion for score in interim.scores.all()] == [first, second]
    assert [score.criterion for score in final.scores.all()] == [first, second, final_only]
    score = interim.scores.first()
    assert (score.curriculum_goal, score.description, score.scale) == (
        first.curriculum_goal,
        first.description,
        first.scale,
    )
    assert interim.is_open and interim.moment_choice.is_interim


def test_the_due_dates_are_the_middle_and_the_last_day(school_a, programme):
    criteria_of(programme, 1)
    placement = school_a.placement

    interim = evaluation_open(placement=placement, moment=Moment.INTERIM)
    final = evaluation_open(placement=placement, moment=Moment.FINAL)

    assert interim.due_on == placement.start_date + datetime.timedelta(days=9)
    assert final.due_on == placement.end_date


def test_a_later_change_of_the_criteria_never_changes_an_evaluation(school_a, programme):
    [criterion] = criteria_of(programme, 1, description="Wast een zorgvrager")
    evaluation = opened(school_a.placement)

    criterion_update(
        criterion=criterion, data={"description": "Iets anders", "scale": Scale.TWO_LEVELS}
    )
    criterion_retire(criterion=criterion)

    score = evaluation.scores.get()
    assert (score.description, score.scale) == ("Wast een zorgvrager", Scale.FOUR_LEVELS)


def test_opening_is_refused_in_dutch_when_it_cannot_be(school_a, programme):
    with pytest.raises(ValidationError, match="nog geen observatiecriteria"):
        evaluation_open(placement=school_a.placement, moment=Moment.INTERIM)

    criteria_of(programme, 1)
    evaluation_open(placement=school_a.placement, moment=Moment.INTERIM)
    with pytest.raises(ValidationError, match="heeft deze evaluatie al"):
        evaluation_open(placement=school_a.placement, moment=Moment.INTERIM)

    school_a.other_placement.status = Placement.Status.CANCELLED
    with pytest.raises(ValidationError, match="geannuleerde stage"):
        evaluation_open(placement=school_a.other_placement, moment=Moment.INTERIM)


def test_a_pupil_without_a_programme_has_no_criteria(school_a):
    placement = school_a.placement
    placement.student = StudentFactory(school=school_a.school, school_class=None)
    placement.school_class = None

    with pytest.raises(ValidationError, match="geen observatiecriteria"):
        evaluation_open(placement=placement, moment=Moment.INTERIM)


def test_the_mentor_advises_and_the_history_names_them(school_a):
    evaluation = opened(school_a.placement)

    evaluation = advised(evaluation, level=4, comment="Zeer zorgzaam")

    assert evaluation.is_advised and evaluation.advised_by == school_a.mentor
    assert evaluation.advised_at is not None
    assert evaluation.mentor_comment == "Gemotiveerde stagiair"
    score = evaluation.scores.first()
    assert (score.mentor_level, score.mentor_level_label) == (4, "zeer goed")
    assert score.mentor_comment.startswith("Zeer zorgzaam")
    assert score.history.latest().history_change_reason.startswith("stagementor Mentor Alfa")


def test_the_mentor_can_change_the_advice_until_it_is_finalised(school_a):
    evaluation = advised(opened(school_a.placement), level=2)

    evaluation = advised(evaluation, level=3)

    assert set(evaluation.scores.values_list("mentor_level", flat=True)) == {3}


def test_the_advice_needs_a_level_for_every_criterion(school_a):
    evaluation = opened(school_a.placement)
    first = evaluation.scores.first()

    with pytest.raises(ValidationError, match="Kies een niveau voor elk criterium"):
        evaluation_advise(
            evaluation=evaluation,
            principal=mentor_principal(school_a.placement),
            scores={first.pk: (2, "")},
        )

    evaluation.refresh_from_db()
    assert evaluation.is_open


def test_a_level_off_the_scale_is_refused_in_dutch(school_a):
    evaluation = opened(school_a.placement)
    scores = {score.pk: (5, "") for score in evaluation.scores.all()}

    with pytest.raises(ValidationError, match="bestaat niet op de schaal"):
        evaluation_advise(
            evaluation=evaluation, principal=mentor_principal(school_a.placement), scores=scores
        )


def test_a_score_of_another_evaluation_is_refused(school_a):
    evaluation = opened(school_a.placement)
    other = opened(school_a.other_placement)
    foreign = other.scores.first()

    with pytest.raises(ValidationError, match="hoort niet bij deze evaluatie"):
        evaluation_advise(
            evaluation=evaluation,
            principal=mentor_principal(school_a.placement),
            scores={foreign.pk: (1, "")},
        )


def test_only_the_placements_own_mentor_advises(school_a):
    evaluation = opened(school_a.placement)
    scores = {score.pk: (3, "") for score in evaluation.scores.all()}
    others = [
        principal_of(mentor_link(MentorFactory(host=school_a.host))),
        principal_of(pupil_link(school_a.pupil)),
        principal_of(guardian_link(school_a.guardian)),
        StaffMember.of(school_a.supervisor),
    ]

    for principal in others:
        with pytest.raises(PermissionDenied):
            evaluation_advise(evaluation=evaluation, principal=principal, scores=scores)


def test_the_supervisor_completes_and_finalises(school_a):
    evaluation = advised(opened(school_a.placement))

    evaluation = finalised(evaluation, school_a.supervisor, level=3)

    evaluation.refresh_from_db()
    assert evaluation.is_finalised
    assert evaluation.finalised_by == school_a.supervisor and evaluation.finalised_at
    assert evaluation.conclusion == "Haalt de meeste doelen."
    assert evaluation.remediation == "Oefent verder op de ochtendzorg."
    assert set(evaluation.scores.values_list("level", flat=True)) == {3}
    assert set(evaluation.scores.values_list("mentor_level", flat=True)) == {3}


def test_a_coordinator_may_finalise_without_the_mentors_advice(school_a):
    evaluation = finalised(opened(school_a.placement), school_a.coordinator)

    assert evaluation.is_finalised and evaluation.finalised_by == school_a.coordinator
    assert evaluation.advised_at is None


def test_nobody_else_decides(school_a):
    evaluation = opened(school_a.placement)
    scores = {score.pk: (3, "") for score in evaluation.scores.all()}
    others = [
        StaffMember.of(school_a.other_supervisor),
        mentor_principal(school_a.placement),
        principal_of(pupil_link(school_a.pupil)),
    ]

    for principal in others:
        with pytest.raises(PermissionDenied):
            evaluation_complete(evaluation=evaluation, principal=principal, scores=scores)
        with pytest.raises(PermissionDenied):
            evaluation_finalise(evaluation=evaluation, principal=principal)


def test_finalising_needs_every_final_level_and_a_conclusion(school_a):
    evaluation = opened(school_a.placement)
    supervisor = StaffMember.of(school_a.supervisor)
    first = evaluation.scores.first()

    evaluation_complete(evaluation=evaluation, principal=supervisor, scores={first.pk: (2, "")})
    with pytest.raises(ValidationError, match="Geef elk criterium een eindniveau"):
        evaluation_finalise(evaluation=evaluation, principal=supervisor)

    scores = {score.pk: (2, "") for score in evaluation.scores.all()}
    evaluation_complete(evaluation=evaluation, principal=supervisor, scores=scores)
    with pytest.raises(ValidationError, match="Schrijf een besluit"):
        evaluation_finalise(evaluation=evaluation, principal=supervisor)

    evaluation.refresh_from_db()
    assert evaluation.is_open


def test_staff_move_the_due_date(school_a):
    evaluation = opened(school_a.placement)
    later = evaluation.due_on + datetime.timedelta(days=3)

    evaluation = evaluation_complete(
        evaluation=evaluation,
        principal=StaffMember.of(school_a.supervisor),
        scores={},
        due_on=later,
    )

    assert Evaluation.objects.get(pk=evaluation.pk).due_on == later


def test_a_finalised_evaluation_is_refused_by_every_service(school_a):
    evaluation = finalised(advised(opened(school_a.placement)))
    scores = {score.pk: (4, "anders") for score in evaluation.scores.all()}
    supervisor = StaffMember.of(school_a.supervisor)

    for change in (
        lambda: evaluation_advise(
            evaluation=evaluation, principal=mentor_principal(school_a.placement), scores=scores
        ),
        lambda: evaluation_complete(evaluation=evaluation, principal=supervisor, scores=scores),
        lambda: evaluation_finalise(evaluation=evaluation, principal=supervisor),
    ):
        with pytest.raises(ValidationError, match="is afgerond en gerapporteerd"):
            change()

    assert set(Score.objects.filter(evaluation=evaluation).values_list("level", flat=True)) == {2}
