#!/bin/sh
# Regenerate packaging/requirements-bundle.txt, the lock file of the bundle build: exact versions
# of the app's dependencies and PyInstaller, with the hashes of every file PyPI has for them
# (all platforms: one lock serves the Linux and the Windows build; platform-only packages carry
# a marker such as `sys_platform == 'win32'`).
#
# Run after changing the dependencies in pyproject.toml, or to take newer versions:
#     python3 -m pip install uv        # once, anywhere (a venv of its own is fine)
#     sh packaging/lock.sh             # add --upgrade to take the newest allowed versions
# then build (python3 packaging/build.py --smoke) and commit the lock with the change.
set -eu
cd "$(dirname "$0")/.."
exec "${UV:-uv}" pip compile --quiet pyproject.toml --extra build --universal --generate-hashes \
    --python-version 3.11 \
    --custom-compile-command "packaging/lock.sh" -o packaging/requirements-bundle.txt "$@"
