"""`python -m gebiedsapp` and the `gebiedsapp` executable: the window, or a CLI subcommand."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from gebiedsapp.cli import build_parser

    parsed = build_parser().parse_args(args)
    if parsed.command in (None, "gui"):
        from gebiedsapp.ui.app import run_gui

        return run_gui(database=parsed.database, data_dir=parsed.data_dir, verbose=parsed.verbose)
    from gebiedsapp.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
