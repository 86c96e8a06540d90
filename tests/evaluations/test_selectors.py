"""The reads other apps use: who sees which evaluations, the to-dos, the dashboard's list of
evaluations due, and the evaluations of the individual dossier."""

import datetime
import io

import pytest
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML

from core.principals import Anonymous, StaffMember
from documents.rendering import stylesheet
from evaluations.models import Moment
from evaluations.selectors import (
    dossier_evaluations,
    dossier_prefetch,
    evaluations_due,
    evaluations_visible_to,
    todos_for,
)
from internships.models import Placement
from tests.evaluations.factories import advised, finalised, opened
from tests.factories.principals import (
    api_client,
    guardian_link,
    mentor_link,
    principal_of,
    pupil_link,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def evaluations(school_a):
    """The placement's interim finalised and final advised; the other placement's interim
    open (supervised by the coordinator)."""
    return {
        "interim": finalised(advised(opened(school_a.placement))),
        "final": advised(opened(school_a.placement, Moment.FINAL)),
        "other": opened(school_a.other_placement),
    }


def test_each_principal_sees_its_own_evaluations(school_a, school_b, evaluations):
    interim, final, other = evaluations["interim"], evaluations["final"], evaluations["other"]
    finalised(advised(opened(school_b.placement)))
    seen = {
        "supervisor": StaffMember.of(school_a.supervisor),
        "other_supervisor": StaffMember.of(school_a.other_supervisor),
        "coordinator": StaffMember.of(school_a.coordinator),
        "mentor": principal_of(mentor_link(school_a.mentor)),
        "pupil": principal_of(pupil_link(school_a.pupil)),
        "guardian": principal_of(guardian_link(school_a.guardian)),
        "api": api_client(school_a.school),
        "anonymous": Anonymous(),
    }

    visible = {name: set(evaluations_visible_to(p)) for name, p in seen.items()}

    assert visible["supervisor"] == {interim, final}
    assert visible["other_supervisor"] == set()
    assert visible["coordinator"] == {interim, final, other}
    assert visible["mentor"] == {interim, final, other}
    assert visible["pupil"] == visible["guardian"] == visible["api"] == {interim}
    assert visible["anonymous"] == set()


def test_the_mentors_todos_are_the_evaluations_waiting_for_advice(school_a, evaluations):
    todos = todos_for(principal_of(mentor_link(school_a.mentor)))

    [todo] = todos
    other = evaluations["other"]
    assert todo.url == f"/evaluaties/portaal/{other.pk}/advies/"
    assert "Milan Andere Alfa" in todo.text and todo.due_on == other.due_on
    assert todo.overdue == (other.due_on < timezone.localdate())


def test_the_staffs_todos_are_the_evaluations_to_finalise(school_a, evaluations):
    supervisor = todos_for(StaffMember.of(school_a.supervisor))
    coordinator = todos_for(StaffMember.of(school_a.coordinator))

    assert [todo.url for todo in supervisor] == [f"/evaluaties/{evaluations['final'].pk}/"]
    assert supervisor[0].text == "Rond de eindevaluatie van Lotte Leerling Alfa af"
    assert {todo.url for todo in coordinator} >= {f"/evaluaties/{evaluations['final'].pk}/"}
    assert todos_for(StaffMember.of(school_a.other_supervisor)) == []
    assert todos_for(principal_of(pupil_link(school_a.pupil))) == []


def test_the_dashboard_lists_what_is_due_within_two_weeks_or_overdue(school_a, evaluations):
    final = evaluations["final"]
    coordinator = StaffMember.of(school_a.coordinator)

    def due(today):
        return list(evaluations_due(coordinator, school_year=school_a.school_year, today=today))

    other = evaluations["other"]
    assert due(other.due_on - 15 * DAY) == []
    assert due(other.due_on - 14 * DAY) == [other]
    assert due(final.due_on - 14 * DAY) == [other, final]
    [late, *_] = due(final.due_on + DAY)
    assert late.overdue
    Placement.objects.filter(pk=school_a.other_placement.pk).update(
        status=Placement.Status.CANCELLED
    )
    assert due(final.due_on) == [final]


def test_the_dossier_gets_both_evaluations_in_order_with_their_scores(
    school_a, evaluations, django_assert_num_queries
):
    with django_assert_num_queries(2):
        loaded = dossier_evaluations(school_a.placement)
        scores = [list(evaluation.scores.all()) for evaluation in loaded]

    assert [evaluation.moment for evaluation in loaded] == [Moment.INTERIM, Moment.FINAL]
    assert all(len(rows) == 3 for rows in scores)

    placement = (
        Placement.objects.filter(pk=school_a.placement.pk)
        .prefetch_related(dossier_prefetch(), Prefetch("periods"))
        .get()
    )
    with django_assert_num_queries(0):
        assert dossier_evaluations(placement) == loaded


def test_the_dossier_partial_prints_advice_beside_the_final_levels(school_a, evaluations):
    body = render_to_string(
        "evaluations/dossier.html", {"evaluations": dossier_evaluations(school_a.placement)}
    )
    pdf = io.BytesIO()
    HTML(string=f"<html><body>{body}</body></html>").write_pdf(pdf, stylesheets=[stylesheet()])
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    words = " ".join(text.split())

    assert "Tussentijdse evaluatie" in words and "Eindevaluatie" in words
    assert "ADVIES STAGEMENTOR" in words and "EINDNIVEAU" in words  # table heads, upper case
    assert "Haalt de meeste doelen." in words
    assert "Oefent verder op de ochtendzorg." in words
    assert "Begeleider Alfa" in words and "nog niet afgerond" in words
    assert "http" not in body and "@media" not in body
