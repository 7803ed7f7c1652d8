"""`gebiedsapp server setup|user ...`: the team server's roles and rights (cli_server)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from gebiedsapp import cli_server
from gebiedsapp.cli.base import Run, Stage, Subparsers, command


def register(sub: Subparsers) -> None:
    cli_server.add_parser(sub)
    for leaf in _leaves(sub.choices["server"]):
        command(leaf, _handle, stage=Stage.URL)


def _leaves(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    children = [
        child
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for child in action.choices.values()
    ]
    if not children:
        yield parser
    for child in children:
        yield from _leaves(child)


def _handle(run: Run) -> int:
    return cli_server.handle(run.args, run.url)
