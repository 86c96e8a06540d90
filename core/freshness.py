"""A number per school that moves on with every write to the school's data: the key under which
pages built from that data are cached.

A cached page must never outlive a change to what it shows. Rather than have each service
remember which cached fragments its write makes stale (and one day forget one), the database
connection reports every ``INSERT``, ``UPDATE`` and ``DELETE`` the application sends, bulk writes
and raw SQL included. Inside a school's scope the write moves that school's generation on;
outside one (a support superuser in the admin, a command across schools, the demo data, a login)
it moves the generation of every school. A fragment cached under :func:`generation` is therefore
built again on the first read after any write to its school.

A write to a table no school owns (the school years, the accounts' groups) moves every school's
generation, whichever scope is open: each school shows those rows.

The generation moves when the statement runs, so the writer's own next page is fresh, and again
when the transaction commits: a page another request built in between, from the rows as they were
before the commit, was stored under a generation the commit leaves behind.

Fragments are cached in the ``template_fragments`` cache. It is shared by every process (Redis)
or it is Django's dummy cache, which stores nothing: a cache of one process would miss the writes
of the others (another gunicorn worker, the Celery worker), so :func:`enabled` is then false and
no write is counted.
"""

import logging
import re
import time

from django.apps import apps
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django_scopes import get_scope

logger = logging.getLogger(__name__)

ALIAS = "template_fragments"
# A fragment is also rebuilt after this many seconds: the generation follows the data, the
# expiry follows the clock (a signing link that expires within the hour, "vandaag").
FRAGMENT_SECONDS = 10 * 60
EVERY_SCHOOL = "all"
# Bookkeeping that no cached page shows: sessions, failed log-ins, the migration log.
UNCOUNTED_TABLES = ("django_session", "axes_", "django_migrations")
WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
# Filled when the apps are ready (:func:`shared_tables_find`).
SHARED_TABLES: set[str] = set()


def enabled() -> bool:
    """Whether fragments are cached (the ``template_fragments`` cache is a shared one)."""
    return not isinstance(caches[ALIAS], DummyCache)


def generation(school_id: int) -> str:
    """The key part that changes with every write to ``school_id``'s data."""
    _move_unread(connections[DEFAULT_DB_ALIAS])
    keys = [_key(EVERY_SCHOOL), _key(school_id)]
    values = caches[ALIAS].get_many(keys)
    for key in keys:
        if key not in values:
            values[key] = _start(key)
    return "-".join(str(values[key]) for key in keys)


def count_writes(execute, sql, params, many, context):
    """A database execute wrapper (see :func:`watch`): runs the statement, then moves the
    generation of the school it wrote to.

    Outside a transaction the statement has committed, so the generation moves now. Inside one
    it moves when the transaction commits, and before the next :func:`generation` read on this
    connection, so the transaction's own reads are fresh too: a bulk load of thousands of rows
    moves it twice, not once a row.
    """
    result = execute(sql, params, many, context)
    written = WRITE.match(sql)
    if written and not written.group(1).startswith(UNCOUNTED_TABLES) and enabled():
        table = written.group(1)
        current = get_scope()
        school = current.get("school") if current.get("_enabled", True) else None
        key = _key(EVERY_SCHOOL if table in SHARED_TABLES else school or EVERY_SCHOOL)
        database = context["connection"]
        if database.in_atomic_block:
            _unread(database).add(key)
            if not _pending(database, key):
                transaction.on_commit(_MoveOnCommit(key), using=database.alias)
        else:
            _move(key)
    return result


def shared_tables_find() -> None:
    """The tables of models no school owns: neither a school-scoped manager nor a school. A
    model's history and its many-to-many tables are written with the model itself."""
    for model in apps.get_models():
        if hasattr(model, "instance_type"):  # django-simple-history's record of a model
            continue
        scoped = hasattr(model._default_manager, "school_paths")
        owned = any(field.name == "school" for field in model._meta.concrete_fields)
        if not scoped and not owned:
            SHARED_TABLES.add(model._meta.db_table)


def watch(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: count the writes of every new database connection."""
    if enabled() and count_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(count_writes)


class _MoveOnCommit:
    """The callback that moves ``key`` on once its transaction commits; one per transaction."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __call__(self) -> None:
        _move(self.key)


def _pending(database, key: str) -> bool:
    return any(
        isinstance(callback, _MoveOnCommit) and callback.key == key
        for _, callback, _ in database.run_on_commit
    )


def _unread(database) -> set[str]:
    """The keys this connection's open transaction wrote to since its last generation read."""
    return database.__dict__.setdefault("freshness_unread", set())


def _move_unread(database) -> None:
    unread = _unread(database)
    while unread:
        _move(unread.pop())


def _key(school) -> str:
    return f"generation:{school}"


def _start(key: str) -> int:
    # Starting from the clock, not from 0: after the key is evicted, a new generation never
    # meets a fragment cached under an old one.
    cache = caches[ALIAS]
    cache.add(key, time.time_ns())
    return cache.get(key)


def _move(key: str) -> None:
    cache = caches[ALIAS]
    try:
        try:
            cache.incr(key)
        except ValueError:
            _start(key)
            cache.incr(key)
    except Exception:
        # The write itself has succeeded. A cache that cannot be reached serves no fragments
        # either, and once it is back the ones it holds are at most FRAGMENT_SECONDS old.
        logger.exception("Generation %s not moved on", key)
