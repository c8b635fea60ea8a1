"""The command line: formats, workers, progress, and batch fault tolerance (one record per input)."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pandas as pd
import pytest

import vnreport
from vnreport.cli import main
from vnreport.io.corpus import decode_report, read_input

SAMPLES = vnreport.samples()
MAX_BYTES = 20_000  # every sample is smaller; the "huge" file is larger


def run(
    *args: str,
    cwd: Path,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnreport", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def run_here(
    *args: str, cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """The CLI in this process (no interpreter start-up): same result shape as :func:`run`."""
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    code = main(list(args))
    out = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), code, out.out, out.err)


def expected(doc_id: str, text: str) -> dict:
    return {"error": None, **vnreport.extract(text, doc_id=doc_id).model_dump(mode="json")}


@pytest.fixture()
def messy(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A folder of good reports and every kind of bad input; returns (folder, good, bad-reason)."""
    d = tmp_path / "in"
    d.mkdir()
    good: dict[str, str] = {}
    for i, text in enumerate(SAMPLES.values()):
        name = f"good_{i}.txt"
        (d / name).write_text(text, encoding="utf-8")
        good[f"in/{name}"] = text
    (d / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (d / "dir.txt").mkdir()
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "empty.txt").write_bytes(b"")
    (d / "huge.txt").write_text("Hà Nội. " * (MAX_BYTES // 4), encoding="utf-8")
    (d / "garbage.txt").write_bytes(bytes(range(128, 256)) * 4)  # no encoding makes it Vietnamese
    os.mkfifo(d / "fifo.txt")  # reading it would block forever
    (d / "notes.md").write_text("not matched by *.txt")
    bad = {
        "in/broken.txt": "broken symbolic link",
        "in/dir.txt": "is a directory",
        "in/binary.txt": "binary file",
        "in/empty.txt": "empty file",
        "in/huge.txt": "file too large",
        "in/garbage.txt": "not valid UTF-8",
        "in/fifo.txt": "not a regular file",
    }
    if os.geteuid() != 0:  # root reads through chmod 000
        (d / "locked.txt").write_text("secret", encoding="utf-8")
        (d / "locked.txt").chmod(0)
        bad["in/locked.txt"] = "Permission denied"
    return d, good, bad


@pytest.mark.parametrize(("workers", "fmt"), [("1", "jsonl"), ("2", "jsonl"), ("2", "parquet")])
def test_batch_fault_tolerance(messy: tuple[Path, dict[str, str], dict[str, str]], workers: str, fmt: str) -> None:
    folder, good, bad = messy
    cwd = folder.parent
    out = "out.jsonl" if fmt == "jsonl" else "tables/"
    r = run("extract", "in", "-o", out, "--format", fmt, "--workers", workers, "--max-bytes", str(MAX_BYTES), cwd=cwd)
    assert r.returncode == 1, r.stderr
    n = len(good) + len(bad)
    assert r.stderr.strip().splitlines()[-1] == f"vnreport: {len(bad)} of {n} input(s) failed"
    for name, reason in bad.items():  # one stderr line per failure, naming the file
        assert any(name in line and reason in line for line in r.stderr.splitlines()), (name, r.stderr)
    if fmt == "jsonl":
        records = [json.loads(line) for line in (cwd / out).read_text(encoding="utf-8").splitlines()]
    else:
        docs = pd.read_parquet(cwd / "tables" / "documents.parquet")
        records = [
            {"doc_id": d, "error": None if pd.isna(e) else e}
            for d, e in zip(docs["doc_id"], docs["error"], strict=True)
        ]
    assert [rec["doc_id"] for rec in records] == sorted({*good, *bad})  # one per input, in order
    for rec in records:
        if rec["doc_id"] in bad:
            assert bad[rec["doc_id"]] in rec["error"] and rec["doc_id"] in rec["error"]
        elif fmt == "jsonl":
            assert rec == expected(rec["doc_id"], good[rec["doc_id"]])
        else:
            assert rec["error"] is None


def test_workers_preserve_order_and_content(tmp_path: Path) -> None:
    d = tmp_path / "many"
    d.mkdir()
    texts = list(SAMPLES.values())
    for i in range(24):
        (d / f"r{i:02d}.txt").write_text(texts[i % len(texts)] + f"\n\nBài số {i}.", encoding="utf-8")
    one = run("extract", "many", cwd=tmp_path)
    two = run("extract", "many", "--workers", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
    ids = [json.loads(line)["doc_id"] for line in two.stdout.splitlines()]
    assert ids == [f"many/r{i:02d}.txt" for i in range(24)]


def test_formats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_here(*args, cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys)

    (tmp_path / "a.txt").write_text(SAMPLES[next(iter(SAMPLES))], encoding="utf-8")
    (tmp_path / "b.txt").write_text(list(SAMPLES.values())[1], encoding="utf-8")
    single = cli("extract", "a.txt")  # one input: a JSON array on stdout
    assert single.returncode == 0 and [x["doc_id"] for x in json.loads(single.stdout)] == ["a.txt"]
    many = cli("extract", "a.txt", "b.txt")  # many: JSON lines
    assert [json.loads(x)["doc_id"] for x in many.stdout.splitlines()] == ["a.txt", "b.txt"]
    assert cli("extract", "a.txt", "b.txt", "-o", "all.json").returncode == 0
    assert len(json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))) == 2

    assert cli("extract", "a.txt", "b.txt", "-o", "csv/", "--format", "csv").returncode == 0
    docs = pd.read_csv(tmp_path / "csv" / "documents.csv")
    assert docs["doc_id"].tolist() == ["a.txt", "b.txt"]
    assert {p.name for p in (tmp_path / "csv").iterdir()} >= {
        "officials.csv",
        "agencies.csv",
        "legal_documents.csv",
        "metrics.csv",
        "dates.csv",
        "places.csv",
    }
    assert cli("extract", "a.txt", "b.txt", "-o", "out/run.csv").returncode == 0  # prefix
    assert (tmp_path / "out" / "run.officials.csv").exists()
    assert cli("extract", "a.txt", "-o", "run.parquet").returncode == 0
    assert pd.read_parquet(tmp_path / "run.documents.parquet")["title"].notna().all()


def test_usage_errors_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Hà Nội", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    cases = [
        (["extract", "a.txt", "--format", "csv"], "writes one file per table"),
        (["extract", "a.txt", "-o", "folder"], "is a folder"),
        (["extract", "a.txt", "-o", "new_folder/"], "is a folder"),
        (["extract", "a.txt", "--disable", "nosuch"], "unknown recogniser"),
        (["extract", "a.txt", "--gazetteers", "missing_gaz"], "no such gazetteer"),
        (["extract", "folder"], "no input files found"),
        (["extract", "-", "--engine", "dask"], "not standard input"),
    ]
    for args, msg in cases:
        r = run_here(*args, cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys)
        assert r.returncode == 2, (args, r.stderr)
        assert msg in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)


def test_stdin_schema_version(tmp_path: Path) -> None:
    text = SAMPLES[next(iter(SAMPLES))]
    r = run("extract", "-", cwd=tmp_path, stdin=text)
    assert r.returncode == 0
    assert json.loads(r.stdout) == [expected("<stdin>", text)]
    schema = json.loads(run("schema", cwd=tmp_path).stdout)
    assert {"officials", "agencies", "legal_documents", "metrics"} <= set(schema["properties"])
    assert vnreport.__version__ in run("--version", cwd=tmp_path).stdout


def test_disable_option_reaches_the_pipeline(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SAMPLES[next(iter(SAMPLES))], encoding="utf-8")
    r = run("extract", "a.txt", "--disable", "metrics,dates", "--workers", "2", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)[0]
    assert rec["metrics"] == [] and rec["dates"] == []


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    for i, text in enumerate(SAMPLES.values()):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    piped = run("extract", ".", "-o", "o.jsonl", cwd=tmp_path)
    assert piped.returncode == 0 and piped.stderr == ""  # not a terminal: no bar
    forced = run("extract", ".", "-o", "o.jsonl", "--progress", cwd=tmp_path)
    assert "5/5" in forced.stderr
    # A real terminal on stderr (stdout stays a file): the bar appears there by itself.
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    with open(tmp_path / "stdout.jsonl", "w") as out:
        proc = subprocess.run(
            [sys.executable, "-m", "vnreport", "extract", ".", "--glob", "[0-9].txt"],
            cwd=tmp_path,
            stdout=out,
            stderr=slave,
            timeout=180,
        )
    os.close(slave)
    tty_err = b""
    try:
        while chunk := os.read(master, 4096):
            tty_err += chunk
    except OSError:  # EIO once the child side is closed
        pass
    os.close(master)
    assert proc.returncode == 0
    assert b"5/5" in tty_err
    assert len((tmp_path / "stdout.jsonl").read_text(encoding="utf-8").splitlines()) == 5


def test_messages_name_the_file(tmp_path: Path) -> None:
    assert (
        "r.txt: not valid UTF-8 (byte 0x80 at line 2)" in decode_report(b"ok\n" + bytes(range(128, 256)), "r.txt").error
    )
    assert decode_report(b"   \n", "e.txt").error == "e.txt: empty file (no text to extract)"
    assert "b.txt: binary file" in decode_report(b"a\x00b", "b.txt").error
    # Windows "Unicode" (UTF-16 with a BOM) is text, not binary.
    assert decode_report("Sở Nội vụ".encode("utf-16"), "w.txt").text == "Sở Nội vụ"
    assert read_input(str(tmp_path / "nope.txt")).error == f"{tmp_path / 'nope.txt'}: no such file"
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    assert "file too large (100 bytes > 10)" in read_input(str(big), max_bytes=10).error
    assert read_input(str(big), max_bytes=10, name="id-7").doc_id == "id-7"
