#!/usr/bin/env python3
"""Build data/gazetteers/districts.tsv (pre-2025 district-level units with their province).

The data come from the PyPI package ``vietnamadminunits`` (MIT, © 2025 Tran Ngoc Minh Hieu),
table ``admin_units_legacy`` of its ``data/dataset.db``: the 696 district-level units that
existed before the 2025 reorganisation abolished the district level. The package is needed
only to BUILD the file, never at run time::

    pip install --no-deps --target /tmp/vau vietnamadminunits==1.0.4
    PYTHONPATH=/tmp/vau python scripts/build_districts.py

Province names are taken from data/gazetteers/provinces.tsv (pre-2025 rows, by GSO code) so
that both files agree ("Thừa Thiên Huế", not the 2025 name "Huế"). A few units that the
package no longer lists because they were dissolved just before its snapshot are added from
general knowledge (see EXTRA).
"""

from __future__ import annotations

import csv
import importlib.util
import sqlite3
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteers" / "districts.tsv"
PROVINCES = ROOT / "data" / "gazetteers" / "provinces.tsv"

# Units dissolved before the package's snapshot but common in older reports (general knowledge).
EXTRA = [
    # name, type, province code, valid_to, note
    (
        "Huế",
        "Thành phố",
        "46",
        "2024-12-31",
        "provincial city of Thừa Thiên Huế until 2024-12-31 (split into quận Thuận Hóa and Phú Xuân)",
    ),
    ("Nam Đông", "Huyện", "46", "2024-12-31", "merged into huyện Phú Lộc on 2025-01-01"),
]

HEADER = """\
# District-level units (huyện, quận, thị xã, thành phố thuộc tỉnh) before the 2025 reorganisation,
# which abolished the district level from 2025-07-01. One row per unit. Reports name them with a
# unit word ("huyện Vũ Quang", "TP Huế", "thị xã Long Mỹ"); the place recogniser reads any unit
# word before any name, so "thị xã Vị Thanh" (a thị xã before 2010) still finds Vị Thanh.
# Columns:
#   name            short name ("Châu Thành")
#   type            Huyện | Quận | Thị xã | Thành phố (type in the source snapshot)
#   code            GSO district code (empty for rows added from general knowledge)
#   province        pre-2025 province (as in provinces.tsv)
#   province_code   its GSO code
#   same_name       how many units share this short name (Châu Thành: 10) - 1 means unique
#   valid_to        last day of validity (2025-06-30 for the whole district level)
#   note, provenance, source
# Provenance: package_data = PyPI vietnamadminunits 1.0.4 (MIT License, (c) 2025 Tran Ngoc Minh
# Hieu), table admin_units_legacy of data/dataset.db, built by scripts/build_districts.py;
# general_knowledge = rows added by hand in that script (EXTRA). Regenerate with the script.
"""

COLUMNS = ["name", "type", "code", "province", "province_code", "same_name", "valid_to", "note", "provenance", "source"]


def _dataset() -> Path:
    # Locate the package without importing it (its __init__ pulls in shapely/geopy).
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        sys.exit(
            "vietnamadminunits not found: pip install --no-deps --target /tmp/vau "
            "vietnamadminunits==1.0.4 and run with PYTHONPATH=/tmp/vau"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"


def _province_names() -> dict[str, str]:
    names: dict[str, str] = {}
    with PROVINCES.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        if row["status"].startswith("pre2025") and row["code"]:
            names[row["code"]] = row["name"]
    return names


def main() -> None:
    provinces = _province_names()
    con = sqlite3.connect(_dataset())
    rows = con.execute(
        "select distinct districtShort, districtType, districtCode, provinceCode "
        "from admin_units_legacy order by districtCode"
    ).fetchall()
    units = [
        {
            "name": n,
            "type": t,
            "code": c,
            "province_code": p,
            "valid_to": "2025-06-30",
            "note": "",
            "provenance": "package_data",
            "source": "vietnamadminunits 1.0.4 admin_units_legacy",
        }
        for n, t, c, p in rows
    ]
    for n, t, p, valid_to, note in EXTRA:
        units.append(
            {
                "name": n,
                "type": t,
                "code": "",
                "province_code": p,
                "valid_to": valid_to,
                "note": note,
                "provenance": "general_knowledge",
                "source": "general knowledge",
            }
        )
    counts = Counter(u["name"] for u in units)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        f.write("\t".join(COLUMNS) + "\n")
        for u in units:
            u["province"] = provinces[u["province_code"]]
            u["same_name"] = str(counts[u["name"]])
            f.write("\t".join(u[c] for c in COLUMNS) + "\n")
    print(f"wrote {len(units)} rows to {OUT}")


if __name__ == "__main__":
    main()
