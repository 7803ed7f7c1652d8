"""Who is working: the name stamped on every record created or changed.

Until sign-in arrives (privacy issue), this is the operating-system account, or
`GEBIEDSAPP_USER` when set (tests, shared demo laptops).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping

USER_ENV = "GEBIEDSAPP_USER"


def current_actor(environ: Mapping[str, str] = os.environ) -> str:
    name = environ.get(USER_ENV, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no account name on this system (containers, odd setups)
        return "onbekend"
