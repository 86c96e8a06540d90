"""Every management command of Stagebeheer explains itself in Dutch (``manage.py X --help``)."""

import pytest
from django.core.management import get_commands, load_command_class

OWN_APPS = {"attendance", "compliance", "core", "demo", "internships", "visits"}
OWN_COMMANDS = sorted(
    (app, name) for name, app in get_commands().items() if app.split(".")[0] in OWN_APPS
)


def test_the_project_has_its_own_commands():
    assert {name for _app, name in OWN_COMMANDS} >= {
        "check_schedule",
        "portal_link",
        "seed_demo",
        "send_reminders",
    }


@pytest.mark.parametrize(("app", "name"), OWN_COMMANDS)
def test_help_prints_without_a_traceback(app, name):
    parser = load_command_class(app, name).create_parser("manage.py", name)
    text = parser.format_help()
    assert f"manage.py {name}" in text
    assert parser.description, f"{name} has no help text"
