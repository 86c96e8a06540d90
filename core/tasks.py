"""The base of every Celery task that touches a school's data.

A task runs far from the request that queued it, so it cannot inherit a scope: it takes the
school as the keyword argument ``school_id`` and runs inside that school's scope. Retries send
the same arguments again, so a retried task is scoped the same way. Tasks take primary keys and
nothing secret (no raw tokens in broker messages).
"""

from celery import Task

from core.tenancy import school_scope


class SchoolTask(Task):
    """Runs the task inside ``school_scope(school_id)``; the task declares ``school_id`` as a
    keyword-only argument, so its signature shows whose data it touches."""

    def __call__(self, *args, **kwargs):
        with school_scope(kwargs["school_id"]):
            return super().__call__(*args, **kwargs)
