"""Repositories return rows with names (issue 20, item 5): a NamedTuple, a dataclass or an ORM
object, never a positional tuple or Row whose fields a caller must count (`open_signals` was a
10-tuple with four `str` fields mypy could not tell apart). Variable-width rows (`tuple[X, ...]`,
the exports' personal columns) are not positional and stay allowed. One exception is named
where it is made: the signal list's `ListRow` (100k rows; a named tuple each would cost as much
as the list's own views)."""

from __future__ import annotations

import ast
from pathlib import Path

REPOSITORIES = (
    Path(__file__).resolve().parents[2] / "src" / "gebiedsapp" / "storage" / "repositories"
)


def _positional(annotation: ast.expr) -> bool:
    """Anywhere in it: tuple[...] or Row[...] with a fixed number of fields (no `...`)."""
    for node in ast.walk(annotation):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name | ast.Attribute)
            and (node.value.id if isinstance(node.value, ast.Name) else node.value.attr)
            in {"tuple", "Tuple", "Row"}
            and isinstance(node.slice, ast.Tuple)
            and not any(
                isinstance(e, ast.Constant) and e.value is Ellipsis for e in node.slice.elts
            )
        ):
            return True
    return False


def positional_returns(source: str) -> list[str]:
    """'Class.method -> annotation' for every public method returning positional rows."""
    found = []
    for cls in ast.parse(source).body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for node in cls.body:
            if (
                isinstance(node, ast.FunctionDef)
                and not node.name.startswith("_")
                and node.returns is not None
                and _positional(node.returns)
            ):
                found.append(f"{cls.name}.{node.name} -> {ast.unparse(node.returns)}")
    return found


def test_the_check_finds_positional_rows() -> None:
    source = (
        "class R:\n"
        "    def a(self) -> list[tuple[uuid.UUID, str, int]]: ...\n"
        "    def b(self) -> Sequence[Row[date, str]] | None: ...\n"
        "    def c(self) -> dict[uuid.UUID, tuple[Any, ...]]: ...\n"
        "    def f(self) -> tuple[int, dict[str, Any], list[str]] | None: ...\n"
        "    def d(self) -> list[QuoteRow]: ...\n"
        "    def _e(self) -> tuple[int, int]: ...\n"
    )
    assert positional_returns(source) == [
        "R.a -> list[tuple[uuid.UUID, str, int]]",
        "R.b -> Sequence[Row[date, str]] | None",
        "R.f -> tuple[int, dict[str, Any], list[str]] | None",
    ]


def test_repositories_return_named_rows() -> None:
    found = [
        f"{path.name}: {hit}"
        for path in sorted(REPOSITORIES.glob("*.py"))
        for hit in positional_returns(path.read_text(encoding="utf-8"))
    ]
    assert found == []
