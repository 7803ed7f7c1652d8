"""A push writes a table's rows parents first: the server checks a reference to a row of the
same table (a follow-up signal's parent, a sub-area's area) at once, so a child before its
parent in the batch would be refused and cost another round."""

from __future__ import annotations

import uuid

from gebiedsapp.services.sync.push import parents_first
from gebiedsapp.storage.sync_tables import by_name


def test_children_come_after_their_parents_whatever_the_key_order() -> None:
    signal = by_name()["signal"]
    grandparent, parent, child = (uuid.UUID(int=n) for n in (30, 20, 10))
    rows = {
        child.hex: {"id": child, "parent_id": parent},
        parent.hex: {"id": parent, "parent_id": grandparent},
        grandparent.hex: {"id": grandparent, "parent_id": None},
    }
    keys = sorted(rows)  # the outbox's order: the child first

    assert parents_first(signal, keys, rows) == [grandparent.hex, parent.hex, child.hex]


def test_a_table_without_references_to_itself_keeps_its_order() -> None:
    conversation = by_name()["conversation"]
    keys = [uuid.UUID(int=n).hex for n in (3, 1, 2)]
    assert parents_first(conversation, keys, {k: {} for k in keys}) == keys
