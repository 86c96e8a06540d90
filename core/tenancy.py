"""Tenancy by mechanism: a school's rows can only be read inside that school's scope.

Every school-owned model's default manager is :func:`school_scoped`, on django-scopes: inside
``school_scope(school_id)`` each query is filtered to that school; outside any scope every query
raises :class:`ScopeError` instead of quietly returning every school's rows. Saving, following a
foreign key and deleting through the base manager keep working.

Scopes are opened in a few named places only:

- web requests: ``internships.middleware.PrincipalMiddleware``, for staff members and the
  holders of personal links (the principal's school);
- the Django admin: :mod:`core.admin` (a staff account's school; support superusers see all);
- Celery tasks: :class:`core.tasks.SchoolTask`, which takes the school as an argument;
- management commands and the few reads that must look across schools before a school is known
  (a token's lookup, the demo data): :func:`all_schools`, each use named in its docstring.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from django.db import models
from django.db.models import Q
from django_scopes import ScopeError, get_scope, scope, scopes_disabled
from django_scopes.manager import DisabledQuerySet

from core.principals import Principal

SCHOOL = "school"

__all__ = ["ScopeError", "all_schools", "principal_scope", "school_scope", "school_scoped"]


class OutOfScopeQuerySet(DisabledQuerySet):
    """What a school-owned manager gives outside a scope: every way to run a query raises.

    django-scopes refuses iteration, ``filter``, ``count`` and the like; this also refuses the
    ones it leaves open (``exists``, ``in_bulk``, ``contains`` ...), so no path reads unscoped.
    ``all()`` stays lazy, so a model form's choice field can be declared at import time.
    """

    def all(self):
        return self._chain()

    exists = DisabledQuerySet.error
    in_bulk = DisabledQuerySet.error
    contains = DisabledQuerySet.error
    explain = DisabledQuerySet.error
    bulk_update = DisabledQuerySet.error
    exclude = DisabledQuerySet.error
    select_related = DisabledQuerySet.error
    prefetch_related = DisabledQuerySet.error
    distinct = DisabledQuerySet.error
    defer = DisabledQuerySet.error
    alias = DisabledQuerySet.error
    extra = DisabledQuerySet.error


@cache
def _out_of_scope(queryset_class: type[models.QuerySet]) -> type[models.QuerySet]:
    """The refusing queryset with the model's own queryset methods (they raise too)."""
    if queryset_class is models.QuerySet:
        return OutOfScopeQuerySet
    name = f"OutOfScope{queryset_class.__name__}"
    return type(name, (OutOfScopeQuerySet, queryset_class), {})


def school_scoped(*paths: str, queryset_class: type = models.QuerySet) -> models.Manager:
    """The default manager of a model owned by a school.

    Each of ``paths`` leads from the model to its school (``"school"``, ``"placement__school"``);
    a row belongs to the scope's school when any of them does (a signature hangs either on a
    pupil's agreement or on a group agreement).
    """
    paths = paths or ("school",)

    class SchoolScopedManager(models.Manager.from_queryset(queryset_class)):
        school_paths = paths

        def get_queryset(self):
            current = get_scope()
            if not current.get("_enabled", True):
                return super().get_queryset()
            if SCHOOL not in current:
                return _out_of_scope(queryset_class)(
                    self.model, using=self._db, missing_scopes=[SCHOOL]
                )
            schools = current[SCHOOL]
            if schools is None:
                return super().get_queryset()
            lookup = "in" if isinstance(schools, list | tuple) else "exact"
            belongs = Q()
            for path in paths:
                belongs |= Q(**{f"{path}__{lookup}": schools})
            return super().get_queryset().filter(belongs)

    return SchoolScopedManager()


@contextmanager
def school_scope(school_id: int) -> Iterator[None]:
    """Queries of school-owned models see ``school_id``'s rows only."""
    if not school_id:
        raise ValueError("A school scope needs a school.")
    with scope(school=school_id):
        yield


@contextmanager
def principal_scope(principal: Principal) -> Iterator[None]:
    """The principal's school; without a school (anonymous) scoping is on with no school, so any
    query of a school-owned model raises."""
    if principal.school_id:
        with scope(school=principal.school_id):
            yield
    else:
        with scope():
            yield


def all_schools():
    """No school filter: for support superusers in the admin, the demo data, the data
    migrations and the lookup of a token before its school is known. Every use says why."""
    return scopes_disabled()
