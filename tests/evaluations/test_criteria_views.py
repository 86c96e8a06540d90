"""The criteria pages: coordinators add, edit, retire and reorder a programme's criteria;
supervisors read them (9.1.1–9.1.2)."""

import pytest
from django.urls import reverse

from evaluations.models import Criterion
from tests.evaluations.factories import CriterionFactory, criteria_of, opened

pytestmark = pytest.mark.django_db

FORM = {
    "curriculum_goal": "LPD 4.1",
    "description": "Verplaatst een zorgvrager ergonomisch met de tillift",
    "moments": "final",
    "scale": "three_levels",
}


@pytest.fixture
def programme(school_a):
    return school_a.school_class.programme


def test_the_programme_list_counts_criteria_in_use_and_retired(school_a, client_for, programme):
    criteria_of(programme, 2)
    CriterionFactory(programme=programme, retired_at="2026-09-01T08:00:00Z")

    response = client_for(school_a.supervisor).get(reverse("evaluations:programme-list"))

    [row] = [p for p in response.context["programmes"] if p.pk == programme.pk]
    assert (row.active_criteria, row.retired_criteria) == (2, 1)
    assert "Verzorging Alfa" in response.content.decode()


def test_a_coordinator_adds_a_criterion_at_the_end(school_a, client_for, programme):
    criteria_of(programme, 2)

    response = client_for(school_a.coordinator).post(
        reverse("evaluations:criterion-create", args=[programme.pk]), FORM, follow=True
    )

    criterion = programme.criteria.order_by("position").last()
    assert (criterion.curriculum_goal, criterion.moments, criterion.scale) == (
        "LPD 4.1",
        Criterion.Moments.FINAL,
        "three_levels",
    )
    assert criterion.position == max(programme.criteria.values_list("position", flat=True))
    page = response.content.decode()
    assert "Observatiecriterium toegevoegd." in page
    assert "Verplaatst een zorgvrager ergonomisch met de tillift" in page
    assert "niet / gedeeltelijk / volledig bereikt" in page


def test_a_criterion_needs_its_curriculum_goal(school_a, client_for, programme):
    response = client_for(school_a.coordinator).post(
        reverse("evaluations:criterion-create", args=[programme.pk]),
        {**FORM, "curriculum_goal": ""},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["curriculum_goal"]
    assert not programme.criteria.exists()


def test_a_coordinator_edits_a_criterion(school_a, client_for, programme):
    criterion = CriterionFactory(programme=programme)

    client_for(school_a.coordinator).post(
        reverse("evaluations:criterion-update", args=[criterion.pk]), FORM
    )

    criterion.refresh_from_db()
    assert criterion.description == FORM["description"]
    assert criterion.history.count() == 2


def test_retire_and_restore(school_a, client_for, programme):
    criterion = CriterionFactory(programme=programme)
    evaluation = opened(school_a.placement)
    client = client_for(school_a.coordinator)

    page = client.post(
        reverse("evaluations:criterion-retire", args=[criterion.pk]), follow=True
    ).content.decode()
    criterion.refresh_from_db()
    assert criterion.is_retired and "ingetrokken op" in page
    assert evaluation.scores.filter(criterion=criterion).exists()

    client.post(reverse("evaluations:criterion-restore", args=[criterion.pk]))
    criterion.refresh_from_db()
    assert not criterion.is_retired


def test_reorder_moves_one_place_and_stops_at_the_ends(school_a, client_for, programme):
    first, second, third = criteria_of(programme, 3)
    client = client_for(school_a.coordinator)

    client.post(reverse("evaluations:criterion-move", args=[third.pk]), {"direction": "up"})
    client.post(reverse("evaluations:criterion-move", args=[first.pk]), {"direction": "up"})

    order = list(programme.criteria.order_by("position").values_list("pk", flat=True))
    assert order == [first.pk, third.pk, second.pk]
    assert list(programme.criteria.order_by("position").values_list("position", flat=True)) == [
        1,
        2,
        3,
    ]


def test_a_supervisor_reads_but_does_not_manage(school_a, client_for, programme):
    criterion = CriterionFactory(programme=programme, description="Meet de parameters")
    client = client_for(school_a.supervisor)

    page = client.get(reverse("evaluations:criterion-list", args=[programme.pk]))
    refused = client.post(reverse("evaluations:criterion-retire", args=[criterion.pk]))

    assert "Meet de parameters" in page.content.decode()
    assert not page.context["can_manage"]
    assert "Criterium toevoegen" not in page.content.decode()
    assert refused.status_code == 403


def test_another_schools_programme_answers_404(school_a, school_b, client_for):
    criterion = CriterionFactory(programme=school_a.school_class.programme)
    client = client_for(school_b.coordinator)

    for response in (
        client.get(reverse("evaluations:criterion-list", args=[criterion.programme_id])),
        client.get(reverse("evaluations:criterion-update", args=[criterion.pk])),
        client.post(reverse("evaluations:criterion-retire", args=[criterion.pk])),
    ):
        assert response.status_code == 404
