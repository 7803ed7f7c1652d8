"""Deterministic, obviously fake demo data for demos, tests and benchmarks.

The same `seed` and `anchor` give the same rows, byte for byte. People get names nobody has
(Testema, Voorbeeldstra, ...), phone numbers like 06-12345678 and addresses @voorbeeld.invalid.
One module per kind of record (team, rounds and conversations, residents, contacts, actions,
initiatives, drafts, signals), all adding rows to one shared `World`; the queries and the bulk
inserts are in `storage.repositories.demo`. On SQLite the FTS triggers of migration 0002 index
every inserted conversation, contact and round, so search works on demo data too.
"""

from gebiedsapp.services.demo.generator import generate
from gebiedsapp.services.demo.texts import FAKE_SURNAMES, FIRST_NAMES
from gebiedsapp.services.demo.world import DEMO_ACTOR, SIZES, DemoSize
from gebiedsapp.storage.repositories.demo import INSERT_ORDER

__all__ = [
    "DEMO_ACTOR",
    "FAKE_SURNAMES",
    "FIRST_NAMES",
    "INSERT_ORDER",
    "SIZES",
    "DemoSize",
    "generate",
]
