"""The break a new period starts with is legal for its hours and its pupil (seed 5.2.1, 5.2.2):
a minor working more than 6 h gets an hour, over 4 h 30 up to 6 h half an hour, an adult a
half-hour lunch after 6 h; the proposal follows the hours as they are typed (htmx)."""

import datetime

import pytest
from django.urls import reverse

from compliance.models import ComplianceCheck
from internships.forms.placements import PeriodForm
from tests.factories.forms import period_form_data

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def aged(world, years: int):
    """The persona pupil, ``years`` old on the first day of the placement."""
    start = world.placement.start_date
    world.pupil.birth_date = start.replace(year=start.year - years) - DAY
    world.pupil.save()
    return world


@pytest.fixture
def minor(school_a):
    return aged(school_a, 16)


@pytest.fixture
def adult(school_a):
    return aged(school_a, 19)


def breaks_shown(form) -> list[tuple[str, str]]:
    pairs = [(form[f"break_{i}_start"].value(), form[f"break_{i}_end"].value()) for i in range(3)]
    return [(str(start)[:5], str(end)[:5]) for start, end in pairs if start and end]


def create_url(world) -> str:
    return reverse("internships:period-create", args=[world.placement.pk])


def refresh(client, url: str, **values: str):
    """What htmx sends when an hour field changes: the form's values, as a GET."""
    return client.get(url, values, HTTP_HX_REQUEST="true")


def test_5_2_1_a_new_period_of_a_minor_starts_with_an_hour_at_noon(minor, client_for):
    response = client_for(minor.supervisor).get(create_url(minor))

    form = response.context["form"]
    assert breaks_shown(form) == [("12:00", "13:00")]
    page = response.content.decode()
    assert 'id="breaks"' in page
    assert 'hx-select="#breaks"' in page


def test_5_2_2_a_new_period_of_an_adult_starts_with_half_an_hour(adult, client_for):
    response = client_for(adult.supervisor).get(create_url(adult))
    assert breaks_shown(response.context["form"]) == [("12:00", "12:30")]


def test_5_2_1_the_proposal_follows_the_hours_as_they_are_typed(minor, client_for):
    client = client_for(minor.supervisor)
    shown = {"breaks_proposed": "12:00-13:00", "break_0_start": "12:00", "break_0_end": "13:00"}

    half_day = refresh(client, create_url(minor), start_time="08:00", end_time="13:00", **shown)
    short = refresh(client, create_url(minor), start_time="08:00", end_time="12:00", **shown)

    assert breaks_shown(half_day.context["form"]) == [("12:00", "12:30")]
    assert breaks_shown(short.context["form"]) == []
    assert short.context["form"]["breaks_proposed"].value() == "geen"


def test_5_2_2_an_adults_half_day_needs_no_break(adult, client_for):
    shown = {"breaks_proposed": "12:00-12:30", "break_0_start": "12:00", "break_0_end": "12:30"}
    response = refresh(
        client_for(adult.supervisor),
        create_url(adult),
        start_date=adult.placement.start_date.isoformat(),
        start_time="08:00",
        end_time="14:00",
        **shown,
    )
    assert breaks_shown(response.context["form"]) == []


def test_breaks_the_user_changed_stay_when_the_hours_change(minor, client_for):
    response = refresh(
        client_for(minor.supervisor),
        create_url(minor),
        start_time="08:00",
        end_time="13:00",
        breaks_proposed="12:00-13:00",
        break_0_start="10:00",
        break_0_end="10:15",
        break_1_start="12:00",
        break_1_end="12:45",
    )
    form = response.context["form"]
    assert breaks_shown(form) == [("10:00", "10:15"), ("12:00", "12:45")]
    assert form["breaks_proposed"].value() == "12:00-13:00"


def test_5_2_1_an_untouched_proposal_that_fits_the_hours_is_saved(minor, client_for):
    placement = minor.placement
    data = period_form_data(
        start_date=placement.start_date,
        end_date=placement.end_date,
        breaks=[("12:00", "13:00")],
        breaks_proposed="12:00-13:00",
    )

    response = client_for(minor.coordinator).post(create_url(minor), data)

    assert response.status_code == 302
    assert placement.periods.latest("pk").breaks == [["12:00", "13:00"]]
    rules = {v["rule"] for v in ComplianceCheck.objects.get(placement=placement).violations}
    assert "break_too_short" not in rules


def test_5_2_1_an_untouched_proposal_that_no_longer_fits_is_refused_with_the_fitting_one(
    minor, client_for
):
    """Without JavaScript the page never learnt the hours: it proposes again, saves nothing."""
    placement = minor.placement
    data = period_form_data(
        start_date=placement.start_date,
        end_date=placement.end_date,
        start_time="08:00",
        end_time="13:00",
        breaks=[("12:00", "13:00")],
        breaks_proposed="12:00-13:00",
    )

    response = client_for(minor.coordinator).post(create_url(minor), data)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["break_0_start"] == [
        "De voorgestelde pauze past niet bij deze uren en de leeftijd van de leerling (5.2); "
        "nu voorgesteld: 12:00–12:30. Controleer de pauzes en bewaar opnieuw."
    ]
    assert breaks_shown(form) == [("12:00", "12:30")]
    assert placement.periods.count() == 1

    resent = {key: form.data.getlist(key) for key in form.data}
    again = client_for(minor.coordinator).post(create_url(minor), resent)
    assert again.status_code == 302
    assert placement.periods.latest("pk").breaks == [["12:00", "12:30"]]


def test_breaks_the_user_chose_are_saved_as_chosen(minor, client_for):
    placement = minor.placement
    data = period_form_data(
        start_date=placement.start_date,
        end_date=placement.end_date,
        start_time="08:00",
        end_time="13:00",
        breaks=[("10:00", "10:30")],
        breaks_proposed="12:00-13:00",
    )

    response = client_for(minor.coordinator).post(create_url(minor), data)

    assert response.status_code == 302
    assert placement.periods.latest("pk").breaks == [["10:00", "10:30"]]


def test_editing_a_period_shows_its_own_breaks_and_proposes_nothing(minor, client_for):
    url = reverse("internships:period-update", args=[minor.placement.pk, minor.period.pk])
    response = client_for(minor.supervisor).get(url, {"start_time": "08:00", "end_time": "12:00"})
    form = response.context["form"]
    assert breaks_shown(form) == [("12:00", "12:30")]
    assert "breaks_proposed" not in form.fields


def test_5_2_1_a_make_up_internship_proposes_the_legal_break_too(minor, client_for):
    url = reverse("internships:makeup-create", args=[minor.placement.pk])
    client = client_for(minor.supervisor)

    first = client.get(url)
    shown = {"breaks_proposed": "12:00-13:00", "break_0_start": "12:00", "break_0_end": "13:00"}
    morning = refresh(client, url, start_time="08:00", end_time="13:30", **shown)

    assert breaks_shown(first.context["form"]) == [("12:00", "13:00")]
    assert breaks_shown(morning.context["form"]) == [("12:00", "12:30")]


def test_the_form_without_a_pupil_takes_the_stricter_rules_of_a_minor():
    form = PeriodForm(initial={"start_time": "08:00", "end_time": "16:30"})
    assert breaks_shown(form) == [("12:00", "13:00")]
