"""What a change history shows: per record who, when, and which fields went from what to what."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from django.db import models
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import truncatechars
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

HISTORY_LENGTH = 20
EMPTY = "—"
KINDS = {"+": "created", "~": "changed", "-": "deleted"}
# Fields a person has no use for in a history, whatever the model.
TECHNICAL_FIELDS = {"id", "created_at", "updated_at", "last_used_at"}
# Fields whose value the history never shows: only that they changed.
HIDDEN_FIELDS = {"national_number"}
TEXT_LENGTH = 120


@dataclass(frozen=True)
class HistoryChange:
    """One field of a record: its label and the values before and after, as a person reads
    them; ``hidden`` when only the fact that it changed may be shown (``old`` and ``new`` are
    then empty)."""

    label: str
    old: str
    new: str
    hidden: bool = False


@dataclass(frozen=True)
class HistoryRow:
    who: object | None
    when: datetime.datetime
    kind: Literal["created", "changed", "deleted"]
    changes: list[HistoryChange] = field(default_factory=list)

    @property
    def when_display(self) -> str:
        return date_filter(timezone.localtime(self.when), "j N Y H:i")


def _is_technical(name: str) -> bool:
    return (
        name in TECHNICAL_FIELDS
        or name.startswith("history_")
        or name.endswith("_hash")
        or "token" in name
        or "secret" in name
        or "password" in name
    )


def _shown_fields(record, fields_shown: Iterable[str] | None) -> list[models.Field]:
    m2m = {f.name for f in record._history_m2m_fields}
    fields = [
        f
        for f in record.tracked_fields
        if f.editable and f.name not in m2m and not _is_technical(f.name)
    ]
    if fields_shown is not None:
        wanted = set(fields_shown)
        fields = [f for f in fields if f.name in wanted]
    return fields


def _object_pk(record):
    return getattr(record, record.instance_type._meta.pk.attname)


def _pairs(records: list, limit: int) -> list[tuple[object, object | None]]:
    """Each of the newest ``limit`` records with the record before it of the same object: the
    next one in ``records`` (read newest first), or, when that lies beyond what was read, the
    one simple-history finds (a query, only for an object whose older rows were not read)."""
    pairs = []
    for index, record in enumerate(records[:limit]):
        prev = next(
            (older for older in records[index + 1 :] if _object_pk(older) == _object_pk(record)),
            None,
        )
        if prev is None and record.history_type != "+" and len(records) > limit:
            prev = record.prev_record
        pairs.append((record, prev))
    return pairs


def _display(value, model_field: models.Field, related: dict) -> str:
    if value is None or value == "":
        return EMPTY
    if model_field.is_relation:
        obj = related.get((model_field.related_model, value))
        return str(obj) if obj is not None else _("(verwijderd)")
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, datetime.datetime):
        return date_filter(timezone.localtime(value), "j N Y H:i")
    if isinstance(value, datetime.date):
        return date_filter(value, "j F Y")
    if isinstance(value, datetime.time):
        return date_filter(value, "H:i")
    return truncatechars(str(value), TEXT_LENGTH)


def _related_objects(deltas: list[tuple[object, list]], fields: dict) -> dict:
    """The related rows the changes name, one query per related model."""
    wanted = defaultdict(set)
    for _record, changes in deltas:
        for change in changes:
            model_field = fields[change.field]
            if model_field.is_relation:
                for value in (change.old, change.new):
                    if value is not None:
                        wanted[model_field.related_model].add(value)
    return {
        (model, pk): obj
        for model, pks in wanted.items()
        for pk, obj in model._base_manager.in_bulk(pks).items()
    }


def history_rows(
    records: models.QuerySet,
    *,
    limit: int = HISTORY_LENGTH,
    fields_shown: Iterable[str] | None = None,
) -> list[HistoryRow]:
    """The newest ``limit`` of ``records`` (historical records, any order) as rows, newest
    first, each with the fields it changed against the record before it of the same object.

    Reads ``limit + 1`` records with their users in one query and the related rows the changes
    name in one query per related model, so the number of queries does not grow with the rows.
    Technical fields (ids, history bookkeeping, timestamps, hashes, tokens) are left out; a
    national number shows only that it changed."""
    read = list(
        records.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    if not read:
        return []
    fields = {f.name: f for f in _shown_fields(read[0], fields_shown)}
    deltas = [
        (
            record,
            record.diff_against(prev, included_fields=fields).changes
            if prev is not None and record.history_type == "~"
            else [],
        )
        for record, prev in _pairs(read, limit)
    ]
    related = _related_objects(deltas, fields)
    order = list(fields)
    return [
        HistoryRow(
            who=record.history_user,
            when=record.history_date,
            kind=KINDS[record.history_type],
            changes=[
                _change(fields[change.field], change.old, change.new, related)
                for change in sorted(changes, key=lambda change: order.index(change.field))
            ],
        )
        for record, changes in deltas
    ]


def _change(model_field: models.Field, old, new, related: dict) -> HistoryChange:
    label = capfirst(model_field.verbose_name)
    if model_field.name in HIDDEN_FIELDS:
        return HistoryChange(label=label, old="", new="", hidden=True)
    return HistoryChange(
        label=label,
        old=_display(old, model_field, related),
        new=_display(new, model_field, related),
    )
