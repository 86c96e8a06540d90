"""The change history says what changed, old → new, in words a person reads (issue 11.10)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from internships.models import Placement
from internships.selectors.history import history_rows
from tests.factories import MentorFactory

pytestmark = pytest.mark.django_db


def placement_page(client, placement) -> str:
    response = client.get(reverse("internships:placement-detail", args=[placement.pk]))
    assert response.status_code == 200
    return response.content.decode()


def change(placement, user, **values) -> None:
    for name, value in values.items():
        setattr(placement, name, value)
    placement._history_user = user
    placement.save()


def test_it_shows_status_end_date_and_mentor_old_to_new(school_a, client_for):
    placement = school_a.placement
    placement.end_date = datetime.date(2027, 3, 26)
    placement.save()
    new_mentor = MentorFactory(host=placement.host, first_name="Nieuwe", last_name="Mentor")
    old_mentor = str(placement.mentor)

    change(
        placement,
        school_a.coordinator,
        status=Placement.Status.STARTED,
        end_date=datetime.date(2027, 4, 2),
        mentor=new_mentor,
    )
    page = placement_page(client_for(school_a.coordinator), placement)

    assert f"Gewijzigd door {school_a.coordinator}" in page
    assert "Status: in voorbereiding → lopend" in page
    assert "Einddatum: 26 maart 2027 → 2 april 2027" in page
    assert f"Stagementor: {old_mentor} → Nieuwe Mentor" in page


def test_it_shows_the_moment_of_a_row_in_dutch(school_a):
    placement = school_a.placement
    change(placement, school_a.coordinator, notes="Eerste week goed verlopen")
    placement.history.filter(history_type="~").update(
        history_date=datetime.datetime(2026, 12, 3, 13, 5, tzinfo=datetime.UTC)
    )

    newest = history_rows(placement.history.all())[0]

    assert newest.kind == "changed"
    assert newest.when_display == "3 dec 2026 14:05"  # Django's Dutch "N"
    assert [(c.label, c.old, c.new) for c in newest.changes] == [
        ("Notities", "—", "Eerste week goed verlopen")
    ]


def test_a_creation_row_has_no_changes_list(school_a, client_for):
    placement = school_a.placement

    rows = history_rows(placement.history.all())
    page = placement_page(client_for(school_a.coordinator), placement)

    assert [row.kind for row in rows] == ["created"]
    assert rows[0].changes == []
    assert "history-changes" not in page


def test_it_never_shows_a_national_number(school_a):
    pupil = school_a.pupil
    pupil.national_number = "05031512339"
    pupil.save()
    pupil.national_number = "05031512438"
    pupil.save()

    changes = [c for row in history_rows(pupil.history.all()) for c in row.changes]

    national = [c for c in changes if c.label == "Rijksregisternummer"]
    assert national and all(c.hidden and c.old == c.new == "" for c in national)
    assert not any("123" in c.old + c.new or "124" in c.old + c.new for c in changes)


def test_it_shows_no_technical_fields(school_a):
    placement = school_a.placement
    change(placement, school_a.coordinator, notes="Iets")

    labels = {c.label for row in history_rows(placement.history.all()) for c in row.changes}

    assert labels == {"Notities"}


def test_it_reads_at_most_one_older_record_than_it_shows(school_a):
    placement = school_a.placement
    for number in range(25):
        change(placement, school_a.coordinator, notes=f"Versie {number}")

    rows = history_rows(placement.history.all(), limit=20)

    assert len(rows) == 20
    assert rows[-1].changes[0].old == "Versie 4"
    assert rows[-1].changes[0].new == "Versie 5"


def page_queries(client, placement) -> int:
    with CaptureQueriesContext(connection) as captured:
        placement_page(client, placement)
    return len(captured)


@pytest.mark.usefixtures("uncached_pages")
def test_the_page_reads_as_many_queries_with_2_or_6_history_rows(school_a, client_for):
    placement = school_a.placement
    client = client_for(school_a.coordinator)
    mentors = [school_a.mentor, MentorFactory(host=placement.host)]
    page_queries(client, placement)  # fills the session

    def grow(rows: int) -> None:
        for _ in range(rows):
            count = placement.history.count()
            change(
                placement,
                school_a.supervisor,
                mentor=mentors[count % 2],
                end_date=placement.end_date + datetime.timedelta(days=1),
                status=[Placement.Status.PREPARING, Placement.Status.STARTED][count % 2],
            )

    grow(1)
    few = page_queries(client, placement)
    grow(4)
    many = page_queries(client, placement)

    assert placement.history.count() == 6
    assert few == many
