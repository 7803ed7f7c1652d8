#!/usr/bin/env python3
"""Record the order in which the window's warm-up imports the main screens' modules.

    python packaging/warmup_order.py            # rewrite src/gebiedsapp/ui/warmup_order.py
    python packaging/warmup_order.py --check    # exit 1 when it is out of date (build.py)

After the first paint the window imports the modules of its main screens one per event-loop
turn, each after its own imports (ui.warmup, issue 19), so that no turn holds the GUI thread
long. The order comes from the app's sources: a module's module-level imports (those in the
first column; not those under `if TYPE_CHECKING`, in a function or a `try`) before the module.
It used to be read from the sources at every start, which an installed (PyInstaller) build does
not have: there the warm-up fell back to one step per screen package, 200-500 ms each. It is
read here instead, once, and kept in a module of its own that every build ships;
tests/ui/test_warmup.py checks that it is up to date with the sources.

Names of other packages are kept where they are modules (sqlalchemy.orm, PySide6.QtPdf), each
imported whole in one step; the standard library's are left to the app's modules that import
them. At run time the warm-up skips whatever the start imported already.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "gebiedsapp"
TARGET = SOURCE / "ui" / "warmup_order.py"
PACKAGE = "gebiedsapp"
AREA_HEADER_MODULE = "gebiedsapp.services.overview"  # what the first area header needs

# module-level imports start in the first column (those in functions, classes, `if` and
# `try` blocks are indented)
_IMPORT = re.compile(r"^import[ \t]+([^\n#]+)", re.MULTILINE)
_FROM = re.compile(r"^from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)", re.MULTILINE)
_NAME = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*")  # not a docstring's "import (`x`)"


def _source(name: str) -> Path | None:
    """The .py file of the app's module `name` (a package's __init__.py), or None."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    folder = SOURCE.joinpath(*parts[1:])
    if (folder / "__init__.py").is_file():
        return folder / "__init__.py"
    module = folder.with_suffix(".py")
    return module if len(parts) > 1 and module.is_file() else None


def _imports(name: str, source: Path) -> list[str]:
    """The modules `name` imports when it is imported, its parent package first (Python
    imports that first); submodules named in a `from package import x` included."""
    text = source.read_text(encoding="utf-8")
    package = name if source.name == "__init__.py" else name.rpartition(".")[0]
    found: list[str] = [package] if package and package != name else []
    for match in _IMPORT.finditer(text):
        found.extend(part.split()[0] for part in match.group(1).split(",") if part.strip())
    for match in _FROM.finditer(text):
        base = match.group(1)
        level = len(base) - len(base.lstrip("."))
        if level:
            anchor = package.rsplit(".", level - 1)[0]
            base = f"{anchor}.{base[level:]}" if base[level:] else anchor
        found.append(base)
        names = match.group(2).strip("()").replace("\\", " ").split(",")
        found.extend(f"{base}.{part.split()[0]}" for part in names if part.strip())
    return [module for module in found if _NAME.fullmatch(module) and module != "__future__"]


def _other_module(name: str) -> bool:
    """`name` is a module of another package (not a class or function named in a `from x
    import y`, not the standard library's). Finding a submodule imports its package: fine in
    this script."""
    if name.split(".")[0] in sys.stdlib_module_names:
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError, AttributeError):
        return False


def import_order(roots: tuple[str, ...]) -> Iterator[str]:
    """Every module `roots` need, each after its own imports (a depth-first walk over the
    app's sources; other packages are imported whole), the roots last. Modules in an import
    cycle (a package and its submodules, say) come as one: the first of the cycle reached,
    which imports the others as Python would."""
    seen: set[str] = set()
    for root in roots:
        stack: list[tuple[str, Iterator[str]]] = []
        absorbed: set[str] = set()
        following: str | None = root
        while True:
            if following is not None and following not in seen:
                seen.add(following)
                source = _source(following)
                if source is not None:
                    stack.append((following, iter(_imports(following, source))))
                elif following.split(".")[0] != PACKAGE and _other_module(following):
                    yield following  # imported whole
            if not stack:
                break
            name, pending = stack[-1]
            following = next(pending, None)
            if following is None:
                stack.pop()
                if name not in absorbed:
                    yield name
                continue
            on_stack = [entry for entry, _ in stack]
            if following in on_stack:  # a cycle: the modules above it come with it
                absorbed.update(on_stack[on_stack.index(following) + 1 :])
                following = None


def render() -> str:
    """The text of src/gebiedsapp/ui/warmup_order.py for the sources as they are."""
    sys.path.insert(0, str(SOURCE.parent))
    from gebiedsapp.ui.warmup import SCREEN_MODULES

    lines = [
        '"""The order in which the warm-up (ui.warmup) imports the main screens\' modules, each',
        "after its own imports. Generated from the sources by packaging/warmup_order.py: do not",
        'edit; run that script after changing what a screen imports (a test checks it)."""',
        "",
        "ORDER = (",
        *(f'    "{name}",' for name in import_order(SCREEN_MODULES)),
        ")",
        "",
        "# the first area header's modules (ui.area_headers), imported one per turn after the",
        "# first paint",
        "AREA_HEADER = (",
        *(f'    "{name}",' for name in import_order((AREA_HEADER_MODULE,))),
        ")",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    text = render()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if args.check:
        if text != current:
            print(f"{TARGET} is out of date: run packaging/warmup_order.py", file=sys.stderr)
            return 1
        return 0
    if text != current:
        TARGET.write_text(text, encoding="utf-8")
        print(f"{TARGET}: {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
