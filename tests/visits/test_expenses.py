"""The monthly travel expense report of a supervisor (7.2): lines, amounts, page and CSV."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.principals import StaffMember
from internships.models import Visit
from tests.factories import PlacementFactory, VisitFactory, WorkplaceFactory
from tests.visits.factories import SchoolLocationFactory
from tests.visits.fixtures import ADDRESSES, SCHOOL, split
from visits.providers import haversine_km
from visits.selectors import expense_report, expense_report_for
from visits.selectors.expenses import KmSource, line_amount

pytestmark = pytest.mark.django_db

OCTOBER = datetime.date(2026, 10, 1)
NINOVE = ADDRESSES["Markt 1, 9400 Ninove, België"]


@pytest.fixture
def month(school_a, settings):
    """School A's supervisor in October: the world's visit with 23.4 km recorded, a visit at a
    workplace in Ninove whose round trip is computed, and a phone call."""
    settings.VISITS_ROUTING = ""
    settings.VISITS_ROAD_FACTOR = 1.3
    Visit.objects.filter(pk=school_a.visit.pk).update(distance_km=Decimal("23.4"))
    SchoolLocationFactory(
        school=school_a.school,
        latitude=Decimal(str(SCHOOL.latitude)),
        longitude=Decimal(str(SCHOOL.longitude)),
    )
    workplace = WorkplaceFactory(
        host=school_a.host,
        name="Afdeling Ninove",
        latitude=Decimal(str(NINOVE.latitude)),
        longitude=Decimal(str(NINOVE.longitude)),
        **split("Markt 1, 9400 Ninove, België"),
    )
    ninove = PlacementFactory(
        student__school=school_a.school,
        host=school_a.host,
        workplace=workplace,
        supervisor=school_a.supervisor,
        start_date=datetime.date(2026, 10, 12),
        end_date=datetime.date(2026, 10, 16),
    )
    computed = VisitFactory(placement=ninove, date=datetime.date(2026, 10, 14))
    call = VisitFactory(placement=ninove, date=datetime.date(2026, 10, 15), kind=Visit.Kind.PHONE)
    # Not in the report: planned, another month, a colleague's.
    VisitFactory(placement=ninove, date=datetime.date(2026, 10, 16), status=Visit.Status.PLANNED)
    VisitFactory(placement=ninove, date=datetime.date(2026, 11, 2), status=Visit.Status.DONE)
    VisitFactory(placement=school_a.other_placement, date=datetime.date(2026, 10, 8))
    return school_a.visit, computed, call


def round_trip() -> Decimal:
    one_way = haversine_km(SCHOOL, NINOVE) * 1.3
    return Decimal(str(2 * one_way)).quantize(Decimal("0.1"))


class TestReport:
    def test_every_visit_of_the_month_with_its_kilometres_and_amount(self, school_a, month):
        recorded, computed, call = month

        report = expense_report(supervisor=school_a.supervisor, month=OCTOBER)

        assert [line.visit for line in report.lines] == [recorded, computed, call]
        assert [line.km_source for line in report.lines] == [
            KmSource.RECORDED,
            KmSource.COMPUTED,
            KmSource.NO_TRAVEL,
        ]
        first, second, third = report.lines
        assert (first.km, first.amount) == (Decimal("23.4"), Decimal("10.12"))
        assert second.km == round_trip()
        assert second.amount == line_amount(
            round_trip(), rate=Decimal("0.4326"), reduction_percent=0
        )
        assert (third.km, third.amount) == (Decimal("0.0"), Decimal("0.00"))
        assert report.total_km == Decimal("23.4") + round_trip()
        assert report.total_amount == first.amount + second.amount
        assert report.month_label == "oktober 2026"

    def test_the_school_boards_reduction_of_10_percent(self, school_a, month):
        school = school_a.school
        school.mileage_reduction_percent = 10
        school.save()

        report = expense_report(supervisor=school_a.supervisor, month=OCTOBER)

        assert report.lines[0].amount == Decimal("9.11")  # 23.4 × 0.4326 × 0.9 = 9.1106
        assert report.has_reduction

    @pytest.mark.parametrize(
        ("km", "rate", "percent", "amount"),
        [
            ("100.0", "0.4326", 0, "43.26"),
            ("100.0", "0.4326", 10, "38.93"),  # 38.934
            ("12.5", "0.4000", 5, "4.75"),
            ("0.0", "0.4326", 10, "0.00"),
        ],
    )
    def test_line_amounts(self, km, rate, percent, amount):
        assert line_amount(Decimal(km), rate=Decimal(rate), reduction_percent=percent) == Decimal(
            amount
        )

    def test_an_on_site_visit_without_kilometres_or_coordinates_is_unknown(self, school_a):
        report = expense_report(supervisor=school_a.supervisor, month=OCTOBER)

        (line,) = report.lines
        assert line.km_source == KmSource.UNKNOWN and report.has_unknown_km

    def test_a_supervisor_cannot_ask_for_a_colleagues_report(self, school_a):
        with pytest.raises(Http404):
            expense_report_for(
                StaffMember.of(school_a.other_supervisor),
                supervisor=school_a.supervisor,
                month=OCTOBER,
            )


def params(school_a) -> dict:
    return {"maand": "2026-10", "begeleider": school_a.supervisor.pk}


class TestPages:
    def test_the_supervisor_sees_their_own_report(self, school_a, client_for, month):
        response = client_for(school_a.supervisor).get(reverse("visits:expenses"), params(school_a))

        content = response.content.decode()
        assert response.status_code == 200
        assert response.context["report"].supervisor == school_a.supervisor
        assert "Verplaatsingskosten oktober 2026" in content
        assert "10,12" in content
        assert reverse("documents:travel-expenses-request") in content

    def test_the_coordinator_sees_anyones_of_the_school(self, school_a, client_for, month):
        response = client_for(school_a.coordinator).get(
            reverse("visits:expenses"), params(school_a)
        )

        assert response.status_code == 200
        assert len(response.context["report"].lines) == 3

    @pytest.mark.parametrize("who", ["other_supervisor", "outsider"])
    def test_nobody_else_sees_it(self, school_a, school_b, client_for, month, who):
        user = school_a.other_supervisor if who == "other_supervisor" else school_b.coordinator

        for name in ("visits:expenses", "visits:expenses-csv"):
            response = client_for(user).get(reverse(name), params(school_a))
            assert response.status_code == 404

    def test_without_a_choice_the_current_month_of_the_user(self, school_a, client_for):
        response = client_for(school_a.supervisor).get(reverse("visits:expenses"))

        report = response.context["report"]
        assert report.supervisor == school_a.supervisor
        assert report.month == datetime.date.today().replace(day=1)

    def test_the_csv_download(self, school_a, client_for, month):
        response = client_for(school_a.supervisor).get(
            reverse("visits:expenses-csv"), params(school_a)
        )

        body = response.content.decode("utf-8")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == (
            'attachment; filename="verplaatsingen-begeleider-alfa-2026-10.csv"'
        )
        assert body.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
        assert rows[0] == [
            "Datum",
            "Leerling",
            "Stagegever",
            "Stageplaats",
            "Adres stageplaats",
            "Soort bezoek",
            "Kilometers",
            "Bron kilometers",
            "Tarief per km (EUR)",
            "Vermindering (%)",
            "Bedrag (EUR)",
        ]
        assert rows[1][0] == school_a.visit.date.strftime("%d/%m/%Y")
        assert rows[1][1] == school_a.pupil.full_name
        assert rows[1][6:] == ["23,4", "opgegeven", "0,4326", "0", "10,12"]
        assert rows[3][5:8] == ["telefonisch", "0,0", "geen verplaatsing"]
        total = Decimal("10.12") + line_amount(
            round_trip(), rate=Decimal("0.4326"), reduction_percent=0
        )
        assert rows[-1][0] == "Totaal"
        assert rows[-1][-1] == f"{total:.2f}".replace(".", ",")


def test_the_report_page_takes_a_fixed_number_of_queries(
    school_a, client_for, month, django_assert_num_queries
):
    client = client_for(school_a.supervisor)
    client.get(reverse("visits:expenses"), params(school_a))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("visits:expenses"), params(school_a))
    _recorded, computed, _call = month
    for day in (12, 13, 16):
        VisitFactory(placement=computed.placement, date=datetime.date(2026, 10, day))

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("visits:expenses"), params(school_a))

    assert len(response.context["report"].lines) == 6
