"""Where the data that ships with vnreport lives (gazetteers, sample reports).

A wheel puts ``data/<name>`` inside the package (``vnreport/data/<name>``); an editable install
or a checkout keeps it at the repository root. Callers raise their own error when it is missing.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT_DATA = Path(__file__).resolve().parents[3] / "data"


def data_dir(name: str) -> Path | None:
    """The bundled folder ``name`` (``"gazetteers"``, ``"samples"``), or None if absent."""
    packaged = resources.files("vnreport") / "data" / name
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = CHECKOUT_DATA / name
    return checkout if checkout.is_dir() else None
