"""The CLI never destroys data: outputs checked before the run, replaced atomically, workers
stopped on signals, one record schema, clear messages (issue 10)."""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

import vnreport
from vnreport import Report
from vnreport.cli import main
from vnreport.io import outputs

SAMPLES = vnreport.samples()
FIRST = next(iter(SAMPLES.values()))


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnreport", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )


def run_here(
    *args: str, cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture()
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i, text in enumerate(SAMPLES.values()):
        (folder / f"r{i}.txt").write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------------- outputs are safe
def test_an_output_that_is_also_an_input_is_refused(tmp_path: Path, reports: Path) -> None:
    victim = reports / "r0.txt"
    before = victim.read_bytes()
    r = run("extract", str(victim), "-o", str(victim), "--format", "json", cwd=tmp_path)
    assert r.returncode == 2 and "also an input" in r.stderr, r.stderr
    assert victim.read_bytes() == before
    r = run("extract", str(reports), "-o", str(reports / "." / "r1.txt"), "--format", "jsonl", cwd=tmp_path)
    assert r.returncode == 2 and "also an input" in r.stderr


@pytest.mark.parametrize(
    ("target", "fmt"), [("out.json", "json"), ("out.jsonl", "jsonl"), ("tables/", "csv"), ("run.xlsx", "xlsx")]
)
def test_a_usage_error_leaves_the_previous_output_alone(tmp_path: Path, reports: Path, target: str, fmt: str) -> None:
    args = ["extract", str(reports), "-o", target, "--format", fmt]
    assert run(*args, cwd=tmp_path).returncode == 0
    before = _snapshot(tmp_path / target)
    r = run(*args, "--disable", "bogus", cwd=tmp_path)
    assert r.returncode == 2 and "unknown recogniser" in r.stderr
    r = run(*args, "--gazetteers", "no/such/folder", cwd=tmp_path)
    assert r.returncode == 2 and "no such gazetteer" in r.stderr and "Error:" not in r.stderr
    assert _snapshot(tmp_path / target) == before


def test_a_write_that_fails_midway_keeps_the_old_output(
    tmp_path: Path, reports: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run.jsonl"
    out.write_text("the previous run\n", encoding="utf-8")
    written = {"n": 0}
    real = outputs.record_json

    def disk_fills_up(rec: dict, indent: int | None = None) -> str:
        written["n"] += 1
        if written["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(rec, indent)

    monkeypatch.setattr(outputs, "record_json", disk_fills_up)
    code, _, err = run_here(
        "extract", str(reports), "-o", str(out), cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 3, err  # not 2: the command line was fine
    assert "No space left on device" in err and "previous output" in err
    assert out.read_text(encoding="utf-8") == "the previous run\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_output_folders_are_created_for_every_format(tmp_path: Path, reports: Path) -> None:
    for target in ("new/deeper/run.jsonl", "newer/run.json", "tabs/", "books/run.xlsx"):
        r = (
            run("extract", str(reports), "-o", target, cwd=tmp_path, env=None)
            if not target.endswith("/")
            else run("extract", str(reports), "-o", target, "--format", "csv", cwd=tmp_path)
        )
        assert r.returncode == 0, (target, r.stderr)
        assert (tmp_path / target).exists()


def test_an_unknown_output_suffix_is_a_usage_error(tmp_path: Path, reports: Path) -> None:
    r = run("extract", str(reports), "-o", "results.out", cwd=tmp_path)
    assert r.returncode == 2 and "cannot tell the output format" in r.stderr
    assert not (tmp_path / "results.out").exists()


def test_xlsx_has_one_sheet_per_table_with_real_cell_types(tmp_path: Path, reports: Path) -> None:
    from openpyxl import load_workbook

    assert run("extract", str(reports), "-o", "run.xlsx", cwd=tmp_path).returncode == 0
    book = load_workbook(tmp_path / "run.xlsx", read_only=True)
    assert {"documents", "officials", "agencies", "legal_documents", "metrics"} <= set(book.sheetnames)
    rows = list(book["metrics"].iter_rows(values_only=True))
    header, first = rows[0], rows[1]
    assert isinstance(first[header.index("value")], (int, float))
    docs = list(book["documents"].iter_rows(values_only=True))
    assert len(docs) == 1 + len(SAMPLES)


def test_csv_starts_with_a_bom_unless_asked_not_to(tmp_path: Path, reports: Path) -> None:
    assert run("extract", str(reports), "-o", "a/", "--format", "csv", cwd=tmp_path).returncode == 0
    assert (tmp_path / "a" / "officials.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(tmp_path / "a" / "officials.csv", encoding="utf-8-sig")["name"].notna().all()
    assert run("extract", str(reports), "-o", "b/", "--format", "csv", "--no-csv-bom", cwd=tmp_path).returncode == 0
    data = (tmp_path / "b" / "officials.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 0


def _snapshot(target: Path) -> dict[str, bytes]:
    files = sorted(target.rglob("*")) if target.is_dir() else [target]
    return {str(f): f.read_bytes() for f in files if f.is_file()}


# ---------------------------------------------------------------------- signals
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_killing_a_run_leaves_no_orphans_and_the_old_output(tmp_path: Path, sig: signal.Signals) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"d{i:03d}.txt").write_text(FIRST * 4, encoding="utf-8")
    out = tmp_path / "run.jsonl"
    out.write_text("old\n", encoding="utf-8")
    mark = uuid.uuid4().hex
    env = {**os.environ, "VNREPORT_TEST_MARK": mark}
    proc = subprocess.Popen(
        [sys.executable, "-m", "vnreport", "extract", str(folder), "-o", str(out), "--workers", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while len(_marked(mark)) < 3 and time.monotonic() < deadline:  # the CLI and its two workers
        time.sleep(0.1)
    time.sleep(0.5)
    proc.send_signal(sig)
    code = proc.wait(timeout=60)
    assert code == {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGKILL: -9}[sig], (
        proc.stderr.read() if proc.stderr else ""
    )
    deadline = time.monotonic() + 15
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _marked(mark) == [], "worker processes outlived the CLI"
    text = out.read_text(encoding="utf-8")
    assert text == "old\n" or len(text.splitlines()) == 400


def _marked(mark: str) -> list[int]:
    """Live processes carrying the test's environment marker (the CLI and its workers)."""
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            if f"VNREPORT_TEST_MARK={mark}".encode() in (d / "environ").read_bytes():
                status = (d / "status").read_text()
                if "State:\tZ" not in status:
                    pids.append(int(d.name))
        except OSError:
            continue
    return pids


# ---------------------------------------------------------------------- one schema
def test_every_cli_record_validates_against_the_schema_and_as_a_report(tmp_path: Path, reports: Path) -> None:
    (reports / "empty.txt").write_text("", encoding="utf-8")
    (reports / "binary.txt").write_bytes(b"\x00\x01\x02")
    r = run("extract", str(reports), "-o", "run.jsonl", cwd=tmp_path)
    assert r.returncode == 1
    schema = json.loads(run("schema", cwd=tmp_path).stdout)
    lines = (tmp_path / "run.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(SAMPLES) + 2
    for line in lines:
        record = json.loads(line, parse_constant=lambda c: pytest.fail(f"non-standard JSON constant {c}"))
        jsonschema.validate(record, schema)
        report = Report.model_validate_json(line)
        assert (report.error is not None) == (record["doc_id"].endswith(("empty.txt", "binary.txt")))


def test_no_nan_or_infinity_reaches_a_result() -> None:
    from pydantic import ValidationError

    from vnreport.models import Metric

    with pytest.raises(ValidationError):
        Metric(start=0, end=1, text="x", value=float("nan"), unit="%")
    with pytest.raises(ValueError):
        outputs.record_json({"value": float("inf")})


# ---------------------------------------------------------------------- time limits
def test_a_runaway_document_becomes_an_error_record(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_small.txt").write_text(FIRST[:800], encoding="utf-8")
    (folder / "b_huge.txt").write_text(FIRST * 600, encoding="utf-8")  # ~2 MB: seconds to extract
    (folder / "c_small.txt").write_text(FIRST[:800], encoding="utf-8")
    for workers in ("1", "2"):
        r = run(
            "extract", str(folder), "-o", f"w{workers}.jsonl", "--timeout", "0.4", "--workers", workers, cwd=tmp_path
        )
        assert r.returncode == 1, r.stderr
        recs = [json.loads(x) for x in (tmp_path / f"w{workers}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [Path(x["doc_id"]).name for x in recs] == ["a_small.txt", "b_huge.txt", "c_small.txt"]
        assert [x["error"] is None for x in recs] == [True, False, True], recs[1]["error"]
        assert "time limit" in recs[1]["error"]


# ---------------------------------------------------------------------- messages
def test_sizes_take_units_and_bad_values_get_plain_messages(tmp_path: Path, reports: Path) -> None:
    r = run("extract", str(reports), "--max-bytes", "1MB", "-o", "x.jsonl", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("extract", str(reports), "--max-bytes", "2kB", "-o", "y.jsonl", cwd=tmp_path)
    assert r.returncode == 1 and "file too large" in r.stderr
    r = run("extract", str(reports), "--max-bytes", "lots", cwd=tmp_path)
    assert r.returncode == 2 and "_positive_int" not in r.stderr and "is not a size" in r.stderr


def test_help_gives_examples_recognisers_and_exit_statuses(tmp_path: Path) -> None:
    text = run("extract", "--help", cwd=tmp_path).stdout
    for needle in ("examples:", "officials", "agencies", "recursively", "exit status", "--timeout", "xlsx"):
        assert needle in text, needle


def test_a_nameless_custom_recogniser_is_named_by_its_class_in_errors() -> None:
    class Nameless(vnreport.recognizers.Recognizer):
        def find(self, doc):  # type: ignore[no-untyped-def]
            raise IndexError("boom")

    with pytest.raises(vnreport.ExtractionError, match=r"recogniser 'Nameless' failed .*IndexError: boom"):
        vnreport.Pipeline(extra_recognizers=[Nameless()])("x")


def test_dask_configuration_errors_fail_fast_and_once(tmp_path: Path, reports: Path) -> None:
    t0 = time.monotonic()
    r = run("extract", str(reports), "--engine", "dask", "--gazetteers", "no/such", cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.count("no such gazetteer") == 1, r.stderr
    r = run("extract", str(reports), "--scheduler", "tcp://127.0.0.1:9", "--connect-timeout", "2", cwd=tmp_path)
    assert r.returncode == 2 and "cannot reach the Dask scheduler" in r.stderr, r.stderr
    assert time.monotonic() - t0 < 60
