"""`gebiedsapp selftest`: does this installation work (for IT, after rolling it out)."""

from __future__ import annotations

from gebiedsapp import selftest
from gebiedsapp.cli.base import Stage, Subparsers, command


def register(sub: Subparsers) -> None:
    # never the user's database: a temporary one, so before the data folder and the log
    command(selftest.add_parser(sub), selftest.run, stage=Stage.ALONE)
