"""Every page that lists violations groups them per rule and message and suggests a fix
(seed section 5): the placement page, its weekly schedule and the trial page."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from compliance.engine.rules.rest import BREAK_TOO_SHORT_HOUR
from compliance.selectors import StoredViolation
from compliance.services import compliance_check_placement, exemption_save

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
# The persona period: 08:30–16:30 with half an hour's lunch, 7 h 30 of work (5.2.1).
SHORT_BREAK = "7 u 30 min arbeid met 30 min pauze"
LENGTHEN = "Verleng de middagpauze met 30 min, tot 1 u pauze in totaal"


@pytest.fixture
def minor(school_a):
    """The personas, with a pupil of 16 on the first day of the placement."""
    start = school_a.placement.start_date
    school_a.pupil.birth_date = start.replace(year=start.year - 16)
    school_a.pupil.save()
    return school_a


@pytest.fixture
def checked(minor):
    """The persona placement, three weeks of weekdays, checked."""
    compliance_check_placement(placement=minor.placement)
    return minor


def compliant(world) -> None:
    """Gives the persona period the hour of breaks a minor needs (5.2.1)."""
    world.period.breaks = [["10:00", "10:15"], ["12:00", "12:30"], ["14:30", "14:45"]]
    world.period.save()


def test_5_2_1_fifteen_days_with_the_same_short_break_are_one_group(checked, client_for):
    response = client_for(checked.supervisor).get(
        reverse("internships:placement-detail", args=[checked.placement.pk])
    )

    page = response.content.decode()
    assert page.count(SHORT_BREAK) == 1
    assert re.search(r"<strong>15 dagen</strong>: " + SHORT_BREAK, page)
    assert LENGTHEN in page
    assert "<summary>" in page and "alle 15 dagen tonen" in page
    assert page.count('<li class="list-inline-item">') == 15
    assert '<h3 class="h6 mb-0"><span class="badge text-bg-danger">fout</span> Te weinig pauze' in (
        page
    )


def test_5_3_one_sunday_shows_its_date_and_the_so_74_exemption(minor, client_for):
    school_a = minor
    placement = school_a.placement
    compliant(school_a)
    sunday = placement.start_date + 6 * DAY
    placement.schedule_exceptions.create(
        date=sunday, kind="extra_day", start_time=datetime.time(9), end_time=datetime.time(11)
    )
    compliance_check_placement(placement=placement)

    page = (
        client_for(school_a.supervisor)
        .get(reverse("internships:placement-detail", args=[placement.pk]))
        .content.decode()
    )

    assert f"<strong>zo {sunday.day}/{sunday:%m/%Y}</strong>: Stage op zondag" in page
    assert "bijlage bij omzendbrief SO 74" in page


def test_5_4_a_recorded_night_exemption_is_not_suggested_again(minor, client_for):
    school_a = minor
    placement = school_a.placement
    school_a.period.start_time = datetime.time(14)
    school_a.period.end_time = datetime.time(21, 30)
    school_a.period.breaks = [["16:00", "16:30"], ["18:00", "18:30"]]
    school_a.period.save()
    exemption_save(placement=placement, kind="night_work", ground="bijlage SO 74")

    page = (
        client_for(school_a.supervisor)
        .get(reverse("internships:placement-detail", args=[placement.pk]))
        .content.decode()
    )

    assert "Nachtarbeid" in page
    assert "een afwijking laat een minderjarige pas vanaf 16 jaar" in page


def test_the_weekly_schedule_lists_the_groups_and_marks_each_day(checked, client_for):
    response = client_for(checked.supervisor).get(
        reverse("compliance:placement-schedule", args=[checked.placement.pk])
    )

    page = response.content.decode()
    assert "Wat aanpassen" in page
    assert page.count(SHORT_BREAK) == 1
    assert LENGTHEN in page
    assert page.count("fout: Te weinig pauze") == 15


def test_5_1_the_trial_page_groups_and_suggests(school_a, client_for):
    year = school_a.school_year.start_year + 1
    february = datetime.date(year, 2, 2)
    monday = february + DAY * ((7 - february.weekday()) % 7)
    data = {
        "school_year": school_a.school_year.pk,
        "birth_date": f"{year - 16}-01-10",
        "kind": "block",
        "start_date": monday.isoformat(),
        "end_date": (monday + 11 * DAY).isoformat(),
        "weekdays": ["0", "1", "2", "3", "4"],
        "every_n_weeks": "1",
        "start_time": "07:30",
        "end_time": "17:00",
        "break_0_start": "12:00",
        "break_0_end": "13:00",
    }

    page = client_for(school_a.coordinator).post(reverse("compliance:try"), data).content.decode()

    assert page.count("8 u 30 min arbeid op één dag") == 1
    assert "<strong>10 dagen</strong>" in page
    assert "Kort de dag 30 min in" in page
    assert page.count("42 u 30 min arbeid in deze week") == 1
    assert "Laat de leerling één dag per week 4 u 30 min vroeger" not in page
    assert "Plan 4 u 30 min minder arbeid in deze week" in page


def test_the_trial_page_proposes_the_break_for_the_pupils_age(school_a, client_for):
    client = client_for(school_a.coordinator)
    first = client.get(reverse("compliance:try"))
    adult = client.get(
        reverse("compliance:try"),
        {
            "birth_date": "2000-01-01",
            "start_date": f"{school_a.school_year.start_year + 1}-02-02",
            "start_time": "08:00",
            "end_time": "16:00",
            "breaks_proposed": "12:00-13:00",
            "break_0_start": "12:00",
            "break_0_end": "13:00",
        },
        HTTP_HX_REQUEST="true",
    )

    assert first.context["form"]["break_0_end"].value() == "13:00"
    assert adult.context["form"]["break_0_end"].value() == "12:30"


@pytest.mark.usefixtures("uncached_pages")
@pytest.mark.parametrize("name", ["internships:placement-detail", "compliance:placement-schedule"])
def test_grouping_keeps_the_query_count_constant(
    minor, client_for, django_assert_max_num_queries, name
):
    """Fifteen violations cost no query more than none."""
    placement = minor.placement
    client = client_for(minor.supervisor)
    url = reverse(name, args=[placement.pk])
    compliance_check_placement(placement=placement)
    client.get(url)

    with django_assert_max_num_queries(100) as many:
        client.get(url)
    compliant(minor)
    compliance_check_placement(placement=placement)
    with django_assert_max_num_queries(100) as none:
        response = client.get(url)

    assert placement.compliance.error_count == 0
    assert SHORT_BREAK not in response.content.decode()
    assert len(many.captured_queries) == len(none.captured_queries)


def test_5_2_1_other_pages_group_their_violations_through_the_tag(minor):
    """The worked-hours pages list their violations with ``{% violation_groups %}``."""
    monday = minor.placement.start_date
    violations = [
        StoredViolation(
            rule="break_too_short",
            date=monday + offset * DAY,
            severity="error",
            source="5.2.1",
            template=BREAK_TOO_SHORT_HOUR,
            params={"worked": "7 u 30 min", "breaks": "30 min"},
        )
        for offset in range(5)
    ]
    html = Template("{% load compliance_tags %}{% violation_groups violations placement %}").render(
        Context({"violations": violations, "placement": minor.placement})
    )
    assert html.count(SHORT_BREAK) == 1
    assert "<strong>5 dagen</strong>" in html
    assert LENGTHEN in html
