"""Samenvatting's lists hand the view a page of rows at a time (issue 19: on ten times the data
Winschoten's year has thousands of open signals and actions; showing them all at once held the
GUI thread). Scrolling down brings the next page; every row stays in the export and the PDF."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QTableView

from gebiedsapp.services.summary import OpenAction
from gebiedsapp.ui.summary.models import PAGE, OpenActionsModel
from gebiedsapp.ui.summary.parts import read_only_table


def _actions(count: int) -> list[OpenAction]:
    return [
        OpenAction(f"Actie {n}", "Anna", date(2024, 3, 1), "Winschoten", overdue=False)
        for n in range(count)
    ]


def test_a_long_list_comes_a_page_at_a_time_as_the_user_scrolls(
    qtbot: Any, qtmodeltester: Any
) -> None:
    model = OpenActionsModel()
    view: QTableView = read_only_table(model, None)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)

    model.set_rows(_actions(PAGE * 2 + 10))
    assert model.rowCount() == PAGE  # the first page only
    assert len(model.all_rows) == PAGE * 2 + 10

    while model.rowCount() < PAGE * 2 + 10:
        before = model.rowCount()
        view.scrollToBottom()  # as the user drags the scroll bar down
        qtbot.waitUntil(lambda before=before: model.rowCount() > before)
    last = model.index(model.rowCount() - 1, 0)
    assert last.data() == f"Actie {PAGE * 2 + 9}"
    qtmodeltester.check(model)

    model.set_rows(_actions(3))  # a short list: all of it
    assert model.rowCount() == 3
