"""The to-do lists of the dashboards: the most urgent first, made only for those shown."""

import datetime

from core.todo import LazyTodo, Todo, most_urgent

TODAY = datetime.date(2026, 12, 1)


def lazy(text: str, made: list, **kwargs) -> LazyTodo:
    def make() -> Todo:
        made.append(text)
        return Todo(text=text, url=f"/{text}/", **kwargs)

    return LazyTodo(make, **kwargs)


def test_overdue_first_then_by_due_date_then_by_text():
    todos = [
        Todo("b", "/", due_on=TODAY),
        Todo("a", "/", due_on=TODAY),
        Todo("later", "/", due_on=TODAY + datetime.timedelta(days=3)),
        Todo("undated", "/"),
        Todo("late", "/", due_on=TODAY + datetime.timedelta(days=9), overdue=True),
    ]

    listed = most_urgent(todos)

    assert [todo.text for todo in listed.shown] == ["late", "a", "b", "later", "undated"]
    assert listed.count == 5 and listed.more == 0


def test_only_the_shown_lazy_todos_are_made_and_all_are_counted():
    made: list[str] = []
    todos = [
        lazy(f"t{day:02}", made, due_on=TODAY + datetime.timedelta(days=day))
        for day in range(30, 0, -1)
    ]

    listed = most_urgent([*todos, Todo("overdue", "/", overdue=True)], limit=3)

    assert [todo.text for todo in listed.shown] == ["overdue", "t01", "t02"]
    assert sorted(made) == ["t01", "t02"]
    assert listed.count == 31 and listed.more == 28
