"""What a page has read already. A page that shows several cards of one placement reads the
rows they share once, with ``select_related`` or ``prefetch_related``; the selectors behind the
cards take them from the objects through these helpers and read the database themselves only
when the page did not.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model


def prefetched(instance: Model, relation: str) -> list | None:
    """The rows of the many-valued ``relation`` prefetched on ``instance``, in the order they
    were read; None when they were not."""
    cache = getattr(instance, "_prefetched_objects_cache", {})
    if relation not in cache:
        return None
    return list(cache[relation])


def is_read(instance: Model, relation: str) -> bool:
    """Whether the single-valued ``relation`` (a foreign key or a reverse one-to-one) was read
    along with ``instance``, even when it found no row."""
    return getattr(type(instance), relation).is_cached(instance)


def read_one(instance: Model, relation: str) -> Model | None:
    """The row of the single-valued ``relation`` read along with ``instance`` (see
    :func:`is_read`), or None when there is none."""
    try:
        return getattr(instance, relation)
    except ObjectDoesNotExist:
        return None


def keep_one(instance: Model, relation: str, value: Model | None) -> None:
    """Leaves ``value`` (or None: no row) on ``instance`` as its reverse one-to-one
    ``relation``, both ways, as ``select_related`` on ``instance``'s own query would have."""
    related = getattr(type(instance), relation).related
    related.set_cached_value(instance, value)
    if value is not None:
        setattr(value, related.field.name, instance)
