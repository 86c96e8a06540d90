"""The staff's evaluation page: open, the mentor's advice beside the final columns, complete
and finalise; and the card for the placement page (9.1.1, 9.1.3)."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from core.principals import StaffMember
from evaluations.models import Evaluation, Moment
from tests.evaluations.factories import advised, criteria_of, finalised, opened

pytestmark = pytest.mark.django_db


def completion(evaluation: Evaluation, level: int = 3, **extra) -> dict:
    data = {f"level_{score.pk}": str(level) for score in evaluation.scores.all()}
    data.update({f"comment_{score.pk}": "Stevig" for score in evaluation.scores.all()})
    data.update(
        conclusion="Haalt de doelen.",
        remediation="Meer oefenen op rapporteren.",
        due_on=evaluation.due_on.isoformat(),
    )
    data.update(extra)
    return data


def detail(evaluation: Evaluation) -> str:
    return reverse("evaluations:evaluation-detail", args=[evaluation.pk])


def test_the_supervisor_opens_an_evaluation_from_the_placement(school_a, client_for):
    criteria_of(school_a.school_class.programme, 2)

    response = client_for(school_a.supervisor).post(
        reverse("evaluations:evaluation-open", args=[school_a.placement.pk]),
        {"moment": Moment.FINAL.value},
        follow=True,
    )

    evaluation = Evaluation.objects.get(placement=school_a.placement)
    assert evaluation.moment == Moment.FINAL and evaluation.scores.count() == 2
    assert response.redirect_chain[-1][0] == detail(evaluation)
    assert "Eindevaluatie geopend" in response.content.decode()


def test_opening_without_criteria_says_why_in_dutch(school_a, client_for):
    response = client_for(school_a.supervisor).post(
        reverse("evaluations:evaluation-open", args=[school_a.placement.pk]),
        {"moment": Moment.INTERIM.value},
        follow=True,
    )

    assert "heeft nog geen observatiecriteria" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_the_mentors_advice_shows_beside_the_supervisors_columns(school_a, client_for):
    evaluation = advised(opened(school_a.placement), level=4, comment="Heel zorgzaam")
    score = evaluation.scores.first()

    page = client_for(school_a.supervisor).get(detail(evaluation)).content.decode()

    assert "Advies van de stagementor" in page and "Eindniveau" in page
    assert "zeer goed" in page and f"Heel zorgzaam {score.pk}" in page
    assert "Gemotiveerde stagiair" in page
    assert f'name="level_{score.pk}"' in page
    assert "Bewaren en afronden" in page


def test_saving_keeps_it_open_and_finalising_closes_it(school_a, client_for):
    evaluation = advised(opened(school_a.placement))
    client = client_for(school_a.supervisor)

    client.post(detail(evaluation), completion(evaluation, level=2, save=""))
    evaluation.refresh_from_db()
    assert evaluation.is_advised and evaluation.conclusion == "Haalt de doelen."
    assert set(evaluation.scores.values_list("level", flat=True)) == {2}

    response = client.post(detail(evaluation), completion(evaluation, finalise=""), follow=True)
    evaluation.refresh_from_db()
    assert evaluation.is_finalised and evaluation.finalised_by == school_a.supervisor
    page = response.content.decode()
    assert "Evaluatie afgerond" in page and "kan niet meer wijzigen" in page
    assert "Bewaren en afronden" not in page


def test_a_failed_finalise_keeps_nothing_and_says_why(school_a, client_for):
    evaluation = opened(school_a.placement)

    response = client_for(school_a.supervisor).post(
        detail(evaluation), completion(evaluation, conclusion="", finalise="")
    )

    assert response.status_code == 200
    assert "Schrijf een besluit" in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.is_open
    assert set(evaluation.scores.values_list("level", flat=True)) == {None}


def test_a_coordinator_finalises_too(school_a, client_for):
    evaluation = opened(school_a.placement)

    client_for(school_a.coordinator).post(detail(evaluation), completion(evaluation, finalise=""))

    evaluation.refresh_from_db()
    assert evaluation.finalised_by == school_a.coordinator


def test_another_supervisor_and_another_school_get_404(school_a, school_b, client_for):
    evaluation = opened(school_a.placement)

    for user in (school_a.other_supervisor, school_b.coordinator):
        client = client_for(user)
        assert client.get(detail(evaluation)).status_code == 404
        assert client.post(detail(evaluation), completion(evaluation)).status_code == 404

    evaluation.refresh_from_db()
    assert evaluation.conclusion == ""


def test_a_finalised_evaluation_cannot_change_through_the_page(school_a, client_for):
    evaluation = finalised(advised(opened(school_a.placement)))

    response = client_for(school_a.supervisor).post(
        detail(evaluation), completion(evaluation, level=4, conclusion="Anders", finalise="")
    )

    assert response.status_code == 200
    assert "is afgerond en gerapporteerd" in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.conclusion == "Haalt de meeste doelen."
    assert set(evaluation.scores.values_list("level", flat=True)) == {2}


def render_card(placement, user) -> str:
    request = RequestFactory().get("/")
    request.principal = StaffMember.of(user)
    template = Template("{% load evaluations_tags %}{% placement_evaluations placement %}")
    return template.render(Context({"request": request, "placement": placement}))


def test_the_placement_card_shows_both_moments_with_what_to_do(school_a):
    placement = school_a.placement
    criteria_of(school_a.school_class.programme, 2)

    card = render_card(placement, school_a.supervisor)
    assert "Tussentijdse evaluatie" in card and "Eindevaluatie" in card
    assert card.count("nog niet geopend") == 2
    assert reverse("evaluations:evaluation-open", args=[placement.pk]) in card

    interim = finalised(advised(opened(placement)))
    final = advised(opened(placement, Moment.FINAL))
    card = render_card(placement, school_a.supervisor)
    assert "afgerond" in card and "door Begeleider Alfa" in card
    assert "advies van de stagementor ontvangen" in card
    assert detail(interim) in card and detail(final) in card
    assert "Invullen en afronden" in card
