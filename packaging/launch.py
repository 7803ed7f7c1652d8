"""Entry script for the PyInstaller bundle (see build_installer.spec).

PyInstaller needs a script file rather than a console-script entry point; this one does exactly
what the `gebiedsapp` executable of a pip install does.
"""

from gebiedsapp.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
