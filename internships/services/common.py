"""Helpers shared by the write services."""

from collections.abc import Callable
from typing import Any

from django.db import models


def model_update(
    *,
    instance: models.Model,
    fields: list[str],
    data: dict[str, Any],
    validate: Callable[[Any], None] | None = None,
    save: Callable[..., None] | None = None,
) -> bool:
    """Set the ``fields`` present in ``data`` on ``instance``, validate and save the changes.

    ``validate`` runs after the model's own validation for rules that span several objects;
    ``save`` replaces ``instance.save`` where a service must translate database errors.
    Returns whether anything changed: an unchanged object is not saved, so its history gets no
    empty entry.
    """
    changed = [
        field for field in fields if field in data and getattr(instance, field) != data[field]
    ]
    if not changed:
        return False
    for field in changed:
        setattr(instance, field, data[field])
    instance.full_clean()
    if validate is not None:
        validate(instance)
    auto_now = [
        field.name for field in instance._meta.concrete_fields if getattr(field, "auto_now", False)
    ]
    (save or type(instance).save)(instance, update_fields=changed + auto_now)
    return True
