"""The logbook's personas: school A's placement running now (two weeks in, four days to go),
and browsers for its pupil, mentor and guardian and for another mentor of the same host."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from internships.models import Placement
from tests.factories import MentorFactory
from tests.factories.principals import guardian_link, link_client, mentor_link, pupil_link

TOKENS = {
    "pupil": "logbook-pupil-token-" + "p" * 30,
    "mentor": "logbook-mentor-token-" + "m" * 29,
    "other_mentor": "logbook-other-mentor-token-" + "o" * 23,
    "guardian": "logbook-guardian-token-" + "g" * 27,
}


@pytest.fixture
def running(school_a) -> Placement:
    today = timezone.localdate()
    Placement.objects.filter(pk=school_a.placement.pk).update(
        status=Placement.Status.STARTED,
        start_date=today - datetime.timedelta(days=14),
        end_date=today + datetime.timedelta(days=4),
    )
    school_a.placement.refresh_from_db()
    return school_a.placement


@pytest.fixture
def pupil_client(school_a) -> Client:
    pupil_link(school_a.pupil, token=TOKENS["pupil"])
    return link_client(TOKENS["pupil"])


@pytest.fixture
def mentor_client(school_a) -> Client:
    mentor_link(school_a.mentor, token=TOKENS["mentor"])
    return link_client(TOKENS["mentor"])


@pytest.fixture
def other_mentor_client(school_a) -> Client:
    mentor_link(MentorFactory(host=school_a.host), token=TOKENS["other_mentor"])
    return link_client(TOKENS["other_mentor"])


@pytest.fixture
def guardian_client(school_a) -> Client:
    guardian_link(school_a.guardian, token=TOKENS["guardian"])
    return link_client(TOKENS["guardian"])
