"""Shipped files are found wherever the app runs from, load, and keep their attribution."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from gebiedsapp import resources
from gebiedsapp.resources import load_json, resource_path, resources_root

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REFERENCE_FILES = sorted(p.name for p in (PROJECT_ROOT / "resources" / "reference").glob("*.json"))
GEO_FILES = sorted(p.name for p in (PROJECT_ROOT / "resources" / "geo").glob("*.geojson"))


@pytest.fixture
def fresh_root_cache() -> Iterator[None]:
    resources_root.cache_clear()
    yield
    resources_root.cache_clear()


def test_resources_root_is_the_checkout_folder() -> None:
    root = resources_root()
    assert root == PROJECT_ROOT / "resources"
    assert (root / "reference" / "areas.json").is_file()


def test_bundle_folder_comes_first(
    fresh_root_cache: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """In a PyInstaller bundle the copy next to the executable is used."""
    (tmp_path / "resources" / "reference").mkdir(parents=True)
    monkeypatch.setattr(resources.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_root() == tmp_path / "resources"


def test_missing_resources_folder_is_reported(
    fresh_root_cache: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "src" / "gebiedsapp")
    with pytest.raises(FileNotFoundError, match="resources folder not found"):
        resources_root()


def test_the_expected_files_are_shipped() -> None:
    assert REFERENCE_FILES == [
        "areas.json",
        "partners.json",
        "signal_categories.json",
        "themes.json",
    ]
    assert GEO_FILES == [
        "buurten.geojson",
        "gebieden.geojson",
        "gemeente.geojson",
        "wijken.geojson",
    ]


@pytest.mark.parametrize("name", REFERENCE_FILES)
def test_reference_json_loads(name: str) -> None:
    data = load_json("reference", name)
    assert isinstance(data, dict)
    assert data["version"] >= 1
    lists = [value for value in data.values() if isinstance(value, list)]
    assert len(lists) == 1
    assert lists[0], f"{name} ships no records"
    assert all({"key", "name"} <= set(record) for record in lists[0])


@pytest.mark.parametrize(
    ("name", "features"),
    [("wijken.geojson", 11), ("buurten.geojson", 50), ("gemeente.geojson", 1)],
)
def test_geojson_loads(name: str, features: int) -> None:
    data = load_json("geo", name)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == features
    for feature in data["features"]:
        assert set(feature["properties"]) == {"statcode", "statnaam", "jaar"}
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}


def test_the_project_drawn_outlines_are_called_approximations() -> None:
    """gebieden.geojson is no CBS data: it and SOURCE.md say the outlines are approximations."""
    data = load_json("geo", "gebieden.geojson")
    assert data["type"] == "FeatureCollection"
    assert {f["properties"]["grens"] for f in data["features"]} == {"benadering"}
    source = resource_path("geo", "SOURCE.md").read_text(encoding="utf-8")
    assert "approximations drawn by the project, not official boundaries" in source


def test_geojson_attribution_is_kept() -> None:
    """CC BY 4.0 requires the credit line to travel with the data."""
    source = resource_path("geo", "SOURCE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in source
    assert "CBS / Kadaster" in source
    assert "Wijk- en buurtkaart 2024" in source
    for name in GEO_FILES:
        assert f"`{name}`" in source


def test_resource_path_on_missing_file() -> None:
    with pytest.raises(FileNotFoundError, match="missing resource"):
        resource_path("reference", "bestaat-niet.json")
    with pytest.raises(FileNotFoundError):
        load_json("geo", "nergens.geojson")


def test_resource_path_on_existing_file() -> None:
    path = resource_path("reference", "themes.json")
    assert path == PROJECT_ROOT / "resources" / "reference" / "themes.json"
    assert json.loads(path.read_text(encoding="utf-8")) == load_json("reference", "themes.json")
