"""The base of the management commands that read or write school data.

A command runs outside any request, so it opens its scope itself: :meth:`ScopedCommand.scope`
names it (all schools for the demo data, one school for a command about one school's record).
Bad input raises ``CommandError`` with a Dutch message: the command exits non-zero with that
message, never with a traceback.
"""

from contextlib import AbstractContextManager
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.tenancy import all_schools


class ScopedCommand(BaseCommand):
    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # ``help`` is translated lazily (the language is chosen after import); argparse wants str.
        if parser.description is not None:
            parser.description = str(parser.description)
        return parser

    def execute(self, *args: Any, **options: Any) -> Any:
        with self.scope(**options):
            return super().execute(*args, **options)

    def scope(self, **options: Any) -> AbstractContextManager:
        """The scope the command works in; by default every school (say why when keeping it)."""
        return all_schools()
