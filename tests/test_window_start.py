"""Issue 19: starting the window (no command) does not build the command line's parser, which
imports every command's module before the passphrase dialog could show."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from gebiedsapp.__main__ import WindowOptions, window_options


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], WindowOptions()),
        (["--database", "oldambt.db", "-v"], WindowOptions(database="oldambt.db", verbose=True)),
        (
            ["--data-dir=/tmp/gebied", "--verbose"],
            WindowOptions(data_dir="/tmp/gebied", verbose=True),
        ),
        (["--database=x.db", "--data-dir", "map"], WindowOptions(database="x.db", data_dir="map")),
    ],
)
def test_the_window_s_own_options_are_read_without_the_command_line(
    args: list[str], expected: WindowOptions
) -> None:
    assert window_options(args) == expected


@pytest.mark.parametrize(
    "args",
    [["db", "backup"], ["--help"], ["--version"], ["gui"], ["--database"], ["--database", "-v"]],
)
def test_anything_else_goes_to_the_command_line(args: list[str]) -> None:
    assert window_options(args) is None


def test_a_window_start_imports_no_command_module() -> None:
    child = textwrap.dedent(
        """
        import sys
        import gebiedsapp.ui.app as app
        app.run_gui = lambda **_: print("gebiedsapp.cli" in sys.modules) or 0
        from gebiedsapp.__main__ import main
        main(["--database", "niet-gebruikt.db"])
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False"
