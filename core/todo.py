"""What someone is expected to do, and by when: the to-do lines of dashboards and the portal.

Each feature app reports its own (evaluations due, weeks to confirm, visits to plan ...) as
:class:`Todo`s for a principal; the dashboards and the portal's home list them together, the
most urgent first.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Todo:
    text: str
    url: str
    due_on: datetime.date | None = None
    overdue: bool = False

    @property
    def sort_key(self) -> tuple:
        return (not self.overdue, self.due_on or datetime.date.max, self.text)


def by_urgency(todos: list[Todo]) -> list[Todo]:
    return sorted(todos, key=lambda todo: todo.sort_key)
