"""`gebiedsapp agenda [--area NAAM] [--ics BESTAND] [--weeks N]`: rounds and activities, the
villages and wijken not visited for a while, an .ics for Outlook (cli_agenda)."""

from __future__ import annotations

from gebiedsapp import cli_agenda
from gebiedsapp.cli.base import Run, Subparsers, always, command


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("agenda", help=cli_agenda.HELP, description=cli_agenda.DESCRIPTION)
    cli_agenda.configure(parser)
    command(parser, _agenda, reads_only=always)


def _agenda(run: Run) -> int:
    return cli_agenda.run(run.database, run.args)
