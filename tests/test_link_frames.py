"""A linked corpus as pandas tables, CSV and Parquet files, and the `vnreport link` command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import vnreport
from test_link_builders import agency, official, post, report, tinh_uy, ubnd, year
from vnreport.cli import main
from vnreport.linking.frames import SCHEMAS, TABLES


def _reports() -> list:
    return [
        report(
            "a",
            official("Hồ Quốc Dũng", post("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định")),
            agencies=(ubnd("Bình Định"),),
            published=year(2012),
        ),
        report(
            "b",
            official("Hồ Quốc Dũng", post("Bí thư", "Tỉnh ủy Bình Định")),
            agencies=(tinh_uy("Bình Định"),),
            published=year(2025),
        ),
        report(
            "c",
            official("Đinh Tiến Dũng", post("Bộ trưởng", "Bộ Tài chính")),
            agencies=(agency("Bộ Tài chính", kind="Bộ"),),
        ),
    ]


def _records(tmp_path: Path, failed: int = 1) -> Path:
    path = tmp_path / "records.jsonl"
    lines = [json.dumps({"error": None, **r.model_dump(mode="json")}, ensure_ascii=False) for r in _reports()]
    lines += [json.dumps({"doc_id": f"bad{i}", "error": "binary file"}) for i in range(failed)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_tables_have_fixed_columns_and_dtypes_even_when_empty() -> None:
    for corpus in (vnreport.link(_reports()), vnreport.link([])):
        frames = corpus.to_frame()
        assert list(frames) == list(TABLES)
        for name in TABLES:
            assert list(frames[name].columns) == list(SCHEMAS[name])
            assert [str(t) for t in frames[name].dtypes] == list(SCHEMAS[name].values())


def test_tables_hold_the_corpus() -> None:
    corpus = vnreport.link(_reports())
    frames = corpus.to_frame()
    assert len(frames.officials) == 2 and len(frames.timeline) == 3
    dung = frames.officials.set_index("name").loc["Hồ Quốc Dũng"]
    assert (dung["doc_ids"], dung["n_reports"], dung["n_positions"]) == ("a; b", 2, 2)
    assert dung["first_seen"] == pd.Timestamp("2012-06-01") and dung["last_seen"] == pd.Timestamp("2025-06-01")
    mentions = frames.mentions
    assert set(mentions["kind"]) == {"official", "agency"}
    assert sorted(mentions.query("kind == 'official'")["doc_id"]) == ["a", "b", "c"]
    # the mentions table joins with vnreport.to_frame's tables on doc_id
    joined = mentions.merge(vnreport.to_frame(_reports()).documents[["doc_id", "published"]], on="doc_id")
    assert len(joined) == len(mentions)


@pytest.mark.parametrize(("target", "fmt"), [("tables/", "csv"), ("run.csv", "csv"), ("out/run.parquet", "parquet")])
def test_frames_write_one_file_per_table(tmp_path: Path, target: str, fmt: str) -> None:
    frames = vnreport.link(_reports()).to_frame()
    paths = (
        getattr(frames, f"to_{fmt}")(tmp_path / target)
        if not target.endswith("/")
        else frames.to_csv(str(tmp_path / target))
    )
    assert set(paths) == set(TABLES) and all(p.exists() for p in paths.values())
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    assert len(read(paths["timeline"])) == 3


def test_cli_writes_tables_and_counts_failed_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = _records(tmp_path, failed=2)
    assert main(["link", str(records), "-o", str(tmp_path / "tables") + "/"]) == 0
    err = capsys.readouterr().err
    assert "skipped 2 failed record(s)" in err and "officials=2" in err
    timeline = pd.read_csv(tmp_path / "tables" / "timeline.csv")
    assert sorted(timeline["title"]) == ["Bí thư", "Bộ trưởng", "Chủ tịch"]
    assert main(["link", str(records), "-o", str(tmp_path / "run.parquet")]) == 0
    assert (tmp_path / "run.officials.parquet").exists()


def test_cli_writes_json_and_reads_a_json_array_and_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    array = tmp_path / "one.json"
    array.write_text(
        json.dumps([{"error": None, **r.model_dump(mode="json")} for r in _reports()], indent=1), encoding="utf-8"
    )
    assert main(["link", str(array)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [o["name"] for o in out["officials"]] == ["Đinh Tiến Dũng", "Hồ Quốc Dũng"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(_records(tmp_path).read_text(encoding="utf-8")))
    assert main(["link", "-", "-o", str(tmp_path / "corpus.json")]) == 0
    assert json.loads((tmp_path / "corpus.json").read_text(encoding="utf-8"))["n_failed"] == 1


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ('{"doc_id": "a"}\nnot json\n', [], "line 2: not a JSON record"),
        ('["not a record"]', [], "expected records"),
        ("", ["--format", "csv"], "give -o FOLDER/"),
    ],
)
def test_cli_errors_are_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, args: list[str], message: str
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(content, encoding="utf-8")
    assert main(["link", str(path), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_cli_pipes_from_extract(tmp_path: Path) -> None:
    samples = Path(vnreport.__file__).resolve().parents[2] / "data" / "samples"
    extract = subprocess.run(
        [sys.executable, "-m", "vnreport", "extract", str(samples)], capture_output=True, text=True, check=True
    )
    linked = subprocess.run(
        [sys.executable, "-m", "vnreport", "link", "-", "-o", str(tmp_path / "t") + "/"],
        input=extract.stdout,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "reports=5" in linked.stderr
    assert len(pd.read_csv(tmp_path / "t" / "officials.csv")) > 0
