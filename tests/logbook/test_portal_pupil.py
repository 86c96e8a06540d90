"""The pupil keeps the logbook through their link: writes and edits their own entries only, on
a placement that started, about days and weeks of it, and the reflection afterwards."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from internships.models import Activity, Placement
from logbook.models import LogbookEntry
from tests.factories import ActivityFactory, ActivityListFactory, PlacementFactory, StudentFactory
from tests.logbook.factories import LogbookCommentFactory, LogbookEntryFactory

pytestmark = pytest.mark.django_db


def create_url(placement: Placement) -> str:
    return reverse("logbook:portal-entry-create", args=[placement.pk])


def entry_data(day: datetime.date, **overrides) -> dict:
    return {
        "kind": LogbookEntry.Kind.DAY,
        "date": day.isoformat(),
        "work_done": "Ik heb drie bewoners geholpen bij het ontbijt.",
        "experiences": "Ik was zenuwachtig, maar het ging vlot.",
        "feeling": LogbookEntry.Feeling.GOOD,
        "self_evaluation": "Ik vroeg op tijd hulp.",
        "strengths": "Vriendelijk en geduldig.",
        "points_to_work_on": "Sneller werken.",
        **overrides,
    }


def errors_of(response) -> str:
    form = response.context["form"]
    return " ".join(message for errors in form.errors.values() for message in errors)


def test_the_pupil_writes_an_entry_and_finds_it_in_the_logbook(running, pupil_client):
    today = timezone.localdate()

    response = pupil_client.post(create_url(running), entry_data(today))

    entry = LogbookEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#entry-{entry.pk}")
    assert (entry.placement, entry.date, entry.feeling) == (running, today, "good")
    page = pupil_client.get(reverse("logbook:portal", args=[running.pk])).content.decode()
    assert "Ik heb drie bewoners geholpen bij het ontbijt." in page
    assert "het ging goed" in page
    assert "Nieuwe notitie" in page


def test_the_history_names_the_pupil_through_their_link(running, pupil_client):
    pupil_client.post(create_url(running), entry_data(timezone.localdate()))

    record = LogbookEntry.objects.get().history.get()
    assert record.history_type == "+"
    assert "Lotte Leerling Alfa" in record.history_change_reason


def test_the_pupil_picks_lines_of_their_own_activity_list(running, pupil_client):
    activity_list = ActivityListFactory(placement=running)
    bed = ActivityFactory(activity_list=activity_list, description="Een bed opmaken")
    forbidden = ActivityFactory(
        activity_list=activity_list,
        description="Medicatie toedienen",
        permission=Activity.Permission.MAY_NOT,
    )
    elsewhere = ActivityFactory(description="Van een andere leerling")

    form_page = pupil_client.get(create_url(running)).content.decode()
    assert "Een bed opmaken" in form_page and "Medicatie toedienen" not in form_page

    today = timezone.localdate()
    for stranger in (forbidden, elsewhere):
        response = pupil_client.post(
            create_url(running), entry_data(today, activities=[stranger.pk])
        )
        assert response.status_code == 200 and "activities" in response.context["form"].errors
    pupil_client.post(create_url(running), entry_data(today, activities=[bed.pk]))

    assert list(LogbookEntry.objects.get().activities.all()) == [bed]


def test_a_week_entry_is_filed_under_its_monday(running, pupil_client):
    today = timezone.localdate()

    pupil_client.post(create_url(running), entry_data(today, kind="week"))

    assert LogbookEntry.objects.get().date == today - datetime.timedelta(days=today.weekday())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date_offset": 1}, "Deze datum ligt in de toekomst."),
        ({"date_offset": -30}, "Deze dag valt buiten je stage"),
        (
            {"work_done": "", "experiences": "", "self_evaluation": "", "strengths": "",
             "points_to_work_on": ""},
            "Schrijf iets in je notitie",
        ),
    ],
)  # fmt: skip
def test_the_entry_must_be_about_a_day_of_the_placement_and_say_something(
    running, pupil_client, change, message
):
    change = dict(change)
    day = timezone.localdate() + datetime.timedelta(days=change.pop("date_offset", 0))

    response = pupil_client.post(create_url(running), entry_data(day, **change))

    assert response.status_code == 200
    assert message in errors_of(response) + str(response.context["form"].non_field_errors())
    assert not LogbookEntry.objects.exists()


def test_one_entry_per_day(running, pupil_client):
    today = timezone.localdate()
    pupil_client.post(create_url(running), entry_data(today))

    response = pupil_client.post(create_url(running), entry_data(today, work_done="Nog eens"))

    assert "Over deze dag staat er al een notitie" in str(response.context["form"].errors)
    assert LogbookEntry.objects.count() == 1


def test_the_logbook_opens_when_the_placement_starts(school_a, pupil_client):
    placement = school_a.placement  # in preparation
    response = pupil_client.get(create_url(placement))
    assert "Je logboek gaat open zodra je stage gestart is." in response.content.decode()

    response = pupil_client.post(create_url(placement), entry_data(placement.start_date))

    assert response.status_code == 200
    assert "Je logboek gaat open" in str(response.context["form"].non_field_errors())
    assert not LogbookEntry.objects.exists()


def test_the_reflection_after_the_internship(running, pupil_client):
    Placement.objects.filter(pk=running.pk).update(status=Placement.Status.COMPLETED)
    form_page = pupil_client.get(create_url(running) + "?kind=reflection")
    assert form_page.context["form"]["kind"].value() == "reflection"

    pupil_client.post(
        create_url(running),
        entry_data(timezone.localdate(), kind="reflection", work_done="Ik leerde plannen."),
    )

    entry = LogbookEntry.objects.get()
    assert entry.is_reflection
    page = pupil_client.get(reverse("logbook:portal", args=[running.pk])).content.decode()
    assert "Reflectie na de stage" in page


def test_the_pupil_edits_an_entry_that_has_comments_and_every_version_is_kept(
    running, pupil_client, mentor_client
):
    entry = LogbookEntryFactory(placement=running, work_done="Eerste versie")
    LogbookCommentFactory(entry=entry, text="Schrijf wat meer over de bewoners.")
    url = reverse("logbook:portal-entry-update", args=[running.pk, entry.pk])
    data = entry_data(entry.date, work_done="Tweede versie, met meer uitleg")
    assert "Er staat al commentaar bij deze notitie" in pupil_client.get(url).content.decode()

    response = pupil_client.post(url, data)

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.work_done == "Tweede versie, met meer uitleg"
    assert entry.comments.count() == 1
    versions = [record.work_done for record in entry.history.order_by("history_date")]
    assert versions == ["Eerste versie", "Tweede versie, met meer uitleg"]
    assert "Lotte Leerling Alfa" in entry.history.latest().history_change_reason


def test_changing_only_the_activity_lines_is_a_version_with_those_lines(running, pupil_client):
    bed = ActivityFactory(activity_list=ActivityListFactory(placement=running))
    entry = LogbookEntryFactory(placement=running)
    url = reverse("logbook:portal-entry-update", args=[running.pk, entry.pk])
    data = entry_data(entry.date, work_done=entry.work_done, experiences=entry.experiences)
    pupil_client.post(url, {**data, "activities": [bed.pk]})

    latest = entry.history.latest()
    assert [line.activity_id for line in latest.activities.all()] == [bed.pk]
    assert entry.history.count() == 2


def test_the_pupil_never_reaches_another_pupils_logbook(school_a, running, pupil_client):
    other = PlacementFactory(
        student=StudentFactory(school=school_a.school), status=Placement.Status.STARTED
    )
    foreign = LogbookEntryFactory(placement=other)
    own_with_foreign_entry = reverse("logbook:portal-entry-update", args=[running.pk, foreign.pk])

    assert pupil_client.get(reverse("logbook:portal", args=[other.pk])).status_code == 404
    assert pupil_client.get(create_url(other)).status_code == 404
    assert pupil_client.post(own_with_foreign_entry, entry_data(foreign.date)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.work_done.startswith("Vandaag hielp ik")


def test_the_pupil_cannot_comment(running, pupil_client):
    entry = LogbookEntryFactory(placement=running)
    url = reverse("logbook:portal-comment-create", args=[running.pk, entry.pk])

    assert pupil_client.post(url, {"text": "Ik vind het zelf goed"}).status_code == 403
    assert not entry.comments.exists()
