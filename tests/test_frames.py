"""Tidy DataFrames: one table per entity kind, fixed schemas, records and Reports alike."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import vnreport
from vnreport import (
    Agency,
    DateMention,
    Entity,
    LegalDocument,
    Metric,
    Official,
    Place,
    Position,
    Report,
    Span,
)
from vnreport.io.frames import SCHEMAS, TABLES, TableWriter, table_paths, to_frame


def _report(doc_id: str | None = "a") -> Report:
    return Report(
        doc_id=doc_id,
        text_length=500,
        title="Tin hoạt động",
        published=dt.datetime(2011, 7, 19, 8, 30),
        authors=["Ái Phương", "Xuân Hoàn"],
        province=Place(name="Hậu Giang"),
        officials=[
            Official(
                name="Võ Minh Tâm",
                honorific="đồng chí",
                positions=[
                    Position(text="UVTV Tỉnh ủy", start=20, end=32),
                    Position(
                        text="Trưởng Ban Tuyên giáo Tỉnh ủy",
                        start=34,
                        end=63,
                        organization="Ban Tuyên giáo Tỉnh ủy Hậu Giang",
                    ),
                ],
                mentions=[Span(start=5, end=16, text="Võ Minh Tâm"), Span(start=90, end=101, text="Võ Minh Tâm")],
            ),
            Official(name="Nguyễn Văn A"),
        ],
        agencies=[
            Agency(
                name="Sở Thông tin và Truyền thông Hậu Giang",
                kind="Sở",
                level="province",
                mentions=[Span(start=110, end=120, text="Sở TT&TT")],
            )
        ],
        legal_documents=[
            LegalDocument(
                id="43/2011/NĐ-CP",
                doc_type="Nghị định",
                year=2011,
                signed_on=dt.date(2011, 6, 13),
                mentions=[Span(start=130, end=153, text="Nghị định 43/2011/NĐ-CP")],
            )
        ],
        metrics=[Metric(start=200, end=210, text="72 kỳ báo", value=72, unit="kỳ", qualifier="exact")],
        dates=[
            DateMention(
                start=220, end=229, text="19/7/2011", date_start=dt.date(2011, 7, 19), date_end=dt.date(2011, 7, 19)
            )
        ],
        places=[Place(name="Hậu Giang", kind="province", mentions=[Span(start=240, end=249, text="Hậu Giang")])],
        entities=[Entity(start=300, end=305, text="Covid", label="DISEASE", attrs={"who": "x"})],
    )


def test_tables_and_keys() -> None:
    f = to_frame([_report("a"), _report("b")])
    assert list(f) == list(TABLES)
    assert f.documents["doc_id"].tolist() == ["a", "b"]
    for name, df in f.items():
        assert list(df.columns) == list(SCHEMAS[name]), name
        assert set(df["doc_id"]) <= {"a", "b"}
    assert f["legal_documents"]["year"].tolist() == [2011, 2011]
    assert f.documents.loc[0, "authors"] == "Ái Phương; Xuân Hoàn"
    assert f.documents.loc[0, "province"] == "Hậu Giang"
    assert f.documents.loc[0, "n_officials"] == 2
    assert f.entities.loc[0, "attrs"] == '{"who": "x"}'
    assert f.legal_documents.loc[0, "signed_on"] == pd.Timestamp("2011-06-13")
    assert "officials=6" in repr(f)


def test_officials_exploded_by_position() -> None:
    off = to_frame(_report()).officials
    assert off[["name", "position"]].fillna("-").values.tolist() == [
        ["Võ Minh Tâm", "UVTV Tỉnh ủy"],
        ["Võ Minh Tâm", "Trưởng Ban Tuyên giáo Tỉnh ủy"],
        ["Nguyễn Văn A", "-"],  # an official without a position still has a row
    ]
    assert off["official_index"].tolist() == [0, 0, 1]
    assert off.loc[1, "organization"] == "Ban Tuyên giáo Tỉnh ủy Hậu Giang"
    assert off.loc[0, "n_mentions"] == 2 and off.loc[0, "start"] == 5


def test_records_from_jsonl_give_the_same_tables() -> None:
    """CLI records (JSON, with `error`) and Reports make identical frames; failures stay rows."""
    records = [
        json.loads(json.dumps({"error": None, **_report("a").model_dump(mode="json")})),
        {"doc_id": "bad.txt", "error": "bad.txt: binary file"},
    ]
    from_records = to_frame(records)
    from_reports = to_frame([_report("a")])
    for name in TABLES:
        if name != "documents":
            pd.testing.assert_frame_equal(from_records[name], from_reports[name])
    docs = from_records.documents
    assert docs["doc_id"].tolist() == ["a", "bad.txt"]
    assert docs["error"].isna().tolist() == [True, False]
    assert docs.loc[1, "n_officials"] is pd.NA


def test_empty_tables_keep_schema_and_concat() -> None:
    empty = to_frame([])
    for name, df in empty.items():
        assert df.empty and list(df.columns) == list(SCHEMAS[name])
    full = to_frame([_report()])
    both = pd.concat([empty.metrics, full.metrics], ignore_index=True)
    assert dict(both.dtypes) == dict(full.metrics.dtypes)


def test_missing_doc_id_uses_position_and_single_report() -> None:
    f = to_frame([_report(None), _report(None)])
    assert f.documents["doc_id"].tolist() == ["0", "1"]
    assert len(_report().to_frame().documents) == 1
    assert len(vnreport.to_frame(_report()).officials) == 3
    with pytest.raises(TypeError, match="Reports or record dicts"):
        to_frame([42])  # type: ignore[list-item]


def test_table_paths_folder_or_prefix(tmp_path: Path) -> None:
    assert table_paths(tmp_path / "out", "csv")["officials"] == tmp_path / "out" / "officials.csv"
    assert table_paths(str(tmp_path / "x") + "/", "parquet")["dates"] == tmp_path / "x" / "dates.parquet"
    assert table_paths(tmp_path / "run.csv", "csv")["officials"] == tmp_path / "run.officials.csv"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_writer_streams_chunks_with_one_schema(tmp_path: Path, fmt: str) -> None:
    items = [_report(f"d{i}") for i in range(5)] + [{"doc_id": "bad", "error": "boom"}]
    with TableWriter(tmp_path / "out", fmt, chunk_size=2) as w:
        for it in items:
            w.write(it)
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    docs = read(tmp_path / "out" / f"documents.{fmt}")
    assert docs["doc_id"].tolist() == ["d0", "d1", "d2", "d3", "d4", "bad"]
    assert len(read(tmp_path / "out" / f"officials.{fmt}")) == 15
    assert len(read(tmp_path / "out" / f"standards.{fmt}")) == 0  # empty tables still written
    if fmt == "parquet":
        assert dict(read(tmp_path / "out" / "metrics.parquet").dtypes) == dict(to_frame([]).metrics.dtypes)


def test_frames_to_csv_and_parquet(tmp_path: Path) -> None:
    f = to_frame([_report()])
    paths = f.to_parquet(tmp_path / "pq")
    pd.testing.assert_frame_equal(pd.read_parquet(paths["legal_documents"]), f.legal_documents)
    paths = f.to_csv(tmp_path / "run.csv")
    assert paths["agencies"].name == "run.agencies.csv"


def test_samples_real_output() -> None:
    texts = vnreport.samples()
    reports = [vnreport.extract(t, doc_id=k) for k, t in texts.items()]
    f = vnreport.to_frame(reports)
    assert f.documents["doc_id"].tolist() == list(texts)
    assert f.documents["title"].notna().all()
    assert len(f.spans) == sum(len(r.spans()) for r in reports)
    assert len(f.legal_documents) == sum(len(r.legal_documents) for r in reports)
    assert len(f.metrics) == sum(len(r.metrics) for r in reports)


def test_pandas_stays_optional() -> None:
    code = (
        "import sys\n"
        "sys.modules['pandas'] = None  # as if pandas were not installed\n"
        "import vnreport\n"
        "r = vnreport.extract('Hà Nội, ngày 1/1/2020')\n"
        "try:\n"
        "    vnreport.to_frame([r])\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "pip install 'vnreport[pandas]'" in out.stdout


def test_roles_and_urls_reach_their_tables() -> None:
    text = "Ông Nguyễn Văn An, Giám đốc Sở Nội vụ tỉnh Hậu Giang, và bà Lê Thị Bình dự hội nghị."
    frames = vnreport.to_frame(vnreport.extract(text, doc_id="d", url="https://hg.gov.vn/a"))
    assert frames.documents["url"].tolist() == ["https://hg.gov.vn/a"]
    roles = dict(zip(frames.officials["name"], frames.officials["role"], strict=True))
    assert roles == {"Nguyễn Văn An": "office_holder", "Lê Thị Bình": "named"}


def test_figure_semantics_reach_the_metrics_table() -> None:
    text = (
        "Tiêu đề\n\nNgày 5/7/2024, Sở Tài chính cho biết 6 tháng đầu năm 2024 thu ngân sách đạt 1.200 tỷ đồng, "
        "tăng 15% so với cùng kỳ năm trước; tỷ lệ hộ nghèo giảm còn 3 - 4%."
    )
    m = vnreport.to_frame(vnreport.extract(text)).metrics
    growth = m[m["unit"] == "%"].iloc[0]
    assert growth["change"] == "increase" and growth["change_base"]
    ranged = m[m["high"].notna()]
    assert len(ranged) == 1 and ranged.iloc[0]["low"] == 3 and ranged.iloc[0]["high"] == 4
    assert str(m.dtypes["period_start"]).startswith("datetime64")
