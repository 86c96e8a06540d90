"""The compliance pages: what they show and what they change."""

import datetime
import re

import pytest
from django.urls import reverse

from compliance.models import ComplianceCheck, ScheduleException
from compliance.services import compliance_check_placement, exemption_save

# 5.2.1: more than six hours of work gives a minor an hour of breaks, half an hour at once.
COMPLIANT_BREAKS = [["10:00", "10:15"], ["12:00", "12:30"], ["14:30", "14:45"]]


@pytest.fixture(autouse=True)
def compliant_period(request):
    """The personas' period, with the breaks a minor is entitled to."""
    if "school_a" in request.fixturenames:
        world = request.getfixturevalue("school_a")
        world.period.breaks = COMPLIANT_BREAKS
        world.period.save()


def test_it_shows_the_violations_on_the_placement_page(school_a, client_for):
    placement = school_a.placement
    saturday = placement.start_date + datetime.timedelta(days=5)
    ScheduleException.objects.create(
        placement=placement,
        date=saturday + datetime.timedelta(days=1),
        kind=ScheduleException.Kind.EXTRA_DAY,
        start_time=datetime.time(9),
        end_time=datetime.time(13),
    )
    placement.end_date = saturday + datetime.timedelta(days=1)
    placement.save()
    compliance_check_placement(placement=placement)

    response = client_for(school_a.supervisor).get(
        reverse("internships:placement-detail", args=[placement.pk])
    )

    page = response.content.decode()
    assert "Stage op zondag zonder afwijking voor zondagsarbeid." in page
    assert "§ 5.3" in page


def test_an_exemption_with_its_ground_removes_the_sunday_violation(school_a, client_for):
    # 5.3: Sunday work only where the SO 74 annex allows it, recorded with its ground.
    placement = school_a.placement
    sunday = placement.start_date + datetime.timedelta(days=6)
    placement.end_date = sunday
    placement.save()
    ScheduleException.objects.create(
        placement=placement,
        date=sunday,
        kind=ScheduleException.Kind.EXTRA_DAY,
        start_time=datetime.time(9),
        end_time=datetime.time(11),  # 35 h + 2 h stays under 38 h (5.1)
    )
    compliance_check_placement(placement=placement)
    check = ComplianceCheck.objects.get(placement=placement)
    # The two hours are also no half day (4.1.1): a warning, which the exemption leaves.
    assert [v["rule"] for v in check.violations] == ["half_day_minimum", "sunday_work"], (
        check.violations
    )

    response = client_for(school_a.coordinator).post(
        reverse("compliance:exemption-create", args=[placement.pk]),
        {"kind": "sunday_work", "ground": "bijlage SO 74: Restaurant en keuken"},
    )

    assert response.status_code == 302
    check = ComplianceCheck.objects.get(placement=placement)
    assert check.error_count == 0
    assert [v["rule"] for v in check.violations] == ["half_day_minimum"]
    assert placement.exemptions.get().history.count() == 1


def test_an_exceptional_day_outside_the_placement_is_refused(school_a, client_for):
    placement = school_a.placement
    response = client_for(school_a.supervisor).post(
        reverse("compliance:exception-create", args=[placement.pk]),
        {
            "date": (placement.end_date + datetime.timedelta(days=30)).isoformat(),
            "kind": "extra_day",
            "start_time": "09:00",
            "end_time": "12:00",
        },
    )
    assert response.status_code == 200
    assert "Deze dag valt buiten de stage" in response.content.decode()
    assert not placement.schedule_exceptions.exists()


def test_an_exceptional_day_needs_hours_unless_it_is_a_day_off(school_a, client_for):
    placement = school_a.placement
    response = client_for(school_a.supervisor).post(
        reverse("compliance:exception-create", args=[placement.pk]),
        {"date": placement.start_date.isoformat(), "kind": "changed_hours"},
    )
    assert "Geef de uren van deze dag." in response.content.decode()
    assert not placement.schedule_exceptions.exists()


def test_force_majeure_overtime_is_a_warning_with_compensatory_rest(school_a, client_for):
    # 5.1: overtime only in force majeure; the host notifies the inspector within three days.
    placement = school_a.placement
    compliance_check_placement(placement=placement)
    response = client_for(school_a.supervisor).post(
        reverse("compliance:exception-create", args=[placement.pk]),
        {
            "date": placement.start_date.isoformat(),
            "kind": "changed_hours",
            "start_time": "07:00",
            "end_time": "17:30",
            "break_0_start": "12:00",
            "break_0_end": "13:00",
            "force_majeure": "on",
        },
    )
    assert response.status_code == 302
    rules = {v["rule"] for v in ComplianceCheck.objects.get(placement=placement).violations}
    assert "overtime_notice" in rules
    assert "daily_max" not in rules


def test_the_weekly_schedule_shows_internship_days_and_their_violations(school_a, client_for):
    placement = school_a.placement
    compliance_check_placement(placement=placement)
    response = client_for(school_a.supervisor).get(
        reverse("compliance:placement-schedule", args=[placement.pk])
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "stage 08:30–16:30" in page


TRY_DATA = {
    "birth_date": "2009-03-10",
    "kind": "block",
    "start_date": "2026-02-02",
    "end_date": "2026-02-08",
    "weekdays": ["0", "1", "2", "3", "4", "6"],
    "every_n_weeks": "1",
    "start_time": "08:00",
    "end_time": "17:00",
    "break_0_start": "12:00",
    "break_0_end": "12:30",
}


def test_the_try_page_checks_a_schedule_without_saving_it(school_a, client_for):
    data = {**TRY_DATA, "school_year": school_a.school_year.pk}
    data["start_date"] = f"{school_a.school_year.start_year + 1}-02-02"
    data["end_date"] = f"{school_a.school_year.start_year + 1}-02-08"
    before = ComplianceCheck.objects.count()

    response = client_for(school_a.coordinator).post(reverse("compliance:try"), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "zondagsarbeid" in page  # 5.3
    assert "het maximum is 8 u per dag" in page  # 5.1
    assert ComplianceCheck.objects.count() == before


def test_the_try_page_explains_violations_in_english_on_request(school_a, client_for):
    data = {**TRY_DATA, "school_year": school_a.school_year.pk}
    data["start_date"] = f"{school_a.school_year.start_year + 1}-02-02"
    data["end_date"] = f"{school_a.school_year.start_year + 1}-02-08"
    client = client_for(school_a.coordinator)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    page = client.post(reverse("compliance:try"), data).content.decode()

    assert "the maximum is 8 h per day" in page  # 5.1
    assert "het maximum is 8 u per dag" not in page
    assert re.search(r"\b\d+ h( \d+ min)? of work on one day", page)


def test_the_try_page_answers_htmx_with_the_result_only(school_a, client_for):
    data = {**TRY_DATA, "school_year": school_a.school_year.pk, "weekdays": ["0"]}
    data["start_date"] = f"{school_a.school_year.start_year + 1}-02-02"
    data["end_date"] = f"{school_a.school_year.start_year + 1}-02-02"
    data["end_time"] = "12:00"
    data["break_0_start"] = data["break_0_end"] = ""

    response = client_for(school_a.coordinator).post(
        reverse("compliance:try"), data, HTTP_HX_REQUEST="true"
    )

    page = response.content.decode()
    assert "<nav" not in page
    assert "voldoet aan de arbeidsregels" in page


def test_the_try_page_explains_missing_input(school_a, client_for):
    response = client_for(school_a.coordinator).post(
        reverse("compliance:try"), {"school_year": school_a.school_year.pk}
    )
    assert "Kies een leerling of geef een geboortedatum." in response.content.decode()


def test_the_try_page_offers_only_the_schools_own_pupils(school_a, school_b, client_for):
    response = client_for(school_b.coordinator).get(reverse("compliance:try"))
    assert "Alfa" not in response.content.decode()


def test_exemption_save_replaces_the_ground_of_the_same_kind(school_a):
    placement = school_a.placement
    exemption_save(placement=placement, kind="night_work", ground="eerste grond")
    exemption_save(placement=placement, kind="night_work", ground="tweede grond")
    assert list(placement.exemptions.values_list("ground", flat=True)) == ["tweede grond"]
