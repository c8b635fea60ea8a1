"""Linking grows linearly with the corpus (a ratio, not an absolute time: machines differ)."""

from __future__ import annotations

import random
import time

import pytest

import vnreport

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Ngọc", "Xuân", "Anh"]
GIVEN = ["Hùng", "Dũng", "Tuấn", "Sơn", "Hải", "Lan", "Mai", "Bình", "Cường", "Thắng", "Hà", "Nam"]
PROVINCES = ["Bình Định", "Hà Giang", "Nghệ An", "Cà Mau", "Hậu Giang", "Phú Yên", "Lạng Sơn", "Gia Lai"]
FIELDS = ["Tài chính", "Nội vụ", "Y tế", "Tư pháp", "Công Thương", "Xây dựng"]


def records(n: int, seed: int = 3) -> list[dict]:
    """``n`` records like `vnreport extract` writes, with a name pool that grows with the corpus
    (as a province's officials do) and a few officials per report, some with bare titles only."""
    rng = random.Random(seed)
    names = [f"{s} {m} {g}" for s in SURNAMES for m in MIDDLE for g in GIVEN][: max(20, n // 2)]
    out = []
    for i in range(n):
        province = rng.choice(PROVINCES)
        officials, agencies = [], []
        for _ in range(4):
            org = f"Sở {rng.choice(FIELDS)} tỉnh {province}"
            bare = rng.random() < 0.3
            positions = [{"text": "Giám đốc", "title": "Giám đốc", "organization": None if bare else org}]
            officials.append({"name": rng.choice(names), "honorific": None, "positions": positions, "mentions": []})
            agencies.append(
                {
                    "name": org,
                    "kind": "Sở",
                    "level": "province",
                    "province": province,
                    "mentions": [{"start": 0, "end": 3, "text": "Sở"}],
                }
            )
        out.append(
            {
                "doc_id": f"r{i:05d}",
                "error": None,
                "published": f"{2010 + i % 15}-05-01T00:00:00",
                "province": {"name": province},
                "officials": officials,
                "agencies": agencies,
                "legal_documents": [],
            }
        )
    return out


def _best(items: list[dict], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        vnreport.link(items)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.slow
def test_ten_times_the_reports_take_about_ten_times_as_long() -> None:
    small, large = records(150), records(1500)
    vnreport.link(small)  # warm the caches (keys, gazetteers)
    ratio = _best(large) / _best(small)
    # quadratic would be ~100x; the margin absorbs a loaded machine (2 cores shared by many runs)
    assert ratio < 30, f"10x the reports took {ratio:.1f}x the time"


def crowd(n: int) -> list[dict]:
    """One common name in every report: half of them namesakes anchored to their own company,
    half bare "Giám đốc" mentions that fit them all (the worst case for unanchored mentions)."""
    out = []
    for i in range(n):
        org = f"Công ty Cổ phần {i}" if i % 2 else None
        positions = [{"text": "Giám đốc", "title": "Giám đốc", "organization": org}]
        agencies = [{"name": org, "kind": "Công ty", "level": "central"}] if org else []
        province = {"name": "Hà Nội"} if i % 3 == 0 else None
        official = {"name": "Nguyễn Văn Hùng", "positions": positions}
        out.append(
            {
                "doc_id": f"d{i:05d}",
                "province": province,
                "officials": [official],
                "agencies": agencies,
                "published": f"{2000 + i % 25}-01-01",
            }
        )
    return out


@pytest.mark.slow
def test_a_crowd_of_namesakes_stays_linear() -> None:
    small, large = crowd(200), crowd(2000)
    vnreport.link(small)
    ratio = _best(large) / _best(small)
    # quadratic would be ~100x; the margin absorbs a loaded machine (2 cores shared by many runs)
    assert ratio < 30, f"10x the namesakes took {ratio:.1f}x the time"
    assert len(vnreport.link(small).officials) == 101  # 100 companies' directors + the bare mentions
