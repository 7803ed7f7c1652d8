"""No fixed user-visible text in ui/ bypasses the translation: an AST scan of every call that
puts text on screen (QLabel, QMessageBox, setText, setWindowTitle, addAction, …) for string
literals, f-strings and module constants that are not wrapped in tr()/translate().

A text the scan flags either goes through tr() / QCoreApplication.translate (and into the .ts
with packaging/translations.py) or, when it is the same in every language, into ALLOWED with
the reason."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "gebiedsapp" / "ui"

# Calls whose text arguments are shown to the user.
SHOWN = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMessageBox",
    "QToolButton",
    "QProgressDialog",
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setInformativeText",
    "setDetailedText",
    "setLabelText",
    "setCancelButtonText",
    "setTitle",
    "setTabText",
    "setItemText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "showMessage",
    "addAction",
    "addMenu",
    "addRow",
    "addTab",
    "addButton",
    "addItem",
    "addItems",
    "information",
    "warning",
    "critical",
    "question",
    "about",
    "getText",
    "getItem",
    "getExistingDirectory",
    "getOpenFileName",
    "getOpenFileNames",
    "getSaveFileName",
}
LOGGERS = {"log", "logger", "logging"}  # log.warning(...) is for the log file: English

# (file, text) that are the same in every language, with why.
ALLOWED = {
    # the language menu names both languages, so whoever cannot read one still finds it
    ("language.py", "&Taal / Language"),
    ("language.py", "Taal / Language"),
    (
        "language.py",
        "De taal wordt gewijzigd als u de Gebiedsapp opnieuw start.\n\n"
        "The language changes when you restart Gebiedsapp.",
    ),
    ("pdf.py", "PDF (*.pdf)"),  # a format name
}

_WORD = re.compile(r"[^\W\d_]{2,}")
_TAG = re.compile(r"<[^<>]*>")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _is_log_call(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in LOGGERS
    )


class _Texts:
    """The fixed texts an expression is built from (translated ones are not fixed)."""

    def __init__(self, tree: ast.Module) -> None:
        self.constants: dict[str, ast.expr] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    self.constants[target.id] = node.value

    def of(self, node: ast.expr, depth: int = 0) -> list[str]:
        if depth > 6:
            return []
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            parts = (v.value for v in node.values if isinstance(v, ast.Constant))
            return ["".join(str(p) for p in parts)]
        if isinstance(node, ast.BinOp):
            right = self.of(node.right, depth + 1) if isinstance(node.op, ast.Add) else []
            return self.of(node.left, depth + 1) + right  # "…%s" % x: the format is fixed
        if isinstance(node, ast.IfExp):
            return self.of(node.body, depth + 1) + self.of(node.orelse, depth + 1)
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.of(self.constants[node.id], depth + 1)
        if isinstance(node, ast.Subscript):
            mapping = node.value
            if isinstance(mapping, ast.Name) and mapping.id in self.constants:
                mapping = self.constants[mapping.id]
            if isinstance(mapping, ast.Dict):
                return [t for v in mapping.values for t in self.of(v, depth + 1)]
        if isinstance(node, (ast.List, ast.Tuple)):
            return [t for e in node.elts for t in self.of(e, depth + 1)]
        if isinstance(node, ast.Call) and _name(node.func) == "format":
            assert isinstance(node.func, ast.Attribute)
            return self.of(node.func.value, depth + 1)
        if isinstance(node, ast.Call) and _name(node.func) == "QT_TRANSLATE_NOOP":
            return self.of(node.args[-1], depth + 1)  # marked for lupdate, shown untranslated
        return []  # tr(), translate(), a variable, a call: not a fixed text


def _unmarked(texts: _Texts, node: ast.expr) -> list[str]:
    """The texts of a module constant (or a dict of them) that lupdate never sees: a plain
    string passed to tr() by name. QT_TRANSLATE_NOOP marks them."""
    if isinstance(node, ast.Name) and node.id in texts.constants:
        value = texts.constants[node.id]
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return [value.value]
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        mapping = texts.constants.get(node.value.id)
        if isinstance(mapping, ast.Dict):
            return [
                v.value
                for v in mapping.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            ]
    return []


def untranslated(source: str, file: str) -> list[tuple[str, int, str]]:
    """(file, line, text) of each fixed text shown without translation, or translated by a
    name lupdate cannot follow (so it never reaches the .ts)."""
    tree = ast.parse(source)
    texts = _Texts(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):  # lupdate does not look inside an f-string
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _name(inner.func) in ("tr", "translate"):
                    found.append((file, inner.lineno, "in an f-string: " + ast.unparse(inner)))
        if isinstance(node, ast.Call) and _name(node.func) in ("tr", "translate") and node.args:
            for text in _unmarked(texts, node.args[-1]):
                if _WORD.search(text) and (file, text) not in ALLOWED:
                    found.append((file, node.lineno, text))
        if not isinstance(node, ast.Call) or _name(node.func) not in SHOWN:
            continue
        if _is_log_call(node):
            continue
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            for text in texts.of(argument):
                if _WORD.search(_TAG.sub("", text)) and (file, text) not in ALLOWED:
                    found.append((file, node.lineno, text))
    return found


def test_no_fixed_text_in_ui_bypasses_the_translation() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += untranslated(path.read_text(encoding="utf-8"), path.relative_to(UI).as_posix())
    assert found == []


def test_the_scan_finds_the_ways_a_text_slips_through() -> None:
    source = """
TITLE = "Er ging iets mis"
_TITLES = {1: "Database openen"}
NOOP = QT_TRANSLATE_NOOP("X", "Gemarkeerd")
HINT = "Onzichtbaar voor lupdate"
def f(self, purpose, path):
    QMessageBox.information(None, TITLE, f"De database {path} is al geopend.")
    self.setWindowTitle(_TITLES[purpose])
    QLabel("Sterkte:")
    form.addRow("Nogmaals:" if purpose else "Wachtwoord:", field)
    box.addButton("Afsluiten", role)
    label.setText(NOOP)
    label.setText("<b>%s</b>" % name)
    log.warning("English for the log %s", path)
    label.setText(self.tr("Vertaald"))
    label.setText(translate("Ctx", "Vertaald") % path)
    label.setText(name)
    label.setText(self.tr(HINT))
    label.setText(self.tr(NOOP))
    label.setText(f"<b>{self.tr('Verstopt')}</b>")
"""
    texts = [text for _file, _line, text in untranslated(source, "x.py")]
    assert texts == [
        "Er ging iets mis",
        "De database  is al geopend.",
        "Database openen",
        "Sterkte:",
        "Nogmaals:",
        "Wachtwoord:",
        "Afsluiten",
        "Gemarkeerd",
        "Onzichtbaar voor lupdate",
        "in an f-string: self.tr('Verstopt')",
    ]
