"""Shared by the documents tests: a placement with everything a dossier shows, and PDF reading."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from compliance.models import Exemption, ScheduleException
from internships.models import Activity
from tests.documents.factories import checked, signed_agreement
from tests.factories import ActivityFactory, ActivityListFactory, MakeUpPlacementFactory


def pdf_text(data: bytes) -> str:
    """The text of every page, with line breaks folded into spaces for easy assertions."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def pdf_pages(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


@pytest.fixture
def full_placement(school_a):
    """School A's placement with an activity list, a signed agreement, a make-up day, an
    exemption, an exceptional day and its stored labour-rule check."""
    placement = school_a.placement
    activity_list = ActivityListFactory(placement=placement, mentor_confirmed_at=timezone.now())
    ActivityFactory(
        activity_list=activity_list,
        curriculum_goal="LPD 3",
        description="Bedden opmaken volgens de hygiëneregels",
        done=True,
        done_on=placement.start_date,
        comment="Zelfstandig en nauwkeurig",
    )
    ActivityFactory(
        activity_list=activity_list,
        description="Medicatie toedienen",
        permission=Activity.Permission.MAY_NOT,
    )
    make_up = MakeUpPlacementFactory(placement=placement, reason="Inhalen van de ziektedag")
    make_up.absences.add(school_a.absence)
    Exemption.objects.create(
        placement=placement,
        kind=Exemption.Kind.SUNDAY_WORK,
        ground="Bijlage bij omzendbrief SO 74: zorg",
    )
    ScheduleException.objects.create(
        placement=placement,
        date=placement.start_date + datetime.timedelta(days=1),
        kind=ScheduleException.Kind.DAY_OFF,
        note="Pedagogische studiedag",
    )
    signed_agreement(placement)
    return checked(placement)
