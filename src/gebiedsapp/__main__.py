"""`python -m gebiedsapp` and the `gebiedsapp` executable: the window, or a CLI subcommand."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import NamedTuple


class WindowOptions(NamedTuple):
    database: str | None = None
    data_dir: str | None = None
    verbose: bool = False


_VALUED = {"--database": "database", "--data-dir": "data_dir"}


def window_options(args: Sequence[str]) -> WindowOptions | None:
    """The window's options when `args` hold nothing else (the usual start, from a shortcut);
    None when they name a command or anything else: the full command line's parser takes
    them. Its every command's module is imported to build it, about a second of imports a
    user would wait for before the passphrase dialog."""
    options: dict[str, str | bool] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        name, _, value = arg.partition("=")
        if arg in ("-v", "--verbose"):
            options["verbose"] = True
        elif name in _VALUED and value:
            options[_VALUED[name]] = value
        elif arg in _VALUED and rest and not rest[0].startswith("-"):
            options[_VALUED[arg]] = rest.pop(0)
        else:
            return None
    return WindowOptions(**options)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    window = window_options(args)
    if window is not None:
        from gebiedsapp.ui.feature_scan import skip_feature_scan

        skip_feature_scan()  # before the window's ~90 imports: PySide6 would read each one
        from gebiedsapp.ui.app import run_gui

        return run_gui(database=window.database, data_dir=window.data_dir, verbose=window.verbose)
    from gebiedsapp.cli import build_parser

    parsed = build_parser().parse_args(args)
    if parsed.command in (None, "gui"):
        from gebiedsapp.ui.app import run_gui

        return run_gui(database=parsed.database, data_dir=parsed.data_dir, verbose=parsed.verbose)
    from gebiedsapp.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
