"""What someone is expected to do, and by when: the to-do lines of dashboards and the portal.

Each feature app reports its own (evaluations due, weeks to confirm, visits to plan ...) as
:class:`Todo`s for a principal; the dashboards and the portal's home list them together, the
most urgent first. An app that can have hundreds (the whole school's evaluations, say) reports
:class:`LazyTodo`s instead: their text and address are only made for the few a dashboard shows.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Todo:
    text: str
    url: str
    due_on: datetime.date | None = None
    overdue: bool = False

    @property
    def urgency(self) -> tuple:
        return (not self.overdue, self.due_on or datetime.date.max)

    @property
    def sort_key(self) -> tuple:
        return (*self.urgency, self.text)


@dataclass(frozen=True)
class LazyTodo:
    """A to-do whose urgency is known and whose text and address ``make`` builds when shown."""

    make: Callable[[], Todo]
    due_on: datetime.date | None = None
    overdue: bool = False

    @property
    def urgency(self) -> tuple:
        return (not self.overdue, self.due_on or datetime.date.max)


@dataclass(frozen=True)
class TodoList:
    """The most urgent to-dos, made, and how many there are in all."""

    shown: list[Todo]
    count: int

    @property
    def more(self) -> int:
        return self.count - len(self.shown)


def by_urgency(todos: list[Todo]) -> list[Todo]:
    return sorted(todos, key=lambda todo: todo.sort_key)


def most_urgent(todos: Iterable[Todo | LazyTodo], *, limit: int | None = None) -> TodoList:
    """The ``limit`` most urgent of ``todos`` (all without a limit), made and in order: overdue
    first, then by due date, then by text; among to-dos equally urgent at the limit, the ones
    reported first are shown."""
    ordered = sorted(todos, key=lambda todo: todo.urgency)
    chosen = ordered if limit is None else ordered[:limit]
    made = [todo.make() if isinstance(todo, LazyTodo) else todo for todo in chosen]
    return TodoList(shown=by_urgency(made), count=len(ordered))
