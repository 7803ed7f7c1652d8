#!/usr/bin/env python3
"""Make the screenshots of docs/handleiding.md: the app on demo data in a real X window.

    .venv/bin/python packaging/make_screenshots.py            # all of them into docs/img/
    .venv/bin/python packaging/make_screenshots.py signalen   # one

The approach of shared/tools/screenshot: Xvfb at 1366x768 (the municipal laptop), the app
started on a fresh demo database in a temporary folder (nothing of the user's is touched),
xdotool presses the screen's shortcut as a user would, ImageMagick's `import` takes the
screen, Pillow reduces it to a palette PNG (a UI has few colours; a few dozen kB each).
Needs Xvfb, xdotool and imagemagick (apt-get install xvfb xdotool imagemagick) and the app's
venv (Pillow comes with it). Run it again after a screen changed, and commit the PNGs.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
SIZE = "1366x768"
PASSPHRASE = "schermafdruk voorbeeld lantaarn kroket"  # a throwaway demo database
# file name (without .png) -> the keys xdotool presses to get there
SHOTS = {
    "gebied": ["ctrl+1"],
    "koffiekar": ["ctrl+2"],
    "signalen": ["ctrl+4"],
    "samenvatting": ["ctrl+6"],
    "mijn-acties": ["ctrl+7"],
}
SETTLE = 2.5  # seconds for a screen to load its rows after the shortcut


def run(*command: str, env: dict[str, str]) -> str:
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def wait_for_window(env: dict[str, str], timeout: float = 60) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "^Gebiedsapp"],
            env=env,
            capture_output=True,
            text=True,
        ).stdout.split()
        if found:
            return found[-1]
        time.sleep(0.5)
    raise SystemExit("the window did not appear")


def optimise(path: Path) -> None:
    """A palette PNG: the screen has few colours, so 128 keep it sharp and small."""
    image = Image.open(path).convert("RGB")
    small = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main(wanted: list[str]) -> None:
    shots = {name: keys for name, keys in SHOTS.items() if not wanted or name in wanted}
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gebiedsapp-shots-") as folder:
        tmp = Path(folder)
        display = f":{random.randint(90, 490)}"
        env = {
            **os.environ,
            "GEBIEDSAPP_DATA_DIR": str(tmp / "data"),
            "GEBIEDSAPP_PASSPHRASE": PASSPHRASE,
            "HOME": str(tmp / "home"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "XDG_DATA_HOME": str(tmp / "share"),
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "LANG": "nl_NL.UTF-8",
            "USER": "anna",  # "Medewerker: anna" in the status bar
            "LOGNAME": "anna",
            "USERNAME": "anna",
        }
        app_command = [sys.executable, "-m", "gebiedsapp"]
        run(*app_command, "demo-data", "--size", "small", "--seed", "1", env=env)
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{SIZE}x24", "-nolisten", "tcp"])
        app = None
        try:
            time.sleep(1)
            app = subprocess.Popen([*app_command, "gui"], env=env)
            window = wait_for_window(env)
            width, height = SIZE.split("x")
            run("xdotool", "windowmove", window, "0", "0", env=env)
            run("xdotool", "windowsize", window, width, height, env=env)
            run("xdotool", "windowfocus", "--sync", window, env=env)  # no window manager
            time.sleep(SETTLE)
            for name, keys in shots.items():
                for key in keys:
                    run("xdotool", "key", "--clearmodifiers", key, env=env)
                time.sleep(SETTLE)
                target = OUT / f"{name}.png"
                run("import", "-window", "root", str(target), env=env)
                optimise(target)
                print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} kB")
        finally:
            if app is not None:
                app.terminate()
                app.wait(10)
            xvfb.terminate()
            xvfb.wait(10)


if __name__ == "__main__":
    main(sys.argv[1:])
