"""The link holders' evaluation pages: the mentor advises on their own interns only; the pupil
and a minor's guardian read an evaluation once it is finalised (9.1.1, 9.1.2)."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from evaluations.models import Evaluation
from tests.evaluations.factories import advised, finalised, opened
from tests.factories import MentorFactory, PlacementFactory, StudentFactory
from tests.factories.principals import (
    expired,
    guardian_link,
    link_client,
    mentor_link,
    principal_of,
    pupil_link,
    revoked,
)

pytestmark = pytest.mark.django_db

MENTOR = "evaluations-mentor-token-" + "m" * 30
PUPIL = "evaluations-pupil-token-" + "p" * 30
GUARDIAN = "evaluations-guardian-token-" + "g" * 30


def advice(evaluation: Evaluation, level: int = 3) -> dict:
    data = {f"level_{score.pk}": str(level) for score in evaluation.scores.all()}
    data.update(
        {f"comment_{score.pk}": f"Opmerking {score.pk}" for score in evaluation.scores.all()}
    )
    data["comment"] = "Een harde werker."
    return data


def advise_url(evaluation: Evaluation) -> str:
    return reverse("evaluations:advise", args=[evaluation.pk])


def result_url(evaluation: Evaluation) -> str:
    return reverse("evaluations:result", args=[evaluation.pk])


@pytest.fixture
def mentor(school_a):
    mentor_link(school_a.mentor, token=MENTOR)
    return link_client(MENTOR)


def test_the_mentor_gives_advice_on_a_phone_friendly_form(school_a, client_for, mentor):
    evaluation = opened(school_a.placement)

    page = mentor.get(advise_url(evaluation)).content.decode()
    assert page.count('class="btn-check"') == 3 * 4  # three criteria, four levels each
    assert "Advies doorgeven" in page

    response = mentor.post(advise_url(evaluation), advice(evaluation, 4), follow=True)
    assert "uw advies is doorgegeven" in response.content.decode()
    assert response.redirect_chain[-1][0].startswith(
        reverse("portal:placement", args=[school_a.placement.pk])
    )
    evaluation.refresh_from_db()
    assert evaluation.is_advised and evaluation.mentor_comment == "Een harde werker."

    staff_page = client_for(school_a.supervisor).get(
        reverse("evaluations:evaluation-detail", args=[evaluation.pk])
    )
    score = evaluation.scores.first()
    assert "zeer goed" in staff_page.content.decode()
    assert f"Opmerking {score.pk}" in staff_page.content.decode()


def test_an_incomplete_advice_is_shown_again_with_the_reason(school_a, mentor):
    evaluation = opened(school_a.placement)
    data = advice(evaluation)
    del data[f"level_{evaluation.scores.first().pk}"]

    response = mentor.post(advise_url(evaluation), data)

    assert response.status_code == 200
    assert "Kies een niveau voor elk criterium" in response.content.decode()
    assert Evaluation.objects.get(pk=evaluation.pk).is_open


def test_the_mentor_never_sees_another_mentors_intern(school_a, school_b, mentor):
    other = PlacementFactory(
        student=StudentFactory(school=school_a.school, school_class=school_a.school_class),
        host=school_a.host,
        workplace=school_a.workplace,
        mentor=MentorFactory(host=school_a.host),
    )
    for evaluation in (opened(other), opened(school_b.placement)):
        assert mentor.get(advise_url(evaluation)).status_code == 404
        assert mentor.post(advise_url(evaluation), advice(evaluation)).status_code == 404
        assert Evaluation.objects.get(pk=evaluation.pk).is_open


@pytest.mark.parametrize("state", [expired, revoked], ids=["expired", "revoked"])
def test_an_unusable_link_gets_the_portals_friendly_page(school_a, state):
    evaluation = opened(school_a.placement)
    link = mentor_link(school_a.mentor, token=MENTOR)
    client = link_client(MENTOR)
    for field, value in state().items():
        setattr(link, field, value)
    link.save()

    response = client.get(advise_url(evaluation))

    assert response.status_code == 403
    assert "Open uw persoonlijke link" in response.content.decode()


def test_after_finalising_the_mentor_reads_their_advice_but_cannot_change_it(school_a, mentor):
    evaluation = finalised(advised(opened(school_a.placement), level=3))

    page = mentor.get(advise_url(evaluation)).content.decode()
    response = mentor.post(advise_url(evaluation), advice(evaluation, 1))

    assert "kan niet meer wijzigen" in page and "btn-check" not in page
    assert "Oefent verder op de ochtendzorg" not in page  # the school's decision is not theirs
    assert "is afgerond en gerapporteerd" in response.content.decode()
    assert set(evaluation.scores.values_list("mentor_level", flat=True)) == {3}


def test_the_pupil_and_a_minors_guardian_read_it_only_once_finalised(school_a):
    pupil_link(school_a.pupil, token=PUPIL)
    guardian_link(school_a.guardian, token=GUARDIAN)
    readers = [link_client(PUPIL), link_client(GUARDIAN)]
    evaluation = advised(opened(school_a.placement))

    for reader in readers:
        assert reader.get(result_url(evaluation)).status_code == 404

    finalised(evaluation)
    for reader in readers:
        page = reader.get(result_url(evaluation)).content.decode()
        assert "Haalt de meeste doelen." in page
        assert "Oefent verder op de ochtendzorg." in page
        assert "Behaald niveau:" in page
        assert "Gemotiveerde stagiair" not in page  # the mentor's advice stays with the school


def test_an_adult_pupils_guardian_does_not_read_it(school_a):
    pupil = school_a.pupil
    pupil.birth_date = datetime.date.today().replace(year=datetime.date.today().year - 19)
    pupil.save(update_fields=["birth_date"])
    guardian_link(school_a.guardian, token=GUARDIAN)
    pupil_link(pupil, token=PUPIL)
    evaluation = finalised(advised(opened(school_a.placement)))

    assert link_client(GUARDIAN).get(result_url(evaluation)).status_code == 404
    assert link_client(PUPIL).get(result_url(evaluation)).status_code == 200


def test_a_mentor_cannot_open_the_pupils_reading(school_a, mentor):
    evaluation = finalised(advised(opened(school_a.placement)))

    assert mentor.get(result_url(evaluation)).status_code == 403


def render_card(placement, link) -> str:
    request = RequestFactory().get("/")
    request.principal = principal_of(link)
    template = Template("{% load evaluations_tags %}{% portal_evaluations placement %}")
    return template.render(Context({"request": request, "placement": placement}))


def test_the_portal_card_fits_the_links_holder(school_a):
    placement = school_a.placement
    interim = finalised(advised(opened(placement)))
    final = opened(placement, "final")

    as_mentor = render_card(placement, mentor_link(school_a.mentor))
    as_pupil = render_card(placement, pupil_link(school_a.pupil))
    as_guardian = render_card(placement, guardian_link(school_a.guardian))

    assert "Advies geven" in as_mentor and advise_url(final) in as_mentor
    assert "Mijn advies bekijken" in as_mentor and advise_url(interim) in as_mentor
    for card in (as_pupil, as_guardian):
        assert "Evaluatie lezen" in card and result_url(interim) in card
        assert advise_url(final) not in card and result_url(final) not in card
