"""The annual survey (section 10): sent to mentors and pupils, answered through their links,
summarised per host and per programme."""

import datetime
import random
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from demo.surveys import surveys_seed
from internships.models import Notification, Placement
from surveys import services
from surveys.models import Survey, SurveyResponse
from surveys.selectors import survey_summary, todos_for
from tests.factories import SchoolYearFactory
from tests.factories.principals import link_client, mentor_link, principal_of, pupil_link

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://127\.0\.0\.1:8000/link/([\w-]+)/")
MENTOR_ANSWERS = {
    "activities": "yes",
    "preparation": 3,
    "communication": 4,
    "visits": 3,
    "documents": 2,
    "again": "yes",
    "remarks": "Graag vaker een bezoek.",
}
PUPIL_ANSWERS = {
    "activities": "partly",
    "safety": "yes",
    "welcome": 4,
    "guidance": 3,
    "feedback": 2,
    "school": 3,
    "remarks": "",
}


def started(world) -> None:
    Placement.objects.filter(pk__in=[world.placement.pk, world.other_placement.pk]).update(
        status=Placement.Status.STARTED
    )


def open_survey(world, capture) -> Survey:
    with capture(execute=True):
        return services.survey_open(
            school=world.school,
            school_year=world.school_year,
            title="Jaarlijkse bevraging",
            closes_on=timezone.localdate() + datetime.timedelta(days=14),
            created_by=world.coordinator,
        )


def test_opening_mails_each_mentor_once_and_each_pupil(
    school_a, django_capture_on_commit_callbacks
):
    started(school_a)

    open_survey(school_a, django_capture_on_commit_callbacks)

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(
        [school_a.mentor.email, school_a.pupil.email, school_a.other_pupil.email]
    )
    assert Notification.objects.filter(kind=Notification.Kind.SURVEY).count() == 3
    assert all(LINK.search(message.body) for message in mail.outbox)


def test_a_mentor_answers_through_the_mailed_link(school_a, django_capture_on_commit_callbacks):
    started(school_a)
    survey = open_survey(school_a, django_capture_on_commit_callbacks)
    [to_mentor] = [m for m in mail.outbox if m.to == [school_a.mentor.email]]
    mentor = link_client(LINK.search(to_mentor.body).group(1))
    url = reverse("surveys:answer", args=[survey.pk, school_a.placement.pk])

    assert "Vul de jaarlijkse bevraging in" in mentor.get(reverse("portal:home")).content.decode()
    response = mentor.post(url, MENTOR_ANSWERS)

    assert response.status_code == 302
    answer = SurveyResponse.objects.get()
    assert answer.respondent == SurveyResponse.Respondent.MENTOR
    assert answer.answers["communication"] == 4
    assert answer.history.latest().history_change_reason.startswith("stagementor")


def test_answers_are_checked_and_change_nothing_when_wrong(
    school_a, django_capture_on_commit_callbacks
):
    started(school_a)
    survey = open_survey(school_a, django_capture_on_commit_callbacks)
    principal = principal_of(pupil_link(school_a.pupil))

    with pytest.raises(ValidationError) as error:
        services.survey_answer(
            survey=survey,
            placement=school_a.placement,
            principal=principal,
            answers={**PUPIL_ANSWERS, "welcome": 7},
        )

    assert error.value.message_dict == {"welcome": ["Kies een waardering van 1 tot 4."]}
    assert not SurveyResponse.objects.exists()


def test_a_pupil_answers_only_about_their_own_placement(
    school_a, django_capture_on_commit_callbacks
):
    started(school_a)
    survey = open_survey(school_a, django_capture_on_commit_callbacks)
    principal = principal_of(pupil_link(school_a.pupil))

    with pytest.raises(PermissionDenied):
        services.survey_answer(
            survey=survey,
            placement=school_a.other_placement,
            principal=principal,
            answers=PUPIL_ANSWERS,
        )


def test_another_placement_in_the_url_answers_404(school_a, django_capture_on_commit_callbacks):
    started(school_a)
    survey = open_survey(school_a, django_capture_on_commit_callbacks)
    pupil_link(school_a.pupil, token="survey-pupil-token-" + "x" * 30)
    client = link_client("survey-pupil-token-" + "x" * 30)

    response = client.get(reverse("surveys:answer", args=[survey.pk, school_a.other_placement.pk]))

    assert response.status_code == 404


def test_a_closed_survey_takes_no_answers(school_a, django_capture_on_commit_callbacks):
    started(school_a)
    survey = open_survey(school_a, django_capture_on_commit_callbacks)
    Survey.objects.filter(pk=survey.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    survey.refresh_from_db()

    with pytest.raises(ValidationError):
        services.survey_answer(
            survey=survey,
            placement=school_a.placement,
            principal=principal_of(mentor_link(school_a.mentor)),
            answers=MENTOR_ANSWERS,
        )
    assert todos_for(principal_of(mentor_link(school_a.mentor))) == []


def test_one_survey_per_school_year(school_a, django_capture_on_commit_callbacks):
    started(school_a)
    open_survey(school_a, django_capture_on_commit_callbacks)

    with pytest.raises(ValidationError):
        open_survey(school_a, django_capture_on_commit_callbacks)


def test_the_summary_per_host_and_programme(
    school_a, client_for, django_capture_on_commit_callbacks
):
    started(school_a)
    survey = open_survey(school_a, django_capture_on_commit_callbacks)
    mentor = principal_of(mentor_link(school_a.mentor))
    for placement, communication in ((school_a.placement, 4), (school_a.other_placement, 2)):
        services.survey_answer(
            survey=survey,
            placement=placement,
            principal=mentor,
            answers={**MENTOR_ANSWERS, "communication": communication},
        )
    services.survey_answer(
        survey=survey,
        placement=school_a.placement,
        principal=principal_of(pupil_link(school_a.pupil)),
        answers=PUPIL_ANSWERS,
    )

    summary = survey_summary(survey)

    [host] = summary.by_host["mentor"]
    assert host.name == school_a.host.name and host.responses == 2
    assert host.topics["communication"].average == 3.0
    assert host.remarks == ["Graag vaker een bezoek.", "Graag vaker een bezoek."]
    [programme] = summary.by_programme["student"]
    assert programme.topics["activities"].choice_counts == [
        ("ja", 0),
        ("gedeeltelijk", 1),
        ("nee", 0),
    ]
    page = client_for(school_a.coordinator).get(reverse("surveys:detail", args=[survey.pk]))
    assert "Per stagegever: de stagementoren" in page.content.decode()
    assert (
        client_for(school_a.supervisor).get(reverse("surveys:detail", args=[survey.pk])).status_code
        == 403
    )


def test_another_schools_coordinator_gets_404(
    school_a, school_b, client_for, django_capture_on_commit_callbacks
):
    started(school_a)
    survey = open_survey(school_a, django_capture_on_commit_callbacks)

    response = client_for(school_b.coordinator).get(reverse("surveys:detail", args=[survey.pk]))

    assert response.status_code == 404


def test_the_coordinator_opens_it_from_the_page(
    school_a, client_for, django_capture_on_commit_callbacks
):
    started(school_a)
    closes = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(school_a.coordinator).post(
            reverse("surveys:open"), {"title": "Bevraging", "closes_on": closes}
        )

    survey = Survey.objects.get()
    assert response["Location"] == reverse("surveys:detail", args=[survey.pk])
    assert len(mail.outbox) == 3


def test_the_demo_answers_last_years_survey(school_a):
    last_year = SchoolYearFactory(start_year=2025)
    Placement.objects.filter(pk=school_a.placement.pk).update(
        school_year=last_year, status=Placement.Status.COMPLETED
    )

    surveys_seed(school=school_a.school, today=timezone.localdate(), rng=random.Random(1))

    survey = Survey.objects.get(school_year=last_year)
    assert not survey.is_open
    assert SurveyResponse.objects.filter(survey=survey).exists()
