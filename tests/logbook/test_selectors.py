"""The logbook's reads for other apps: to-dos per principal, the week's new entries, the portal
card per link holder and the dossier section; and the services' own checks of who writes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.principals import Anonymous, ApiClient, Principal, UnknownPrincipal
from internships.models import Placement, Student
from logbook import selectors, services
from logbook.models import LogbookComment, LogbookEntry
from tests.factories import PlacementFactory, StudentFactory
from tests.factories.principals import (
    guardian_link,
    mentor_link,
    principal_of,
    pupil_link,
    staff,
)
from tests.logbook.factories import LogbookCommentFactory, LogbookEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def principals(school_a) -> dict[str, Principal]:
    return {
        "pupil": principal_of(pupil_link(school_a.pupil)),
        "mentor": principal_of(mentor_link(school_a.mentor)),
        "guardian": principal_of(guardian_link(school_a.guardian)),
        "supervisor": staff(school_a.supervisor),
    }


def backdate(entry: LogbookEntry, days: int) -> None:
    LogbookEntry.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_pupil_is_asked_to_write_after_a_week_without_an_entry(running, principals):
    pupil = principals["pupil"]
    todos = selectors.todos_for(pupil)
    assert [todo.url for todo in todos] == [
        reverse("logbook:portal-entry-create", args=[running.pk])
    ]
    assert "Woonzorgcentrum Alfa" in todos[0].text

    entry = LogbookEntryFactory(placement=running)
    assert selectors.todos_for(pupil) == []

    backdate(entry, 8)
    assert len(selectors.todos_for(pupil)) == 1


def test_after_the_internship_the_pupil_is_asked_for_the_reflection(running, principals):
    today = timezone.localdate()
    Placement.objects.filter(pk=running.pk).update(
        status=Placement.Status.COMPLETED, end_date=today - datetime.timedelta(days=2)
    )
    todos = selectors.todos_for(principals["pupil"])
    assert [todo.text for todo in todos] == [
        "Schrijf je reflectie na de stage bij Woonzorgcentrum Alfa (8.3)"
    ]
    assert todos[0].url.endswith("?kind=reflection")

    LogbookEntryFactory(placement=running, kind=LogbookEntry.Kind.REFLECTION, date=today)
    assert selectors.todos_for(principals["pupil"]) == []


def test_the_mentor_is_asked_for_feedback_on_uncommented_entries(school_a, running, principals):
    first = LogbookEntryFactory(placement=running, date=running.start_date)
    LogbookEntryFactory(placement=running, date=running.start_date + datetime.timedelta(days=1))
    LogbookEntryFactory(placement=school_a.other_placement)  # ended long ago: no feedback asked

    todos = selectors.todos_for(principals["mentor"])
    assert [todo.text for todo in todos] == [
        "Geef feedback op 2 logboeknotities van Lotte Leerling Alfa"
    ]
    assert todos[0].url == reverse("logbook:portal", args=[running.pk])

    LogbookCommentFactory(entry=first)
    assert [todo.text for todo in selectors.todos_for(principals["mentor"])] == [
        "Geef feedback op 1 logboeknotitie van Lotte Leerling Alfa"
    ]


def test_the_supervisor_sees_the_entries_since_their_last_comment(school_a, running, principals):
    supervisor = principals["supervisor"]
    old = LogbookEntryFactory(placement=running, date=running.start_date)
    backdate(old, 3)
    assert [todo.text for todo in selectors.todos_for(supervisor)] == [
        "Nieuwe logboeknotitie van Lotte Leerling Alfa"
    ]

    comment = LogbookCommentFactory(entry=old, author_mentor=None, author_user=school_a.supervisor)
    LogbookComment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert selectors.todos_for(supervisor) == []

    LogbookEntryFactory(placement=running, date=running.start_date + datetime.timedelta(days=1))
    LogbookEntryFactory(placement=running, date=running.start_date + datetime.timedelta(days=2))
    todos = selectors.todos_for(supervisor)
    assert [todo.text for todo in todos] == ["2 nieuwe logboeknotities van Lotte Leerling Alfa"]
    assert todos[0].url == reverse("logbook:placement", args=[running.pk])
    assert selectors.todos_for(staff(school_a.other_supervisor)) == []


def test_guardians_and_others_have_no_logbook_todos(running, principals, school_a):
    LogbookEntryFactory(placement=running)

    assert selectors.todos_for(principals["guardian"]) == []
    assert selectors.todos_for(Anonymous()) == []
    assert (
        selectors.todos_for(ApiClient(token_id=1, school_id=school_a.school.pk, scopes=frozenset()))
        == []
    )
    with pytest.raises(UnknownPrincipal):
        selectors.todos_for(object())


def test_new_entries_since_a_day(school_a, running, principals):
    recent = LogbookEntryFactory(placement=running, date=running.start_date)
    older = LogbookEntryFactory(
        placement=running, date=running.start_date + datetime.timedelta(days=1)
    )
    backdate(older, 10)
    LogbookEntryFactory(placement=school_a.other_placement)  # supervised by the coordinator
    since = timezone.localdate() - datetime.timedelta(days=6)

    assert list(selectors.new_entries(principals["supervisor"], since=since)) == [recent]
    assert list(selectors.new_entries(staff(school_a.other_supervisor), since=since)) == []
    assert list(selectors.new_entries(staff(school_a.coordinator), since=since)) == [
        school_a.other_placement.logbook_entries.get()
    ]
    assert list(selectors.new_entries(principals["pupil"], since=since)) == [recent]
    assert selectors.new_entries(Anonymous(), since=timezone.now()).count() == 0


def test_the_guardian_of_an_adult_reads_no_logbook(school_a, running, principals):
    LogbookEntryFactory(placement=running)
    guardian = principals["guardian"]
    assert selectors.logbook_entries_visible_to(guardian).count() == 1

    Student.objects.filter(pk=school_a.pupil.pk).update(birth_date=datetime.date(2000, 1, 1))

    assert selectors.logbook_entries_visible_to(guardian).count() == 0


def render_portal_card(principal: Principal, placement: Placement) -> str:
    request = RequestFactory().get("/")
    request.principal = principal
    template = Template("{% load logbook_tags %}{% portal_logbook placement %}")
    return template.render(Context({"request": request, "placement": placement}))


def test_the_portal_card_speaks_to_each_link_holder(school_a, running, principals):
    entry = LogbookEntryFactory(placement=running)

    pupil_card = render_portal_card(principals["pupil"], running)
    mentor_card = render_portal_card(principals["mentor"], running)
    guardian_card = render_portal_card(principals["guardian"], running)

    assert "Schrijf in je logboek" in pupil_card and "Je schreef 1 notitie." in pupil_card
    assert "1 notitie wacht op uw feedback." in mentor_card
    assert f"#entry-{entry.pk}" in mentor_card
    assert "1 notitie in het logboek van uw kind." in guardian_card
    assert "Schrijf" not in guardian_card

    Student.objects.filter(pk=school_a.pupil.pk).update(birth_date=datetime.date(2000, 1, 1))
    assert render_portal_card(principals["guardian"], running).strip() == ""
    assert render_portal_card(staff(school_a.supervisor), running).strip() == ""


def test_the_pupils_card_asks_for_the_reflection_when_the_placement_is_completed(
    running, principals
):
    Placement.objects.filter(pk=running.pk).update(status=Placement.Status.COMPLETED)
    running.refresh_from_db()

    card = render_portal_card(principals["pupil"], running)

    assert "Schrijf je reflectie na de stage" in card and "?kind=reflection" in card


def test_the_dossier_section_lists_every_entry_with_its_comments_oldest_first(school_a, running):
    later = LogbookEntryFactory(
        placement=running,
        date=running.start_date + datetime.timedelta(days=3),
        work_done="Tweede week",
    )
    first = LogbookEntryFactory(placement=running, work_done="Eerste dag")
    LogbookCommentFactory(entry=first, text="Mooie start")
    LogbookCommentFactory(
        entry=first, author_mentor=None, author_user=school_a.supervisor, text="Akkoord"
    )

    entries = selectors.dossier_logbook(running)
    html = render_to_string("logbook/dossier.html", {"entries": entries})

    assert entries == [first, later]
    assert html.index("Eerste dag") < html.index("Mooie start") < html.index("Tweede week")
    assert "Mentor Alfa" in html and "(stagebegeleider," in html
    assert "het ging goed" in html


def test_an_empty_dossier_section_says_so():
    html = render_to_string("logbook/dossier.html", {"entries": []})

    assert "De leerling schreef niets in het registratiedocument." in html


def test_the_services_check_the_writer_again(school_a, running, principals):
    other_pupil = principal_of(pupil_link(StudentFactory(school=school_a.school)))
    view_only = principal_of(pupil_link(school_a.pupil, capabilities=["view"]))
    arguments = {"placement": running, "kind": "day", "date": running.start_date, "work_done": "x"}

    for principal in (other_pupil, view_only, principals["mentor"], principals["supervisor"]):
        with pytest.raises(PermissionDenied):
            services.logbook_entry_create(principal=principal, **arguments)
    entry = services.logbook_entry_create(principal=principals["pupil"], **arguments)
    with pytest.raises(PermissionDenied):
        services.logbook_entry_update(entry=entry, principal=other_pupil, data={"work_done": "y"})


def test_the_services_check_the_commenter_again(school_a, running, principals):
    entry = LogbookEntryFactory(placement=running)
    other_mentor = principal_of(
        mentor_link(PlacementFactory(student__school=school_a.school).mentor)
    )

    for principal in (other_mentor, principals["pupil"], staff(school_a.other_supervisor)):
        with pytest.raises(PermissionDenied):
            services.logbook_comment_create(entry=entry, principal=principal, text="x")
    comment = services.logbook_comment_create(
        entry=entry, principal=principals["mentor"], text="Goed"
    )
    with pytest.raises(PermissionDenied):
        services.logbook_comment_update(
            comment=comment, principal=principals["supervisor"], text="Anders"
        )
    with pytest.raises(ValidationError):
        services.logbook_comment_update(comment=comment, principal=principals["mentor"], text="")


def test_a_comment_has_exactly_one_author(running, school_a):
    entry = LogbookEntryFactory(placement=running)

    for authors in ({}, {"author_mentor": school_a.mentor, "author_user": school_a.supervisor}):
        with pytest.raises(ValidationError, match="één auteur"):
            LogbookComment(entry=entry, text="x", **authors).full_clean()
