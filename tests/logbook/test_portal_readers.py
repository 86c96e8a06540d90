"""The mentor comments on their interns' logbooks; the guardian of a minor reads; links that no
longer work get the portal's friendly page; the pages' queries do not grow with the entries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from internships.models import Student
from logbook.models import LogbookComment
from tests.factories import ActivityFactory, ActivityListFactory
from tests.factories.principals import expired, link_client, mentor_link, pupil_link, revoked
from tests.logbook.factories import LogbookCommentFactory, LogbookEntryFactory

pytestmark = pytest.mark.django_db


def logbook_url(placement) -> str:
    return reverse("logbook:portal", args=[placement.pk])


def test_the_mentor_reads_and_comments_and_the_comment_names_them(
    running, mentor_client, pupil_client
):
    entry = LogbookEntryFactory(placement=running, work_done="Bedden opgemaakt")
    page = mentor_client.get(logbook_url(running)).content.decode()
    assert "Bedden opgemaakt" in page and "Commentaar plaatsen" in page

    response = mentor_client.post(
        reverse("logbook:portal-comment-create", args=[running.pk, entry.pk]),
        {"text": "Netjes gewerkt, let op je rug."},
    )

    comment = LogbookComment.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#entry-{entry.pk}")
    assert (comment.author_mentor, comment.author_user) == (running.mentor, None)
    assert "Mentor Alfa" in comment.history.get().history_change_reason
    pupil_page = pupil_client.get(logbook_url(running)).content.decode()
    assert "Netjes gewerkt, let op je rug." in pupil_page
    assert "Mentor Alfa" in pupil_page and "stagementor" in pupil_page


def test_an_empty_comment_is_refused(running, mentor_client):
    entry = LogbookEntryFactory(placement=running)

    response = mentor_client.post(
        reverse("logbook:portal-comment-create", args=[running.pk, entry.pk]),
        {"text": "  "},
        follow=True,
    )

    assert not LogbookComment.objects.exists()
    assert "Dit veld is verplicht." in response.content.decode()


def test_another_mentor_never_sees_the_intern_logbook(running, other_mentor_client):
    entry = LogbookEntryFactory(placement=running)
    comment = LogbookCommentFactory(entry=entry)

    assert other_mentor_client.get(logbook_url(running)).status_code == 404
    assert (
        other_mentor_client.post(
            reverse("logbook:portal-comment-create", args=[running.pk, entry.pk]), {"text": "x"}
        ).status_code
        == 404
    )
    assert (
        other_mentor_client.get(
            reverse("logbook:portal-comment-update", args=[running.pk, comment.pk])
        ).status_code
        == 404
    )
    assert LogbookComment.objects.count() == 1


def test_the_mentor_edits_their_own_comment_only(school_a, running, mentor_client):
    entry = LogbookEntryFactory(placement=running)
    own = LogbookCommentFactory(entry=entry, text="Eerste indruk")
    supervisors = LogbookCommentFactory(
        entry=entry, author_mentor=None, author_user=school_a.supervisor, text="Van school"
    )

    response = mentor_client.post(
        reverse("logbook:portal-comment-update", args=[running.pk, own.pk]),
        {"text": "Bijgestuurde indruk"},
    )
    refused = mentor_client.post(
        reverse("logbook:portal-comment-update", args=[running.pk, supervisors.pk]),
        {"text": "Overschreven"},
    )

    own.refresh_from_db()
    supervisors.refresh_from_db()
    assert response.status_code == 302 and own.text == "Bijgestuurde indruk"
    assert refused.status_code == 403 and supervisors.text == "Van school"
    page = mentor_client.get(logbook_url(running)).content.decode()
    assert page.count(">Aanpassen</a>") == 1


def test_the_guardian_of_a_minor_reads_but_cannot_write(running, guardian_client):
    entry = LogbookEntryFactory(placement=running, work_done="Mijn eerste dag")
    LogbookCommentFactory(entry=entry, text="Welkom in het team")

    page = guardian_client.get(logbook_url(running)).content.decode()
    create = reverse("logbook:portal-entry-create", args=[running.pk])
    update = reverse("logbook:portal-entry-update", args=[running.pk, entry.pk])
    comment = reverse("logbook:portal-comment-create", args=[running.pk, entry.pk])

    assert "Mijn eerste dag" in page and "Welkom in het team" in page
    assert "Nieuwe notitie" not in page and "Commentaar plaatsen" not in page
    assert guardian_client.get(create).status_code == 403
    assert guardian_client.post(update, {"work_done": "Door de ouder"}).status_code == 403
    assert guardian_client.post(comment, {"text": "Goed zo"}).status_code == 403
    assert not LogbookComment.objects.filter(text="Goed zo").exists()


def test_the_guardian_of_an_adult_pupil_gets_404(school_a, running, guardian_client):
    Student.objects.filter(pk=school_a.pupil.pk).update(
        birth_date=datetime.date.today().replace(year=datetime.date.today().year - 19, day=1)
    )
    LogbookEntryFactory(placement=running)

    assert guardian_client.get(logbook_url(running)).status_code == 404


@pytest.mark.parametrize("unusable", [expired, revoked])
def test_an_unusable_link_gets_the_friendly_page(school_a, running, unusable):
    token = f"logbook-unusable-{unusable.__name__}-" + "x" * 30
    link = pupil_link(school_a.pupil, token=token)
    client = link_client(token)
    type(link).objects.filter(pk=link.pk).update(**unusable())

    response = client.get(logbook_url(running))

    assert response.status_code == 403
    assert "Open uw persoonlijke link" in response.content.decode()


def test_a_mentor_link_without_the_capability_cannot_comment(school_a, running):
    token = "logbook-view-only-mentor-" + "v" * 30
    mentor_link(school_a.mentor, token=token, capabilities=["view"])
    client = link_client(token)
    entry = LogbookEntryFactory(placement=running)

    assert client.get(logbook_url(running)).status_code == 200
    response = client.post(
        reverse("logbook:portal-comment-create", args=[running.pk, entry.pk]), {"text": "x"}
    )
    assert response.status_code == 403


def entries_with_comments(placement, count: int) -> None:
    lines = [ActivityFactory(activity_list=placement.activity_list) for _ in range(2)]
    for day in range(count):
        entry = LogbookEntryFactory(
            placement=placement, date=placement.start_date + datetime.timedelta(days=day)
        )
        entry.activities.set(lines)
        LogbookCommentFactory(entry=entry)
        LogbookCommentFactory(entry=entry, author_mentor=None, author_user=placement.supervisor)


@pytest.mark.parametrize("reader", ["pupil_client", "mentor_client", "guardian_client"])
def test_the_portal_logbook_reads_a_constant_number_of_queries(request, running, reader):
    client = request.getfixturevalue(reader)
    ActivityListFactory(placement=running)

    counts = []
    for count in (1, 4):
        entries_with_comments(running, count)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(logbook_url(running)).status_code == 200
        counts.append(len(queries))
        running.logbook_entries.all().delete()

    assert counts[0] == counts[1]
