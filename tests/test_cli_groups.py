"""The CLI's command groups (issue 20, item 6): every subcommand a module adds names its
handler, so a new group cannot be reached and then fall through to nothing."""

from __future__ import annotations

import argparse

from gebiedsapp import cli
from gebiedsapp.cli.base import Stage


def _leaves(
    parser: argparse.ArgumentParser, words: tuple[str, ...] = ()
) -> dict[str, argparse.ArgumentParser]:
    """Every runnable subcommand ('db restore'), with its parser."""
    found: dict[str, argparse.ArgumentParser] = {}
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        return {" ".join(words): parser}
    for action in subparsers:
        for name, child in action.choices.items():
            found |= _leaves(child, (*words, name))
    return found


def test_every_subcommand_has_a_handler() -> None:
    leaves = _leaves(cli.build_parser())
    assert {"db upgrade", "db restore", "signals export", "audit verify", "team"} <= set(leaves)
    unhandled = [
        words
        for words, parser in leaves.items()
        if words != "gui"  # the window: __main__ starts it before the CLI runs
        and not (
            callable(parser.get_default("handler"))
            and isinstance(parser.get_default("stage"), Stage)
        )
    ]
    assert unhandled == []


def test_the_groups_keep_the_order_of_the_help() -> None:
    sub = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == [
        "gui",
        "db",
        "demo-data",
        "signals",
        "report",
        "server",
        "audit",
        "privacy",
        "initiatives",
        "agenda",
        "selftest",
        "sync",
        "exchange",
        "areas",
        "team",
        "survey",
        "cbs",
    ]
