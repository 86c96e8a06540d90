"""The reminders: agreements unsigned before the start, and how beat and the command run them."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from internships.models import Notification, Placement
from internships.periodic import for_every_school, send_agreement_reminders
from internships.services.reminders import agreement_reminders_send
from stagebeheer.celery import app

pytestmark = pytest.mark.django_db


def starting_in(world, days: int) -> Placement:
    placement = world.placement
    start = timezone.localdate() + datetime.timedelta(days=days)
    Placement.objects.filter(pk=placement.pk).update(
        start_date=start, end_date=start + datetime.timedelta(days=10)
    )
    placement.refresh_from_db()
    return placement


def test_an_unsigned_agreement_five_days_before_the_start_is_reported_once(
    school_a, django_capture_on_commit_callbacks
):
    starting_in(school_a, 4)

    with django_capture_on_commit_callbacks(execute=True):
        first = agreement_reminders_send(school=school_a.school, today=timezone.localdate())
        again = agreement_reminders_send(school=school_a.school, today=timezone.localdate())

    assert len(first) == 1 and again == []
    [message] = mail.outbox
    assert message.to == [school_a.supervisor.email]
    assert "er is nog geen overeenkomst" in message.body
    assert first[0].kind == Notification.Kind.AGREEMENT_UNSIGNED


def test_a_start_further_away_is_not_reported_yet(school_a):
    starting_in(school_a, 12)

    assert agreement_reminders_send(school=school_a.school, today=timezone.localdate()) == []


def test_the_task_runs_in_the_schools_scope(school_a, school_b):
    starting_in(school_a, 3)

    result = send_agreement_reminders.apply(kwargs={"school_id": school_a.school.pk})

    assert result.get() == 1


def test_beat_queues_a_task_for_every_school(
    school_a, school_b, django_capture_on_commit_callbacks
):
    starting_in(school_a, 3)
    starting_in(school_b, 3)

    with django_capture_on_commit_callbacks(execute=True):
        count = for_every_school.apply(args=["internships.periodic.send_agreement_reminders"]).get()

    assert count == 2
    assert Notification.objects.filter(kind=Notification.Kind.AGREEMENT_UNSIGNED).count() == 2


def test_the_command_runs_every_reminder_for_every_school(school_a, school_b):
    starting_in(school_a, 2)
    out = StringIO()

    call_command("send_reminders", stdout=out)

    assert "Herinneringen verstuurd voor 2 scholen." in out.getvalue()
    assert Notification.objects.filter(kind=Notification.Kind.AGREEMENT_UNSIGNED).exists()


def test_the_beat_schedule_runs_each_reminder(settings):

    app.loader.import_default_modules()
    schedule = app.conf.beat_schedule

    assert set(schedule) == set(settings.REMINDER_TASKS)
    for name, entry in schedule.items():
        assert entry["task"] == "internships.periodic.for_every_school"
        assert entry["args"] == [name]
        assert name in app.tasks
