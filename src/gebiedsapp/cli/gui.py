"""`gebiedsapp gui`: the window (also without a subcommand). __main__ starts it before the
CLI runs; here it is only named, for the help and the argument check."""

from __future__ import annotations

from gebiedsapp.cli.base import Subparsers


def register(sub: Subparsers) -> None:
    sub.add_parser("gui", help="start het venster (standaard)")
