"""Tenancy by mechanism (``core.tenancy``): school-owned rows are only read inside a scope."""

import pytest
from celery import shared_task
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import models
from django.http import HttpResponse
from django_scopes import scope

from core.commands import ScopedCommand
from core.tasks import SchoolTask
from core.tenancy import ScopeError, all_schools, school_scope
from internships.middleware import PrincipalMiddleware
from internships.models import (
    AccessLink,
    Activity,
    Placement,
    School,
    SchoolBoard,
    SchoolYear,
    Signature,
    SignatureRequest,
    Student,
    User,
)
from tests.factories import SignatureFactory, SignatureRequestFactory, ready_version

OUR_APPS = (
    "internships",
    "compliance",
    "documents",
    "evaluations",
    "logbook",
    "attendance",
    "visits",
    "surveys",
    "portal",
    "demo",
)
# Not scoped, each for a reason: sign-in must find a user before any school is known (the
# selectors filter staff by school explicitly), and school years are the same for every school.
UNSCOPED = {User, SchoolYear}


def leads_to_school(model: type[models.Model], depth: int = 4) -> bool:
    if model is School:
        return True
    if depth == 0:
        return False
    return any(
        leads_to_school(field.related_model, depth - 1)
        for field in model._meta.get_fields()
        if field.many_to_one and field.concrete and field.related_model is not None
    )


def school_owned_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
        and not model.__name__.startswith("Historical")
        and (leads_to_school(model) or model in (School, SchoolBoard))
        and model not in UNSCOPED
    ]


@pytest.mark.parametrize("model", school_owned_models(), ids=lambda model: model.__name__)
def test_every_school_owned_model_has_a_scoped_manager(model):
    assert hasattr(model._default_manager, "school_paths"), model


@pytest.mark.parametrize("model", school_owned_models(), ids=lambda model: model.__name__)
def test_an_unscoped_query_raises(db, model):
    with scope():
        for query in (
            lambda: list(model.objects.all()),
            lambda: model.objects.count(),
            lambda: model.objects.exists(),
            lambda: model.objects.first(),
            lambda: model.objects.in_bulk([1]),
            lambda: list(model.objects.exclude(pk=1)),
            lambda: model.objects.filter(pk=1).update(pk=1),
        ):
            with pytest.raises(ScopeError):
                query()


def test_a_models_own_queryset_methods_raise_too(db):
    with scope(), pytest.raises(ScopeError):
        list(Placement.objects.active())


def test_a_scope_shows_only_its_schools_rows(school_a, school_b):
    with school_scope(school_a.school.pk):
        assert set(Placement.objects.all()) == {school_a.placement, school_a.other_placement}
        assert set(Student.objects.values_list("school_id", flat=True)) == {school_a.school.pk}
        assert not Placement.objects.filter(pk=school_b.placement.pk).exists()
        assert list(School.objects.all()) == [school_a.school]
        # A deep path: an activity belongs to the school of its list's placement.
        assert not Activity.objects.exclude(activity_list__placement__school=school_a.school)


def test_rows_on_either_of_two_paths_belong_to_their_school(school_a, school_b):
    version = ready_version(school_b.placement)
    SignatureFactory(version=version)
    SignatureRequestFactory(version=version)

    with school_scope(school_a.school.pk):
        assert not Signature.objects.exists()
        assert not SignatureRequest.objects.exists()
        assert not AccessLink.objects.exists()
    with school_scope(school_b.school.pk):
        assert Signature.objects.count() == 1
        assert SignatureRequest.objects.count() == 1


def test_writes_and_foreign_keys_work_outside_a_scope(school_a):
    with scope():
        placement = Placement.objects.none()
        assert list(placement) == []
        school_a.placement.notes = "buiten een scope bewaard"
        school_a.placement.save(update_fields=["notes"])
        assert school_a.period.placement.notes == "buiten een scope bewaard"


def test_a_request_runs_in_its_principals_school(school_a, school_b, client_for):
    response = client_for(school_b.coordinator).get("/stages/")

    assert response.status_code == 200
    shown = {placement.school_id for placement in response.context["placements"]}
    assert shown == {school_b.school.pk}


def test_an_anonymous_request_has_no_school(db, rf):
    seen = []

    def view(request):
        try:
            Placement.objects.count()
        except ScopeError:
            seen.append("refused")
        return HttpResponse()

    request = rf.get("/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    PrincipalMiddleware(view)(request)

    assert seen == ["refused"]


@shared_task(base=SchoolTask)
def count_placements(*, school_id: int) -> int:
    return Placement.objects.count()


def test_a_school_task_runs_in_the_school_it_is_given(school_a, school_b):
    with scope():
        result = count_placements.apply(kwargs={"school_id": school_a.school.pk})

    assert result.get() == 2


def test_a_scoped_command_works_across_schools_by_default(school_a, school_b, capsys):
    class Command(ScopedCommand):
        def handle(self, *args, **options):
            self.stdout.write(str(Placement.objects.count()))

    with scope():
        call_command(Command())

    assert capsys.readouterr().out.strip() == "4"


def test_all_schools_is_explicit(school_a, school_b):
    with scope():
        with pytest.raises(ScopeError):
            Placement.objects.count()
        with all_schools():
            assert Placement.objects.count() == 4
