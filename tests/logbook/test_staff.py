"""The staff's logbook page: the supervisor and the coordinator read a placement's logbook with
its comments and earlier versions, and comment; nobody else of the school, nor another school."""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.principals import StaffMember
from logbook.models import LogbookComment, LogbookEntry
from tests.factories import ActivityFactory, ActivityListFactory
from tests.logbook.factories import LogbookCommentFactory, LogbookEntryFactory

pytestmark = pytest.mark.django_db


def logbook_url(placement) -> str:
    return reverse("logbook:placement", args=[placement.pk])


def edit(entry: LogbookEntry, work_done: str) -> None:
    """The pupil changes the entry ten minutes after writing it."""
    LogbookEntry.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    entry.refresh_from_db()
    entry.work_done = work_done
    entry.save()


def test_the_supervisor_reads_the_logbook_with_its_comments(school_a, running, client_for):
    entry = LogbookEntryFactory(placement=running, work_done="Wondzorg geobserveerd")
    LogbookCommentFactory(entry=entry, text="Goed opgevolgd")

    page = client_for(school_a.supervisor).get(logbook_url(running)).content.decode()

    assert "Wondzorg geobserveerd" in page
    assert "Goed opgevolgd" in page and "Mentor Alfa" in page
    assert "Nog geen commentaar van de stagebegeleider" in page


@pytest.mark.parametrize("author", ["supervisor", "coordinator"])
def test_staff_comment_and_the_comment_names_them(school_a, running, client_for, author):
    user = getattr(school_a, author)
    entry = LogbookEntryFactory(placement=running)

    response = client_for(user).post(
        reverse("logbook:comment-create", args=[running.pk, entry.pk]),
        {"text": "Bespreken we bij het volgende bezoek."},
    )

    comment = LogbookComment.objects.get()
    assert response.status_code == 302
    assert (comment.author_user, comment.author_mentor) == (user, None)
    assert comment.history.get().history_user == user
    role = "stagebegeleider" if author == "supervisor" else "stagecoördinator"
    assert comment.author_role == role
    page = client_for(school_a.supervisor).get(logbook_url(running)).content.decode()
    assert f"{user.get_full_name()} <span" in page and f"({role})" in page


def test_others_get_404(school_a, school_b, running, client_for):
    entry = LogbookEntryFactory(placement=running)

    for user in (school_a.other_supervisor, school_b.coordinator):
        client = client_for(user)
        assert client.get(logbook_url(running)).status_code == 404
        response = client.post(
            reverse("logbook:comment-create", args=[running.pk, entry.pk]), {"text": "x"}
        )
        assert response.status_code == 404
    assert not LogbookComment.objects.exists()


def test_an_entry_of_another_placement_answers_404(school_a, running, client_for):
    foreign = LogbookEntryFactory(placement=school_a.other_placement)

    response = client_for(school_a.supervisor).post(
        reverse("logbook:comment-create", args=[running.pk, foreign.pk]), {"text": "x"}
    )

    assert response.status_code == 404


def test_only_the_author_changes_a_staff_comment(school_a, running, client_for):
    comment = LogbookCommentFactory(
        entry__placement=running, author_mentor=None, author_user=school_a.supervisor
    )
    url = reverse("logbook:comment-update", args=[running.pk, comment.pk])

    refused = client_for(school_a.coordinator).post(url, {"text": "Door de coördinator"})
    done = client_for(school_a.supervisor).post(url, {"text": "Aangevuld"})

    comment.refresh_from_db()
    assert refused.status_code == 403
    assert done.status_code == 302 and comment.text == "Aangevuld"
    assert [record.text for record in comment.history.order_by("history_date")][-1] == "Aangevuld"


def test_the_page_shows_the_earlier_versions_of_an_edited_entry(school_a, running, client_for):
    entry = LogbookEntryFactory(placement=running, work_done="Eerste versie")
    comment = LogbookCommentFactory(entry=entry, text="Wat deed je precies?")
    LogbookComment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    edit(entry, "Tweede versie")

    page = client_for(school_a.supervisor).get(logbook_url(running)).content.decode()

    assert "1 eerdere versie" in page and "Eerste versie" in page and "Tweede versie" in page
    assert "De leerling paste de notitie aan na dit commentaar." in page


def test_the_staff_logbook_reads_a_constant_number_of_queries(school_a, running, client_for):
    client = client_for(school_a.supervisor)
    lines = [ActivityFactory(activity_list=ActivityListFactory(placement=running))]

    counts = []
    for count in (1, 4):
        for day in range(count):
            entry = LogbookEntryFactory(
                placement=running, date=running.start_date + datetime.timedelta(days=day)
            )
            entry.activities.set(lines)
            edit(entry, entry.work_done + " (aangepast)")
            LogbookCommentFactory(entry=entry)
            LogbookCommentFactory(entry=entry, author_mentor=None, author_user=school_a.supervisor)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(logbook_url(running)).status_code == 200
        counts.append(len(queries))
        running.logbook_entries.all().delete()

    assert counts[0] == counts[1]


def render_card(user, placement) -> str:
    request = RequestFactory().get("/")
    request.principal = StaffMember.of(user)
    template = Template("{% load logbook_tags %}{% placement_logbook placement %}")
    return template.render(Context({"request": request, "placement": placement}))


def test_the_placement_card_counts_what_the_supervisor_has_not_commented_on(
    school_a, running, django_assert_num_queries
):
    first = LogbookEntryFactory(placement=running, date=running.start_date)
    LogbookEntryFactory(placement=running, date=running.start_date + datetime.timedelta(days=1))
    LogbookCommentFactory(entry=first, author_mentor=None, author_user=school_a.supervisor)

    with django_assert_num_queries(2):
        card = render_card(school_a.supervisor, running)

    assert "2 notities" in card
    assert "1 nog zonder commentaar van de stagebegeleider" in card
    assert card.count("nieuw</span>") == 1
    assert reverse("logbook:placement", args=[running.pk]) in card


def test_the_placement_card_of_an_empty_logbook(school_a, running):
    card = render_card(school_a.supervisor, running)

    assert "Nog geen notities" in card
