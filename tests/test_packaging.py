"""The bundle build's own guards, without building: the lock file covers every dependency with
hashes, the version is written once, and the content check catches a missing data file or an
unused Qt part (the build itself runs in CI: packaging/build.py --smoke)."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import gebiedsapp

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "packaging" / "requirements-bundle.txt"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _locked() -> dict[str, list[str]]:
    """name -> the hashes of its pinned version, from the lock file."""
    pins: dict[str, list[str]] = {}
    current = ""
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        pinned = re.match(r"^([A-Za-z0-9_.-]+)==\S+", line)
        if pinned:
            current = _normal(pinned.group(1))
            pins[current] = []
        elif current and (found := re.search(r"--hash=sha256:([0-9a-f]{64})", line)):
            pins[current].append(found.group(1))
    return pins


def test_the_lock_file_pins_every_dependency_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["build"]]
    names = {_normal(re.split(r"[\s<>=!~\[;]", spec, maxsplit=1)[0]) for spec in wanted}
    pins = _locked()
    missing = sorted(names - set(pins))
    assert not missing, f"not in {LOCK.name}: {missing}; run packaging/lock.sh"
    assert all(pins.values()), [name for name, hashes in pins.items() if not hashes]
    assert "pyside6" not in pins  # the meta-package would bring Addons and WebEngine back


def test_the_version_is_the_same_in_pyproject_and_the_code() -> None:
    """build_installer.spec stops on a difference; this says so before a build is tried."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert gebiedsapp.__version__ == project["version"]


def _fake_bundle(folder: Path, check: ModuleType) -> Path:
    bundle = folder / "gebiedsapp"
    inner = bundle / "_internal"
    for name in ("gebiedsapp", "gebiedsapp-gui"):
        (bundle / f"{name}{check.EXE}").parent.mkdir(parents=True, exist_ok=True)
        (bundle / f"{name}{check.EXE}").write_bytes(b"")
    for name in ("LICENSE", "THIRD_PARTY_NOTICES.md"):
        (bundle / name).write_text("")
    for pattern, _why in check.REQUIRED:
        path = inner / pattern.replace("*", "x")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    return bundle


def test_the_content_check_finds_a_missing_font_and_webengine(tmp_path: Path) -> None:
    check = _load(ROOT / "packaging" / "check_bundle.py")
    bundle = _fake_bundle(tmp_path, check)
    assert check.problems(bundle) == []
    (bundle / "_internal" / "resources" / "fonts" / "DejaVuSans.ttf").unlink()
    webengine = bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6WebEngineCore.so.6"
    webengine.parent.mkdir(parents=True, exist_ok=True)
    webengine.write_bytes(b"")
    (bundle / "LICENSE").unlink()
    assert check.problems(bundle) == [
        "missing beside the executables: LICENSE",
        "missing: resources/fonts/DejaVuSans.ttf (the font embedded in every PDF)",
        "unused Qt part in the bundle: _internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6",
    ]
    assert check.main([str(bundle)]) == 1
