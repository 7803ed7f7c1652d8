"""Command-line entry points over the services: headless use, scripts, tests and benchmarks.

`gebiedsapp` without a subcommand starts the window (see __main__); everything here runs
without Qt. One module per command group adds its parser(s) and handlers (cli/base.py's
`command()`); cli/run.py runs the chosen one. A new group: a module with `register(sub)`,
named in GROUPS below (the order of the help).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from gebiedsapp import __version__
from gebiedsapp.argparse_nl import DutchArgumentParser
from gebiedsapp.cli import (
    agenda,
    areas,
    audit,
    cbs,
    db,
    demo,
    exchange,
    gui,
    initiatives,
    privacy,
    report,
    selftest,
    server,
    signals,
    survey,
    sync,
)
from gebiedsapp.cli.base import Stage, Subparsers, never
from gebiedsapp.cli.run import run

# Each adds its subcommands to the CLI's subparsers, in the order `gebiedsapp --help` lists them.
GROUPS: tuple[Callable[[Subparsers], None], ...] = (
    gui.register,
    db.register,
    demo.register,
    signals.register,
    report.register,
    server.register,
    audit.register,
    privacy.register,
    initiatives.register,
    agenda.register,
    selftest.register,
    sync.register,
    exchange.register,
    areas.register,
    survey.register,
    cbs.register,
)


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="gebiedsapp",
        description="Gebiedsapp: gebiedsgericht werken in Oldambt. "
        "Zonder opdracht start het venster.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"gebiedsapp {__version__}",
        help="het versienummer tonen en stoppen",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="meer details in het logboek (ook voor het venster)",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database-URL of pad naar een databasebestand (standaard: de ingebouwde database; "
        "ook via GEBIEDSAPP_DATABASE_URL)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="MAP",
        help="map voor database, reservekopieën en logboek (ook via GEBIEDSAPP_DATA_DIR)",
    )
    # without a subcommand (the window's, handled in __main__): no handler
    parser.set_defaults(handler=None, stage=Stage.WORK, reads_only=never, rewrites=never)
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for register in GROUPS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))
