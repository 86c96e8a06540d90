"""``manage.py check_schedule FILE``: checks schedules in JSON against the labour rules.

Exit status 0 without errors, 1 when a schedule breaks a rule with severity ``error``, 2 on
invalid input; see ``compliance.engine.cli`` for the format.
"""

import sys

from django.core.management.base import BaseCommand

from compliance.engine import cli


class Command(BaseCommand):
    help = "Controleer uurroosters (JSON) aan de arbeidsregels voor leerling-stagiairs."

    def run_from_argv(self, argv: list[str]) -> None:
        # The engine's CLI owns argument parsing, output and exit status (0, 1 or 2).
        sys.exit(cli.run(argv[2:], sys.stdin, sys.stdout, sys.stderr))
