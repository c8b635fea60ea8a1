"""What users get from `pip install vnreport`: gazetteers and samples inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    (whl,) = out.glob("vnreport-*.whl")
    return whl


def test_wheel_ships_every_gazetteer_and_sample(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in (ROOT / "data" / "gazetteers").glob("*.tsv"):
        assert f"vnreport/data/gazetteers/{f.name}" in names
    for f in (ROOT / "data" / "samples").glob("*.txt"):
        assert f"vnreport/data/samples/{f.name}" in names


def test_wheel_declares_cli_and_spacy_entry_points(wheel: Path) -> None:
    z = zipfile.ZipFile(wheel)
    (ep,) = [n for n in z.namelist() if n.endswith("entry_points.txt")]
    text = z.read(ep).decode()
    assert "vnreport = vnreport.cli:main" in text
    assert "[spacy_factories]" in text


def test_import_is_light() -> None:
    """`import vnreport` must not drag in the segmenters, spaCy or pandas."""
    code = (
        "import sys, vnreport; heavy = [m for m in ('underthesea', 'pyvi', 'spacy', 'pandas', 'dask') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    assert out == ""
