"""Rows written many at a time, with the history their services would have recorded.

A service saves one row at a time, and simple-history records a snapshot of every save. The
demo makes thousands of rows of the same kinds; where it writes them itself, it inserts the rows
of a model together and records, for every save the service would have made, the same history:
a snapshot of the row as it was then, of the same type (``+`` created, ``~`` changed), with the
same change reason (who acted through a personal link, see ``acting_as``) and user. Snapshots
are taken as the story goes and written at the end, once the rows they refer to have their keys.
"""

import copy
import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import Case, Value, When
from django.utils import timezone

from internships.models import AccessLink
from internships.services.audit import link_holder_label


class Later:
    """A value known only once the rows are written: a key, an agreement's content. It is
    computed once, when first asked for."""

    def __init__(self, compute: Callable[[], Any]) -> None:
        self._compute: Callable[[], Any] | None = compute
        self._value: Any = None

    def compute(self) -> Any:
        if self._compute is not None:
            self._value, self._compute = self._compute(), None
        return self._value

    @classmethod
    def key(cls, instance: models.Model) -> "Later":
        """The primary key of a row not inserted yet."""
        return cls(lambda: instance.pk)


_HISTORICAL: dict[type[models.Model], type[models.Model]] = {}


def historical_model(model: type[models.Model]) -> type[models.Model]:
    """The model's history model (``model.history`` builds a new manager class each time)."""
    if model not in _HISTORICAL:
        _HISTORICAL[model] = model.history.model
    return _HISTORICAL[model]


_STAMPED: dict[type[models.Model], tuple[list[str], list[str]]] = {}


def _stamp(instance: models.Model, *, created: bool) -> None:
    """Sets the timestamps a save sets: ``auto_now`` ones always, ``auto_now_add`` ones on
    creation (unless the story set them already)."""
    model = type(instance)
    if model not in _STAMPED:
        fields = model._meta.concrete_fields
        _STAMPED[model] = (
            [field.attname for field in fields if getattr(field, "auto_now", False)],
            [field.attname for field in fields if getattr(field, "auto_now_add", False)],
        )
    always, on_creation = _STAMPED[model]
    now = timezone.now()
    for name in always + on_creation if created else always:
        if not (created and getattr(instance, name) is not None):
            setattr(instance, name, now)


def _snapshot(instance: models.Model, fields: list[models.Field]) -> dict[str, Any]:
    """The fields' values now; a key not known yet (the row's own, or an unsaved parent's) is
    read when the record is written."""
    values = {}
    for field in fields:
        name = field.attname
        if field.primary_key:
            values[name] = Later.key(instance) if instance.pk is None else instance.pk
        elif field.is_relation:
            related = field.get_cached_value(instance, None)
            if related is None:
                values[name] = getattr(instance, name)
            else:  # its key, which the row reads only when it is saved
                values[name] = related.pk if related.pk is not None else Later.key(related)
        else:
            value = getattr(instance, name)
            values[name] = copy.deepcopy(value) if isinstance(value, dict | list) else value
    return values


@dataclass
class Record:
    """A history record to write: the snapshot, and the historical row once it is written."""

    values: dict[str, Any]
    row: models.Model | None = None

    def resolved(self, names: list[str]) -> list[Any]:
        """The values of the fields ``names``, in that order (None for those not recorded)."""
        values = self.values
        return [
            value.compute() if isinstance(value, Later) else value
            for value in (values.get(name) for name in names)
        ]


class Batch:
    """New rows by model, and history records by historical model, in the order they came."""

    def __init__(self) -> None:
        self.rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self.records: dict[type[models.Model], list[Record]] = defaultdict(list)

    def add(
        self,
        instance: models.Model,
        *,
        reason: str | Later | None = None,
        user: Any = None,
        date: datetime.datetime | None = None,
        later: dict[str, Later] | None = None,
    ) -> models.Model:
        """A row to insert, recorded as created (its fields as they are now, stamped as a save
        stamps them)."""
        _stamp(instance, created=True)
        self.rows[type(instance)].append(instance)
        self.record(instance, "+", reason=reason, user=user, date=date, later=later)
        return instance

    def changed(
        self,
        instance: models.Model,
        *,
        reason: str | Later | None = None,
        user: Any = None,
        date: datetime.datetime | None = None,
        later: dict[str, Later] | None = None,
    ) -> Record:
        """The row was saved again, as it is now (its ``auto_now`` timestamps set)."""
        _stamp(instance, created=False)
        return self.record(instance, "~", reason=reason, user=user, date=date, later=later)

    def record(
        self,
        instance: models.Model,
        history_type: str,
        *,
        reason: str | Later | None = None,
        user: Any = None,
        date: datetime.datetime | None = None,
        later: dict[str, Later] | None = None,
    ) -> Record:
        """A history record of ``instance`` as it is now; ``date`` defaults to now, ``later``
        gives the fields whose value is known only when written. Without a save: a change of
        its many-to-many lines is recorded so."""
        historical = historical_model(type(instance))
        values = _snapshot(instance, historical.tracked_fields)
        values.update(later or {})
        values.update(
            history_date=date or timezone.now(),
            history_type=history_type,
            history_change_reason=reason,
            history_user_id=user.pk if user is not None else None,
        )
        record = Record(values)
        self.records[historical].append(record)
        return record

    def insert(self, *only: type[models.Model]) -> None:
        """Inserts the new rows of the ``only`` models in that order, else of every model in
        the order they were first added (a row's parents first)."""
        for model in only or list(self.rows):
            if model in self.rows:
                model.objects.bulk_create(self.rows.pop(model))

    def write(self, *only: type[models.Model]) -> None:
        """Inserts the new rows, then writes their history (of the ``only`` models, else all)."""
        self.insert(*only)
        wanted = {historical_model(model) for model in only}
        for historical in [h for h in self.records if not wanted or h in wanted]:
            records = self.records.pop(historical)
            names = [field.attname for field in historical._meta.concrete_fields]
            rows = [historical(*record.resolved(names)) for record in records]
            history_insert(historical, rows)
            for record, row in zip(records, rows, strict=True):
                record.row = row


def history_insert(historical: type[models.Model], rows: list[models.Model]) -> None:
    """Inserts history rows as ``bulk_create`` would, keys included. On PostgreSQL with COPY:
    the keys are drawn from the table's sequence first, in order (one query), and the values
    prepared as a save prepares them (``get_db_prep_save``); tens of thousands of history rows
    cost a fraction of what an INSERT of them does."""
    if connection.vendor != "postgresql" or not rows:
        historical.objects.bulk_create(rows)
        return
    meta = historical._meta
    fields = meta.concrete_fields
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(rows)],
        )
        for row, (key,) in zip(rows, sorted(cursor.fetchall()), strict=True):
            row.pk = key
        columns = ", ".join(quote(field.column) for field in fields)
        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [
                        field.get_db_prep_save(getattr(row, field.attname), connection)
                        for field in fields
                    ]
                )
    for row in rows:
        row._state.adding = False
        row._state.db = connection.alias


def update_by_value(
    model: type[models.Model], rows_by_value: dict[Any, list[int]], names: list[str]
) -> None:
    """Sets the fields ``names`` of each row (by key) to the value it is listed under: one
    UPDATE for every hundred values (a row per value would be a CASE with thousands of
    branches)."""
    items = list(rows_by_value.items())
    field = model._meta.get_field(names[0])
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        value = Case(
            *(When(pk__in=pks, then=Value(value)) for value, pks in chunk), output_field=field
        )
        keys = [pk for _value, pks in chunk for pk in pks]
        model.objects.filter(pk__in=keys).update(**dict.fromkeys(names, value))


_REASONS: dict[int, tuple[AccessLink, Later]] = {}


def link_reason(link: AccessLink) -> Later:
    """The change reason ``acting_as`` gives a save through a personal link: its holder, and
    the link's key (known once the link is written); one for each link."""
    known = _REASONS.get(id(link))
    if known is None or known[0] is not link:
        known = _REASONS[id(link)] = (link, Later(lambda: link_holder_label(link)[:100]))
    return known[1]
