"""Inputs as users hold them: page metadata handed over, corpus files, encodings."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import os
import re
import subprocess
import sys
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

import vnreport
from vnreport.batch import extract_records
from vnreport.io.corpus import InputDoc, decode_report, read_input
from vnreport.io.encodings import _decode_tcvn3, _tcvn3_table, _vni_pattern, decode_as, detect, unmangle
from vnreport.io.records_in import CorpusError, CorpusFields, iter_corpus, read_corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VNREPORT_SHARED", ROOT.parent / "shared"))
if not SHARED.exists():
    SHARED = Path("/work/shared")  # a worktree beside the main checkout
SAMPLES = vnreport.samples()
SAMPLE_ID, SAMPLE = next(iter(SAMPLES.items()))

SENTENCE = (
    "Sáng 7/12, ông Nguyễn Văn Bình, Phó Giám đốc Sở Thông tin và Truyền thông tỉnh Hà Tĩnh, "
    "chủ trì hội nghị triển khai Nghị định 43/2011/NĐ-CP; 95% hồ sơ được giải quyết đúng hạn."
)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "vnreport", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600
    )


# ---------------------------------------------------------------------- metadata handed over
def test_published_and_url_fill_the_report_where_the_text_has_no_date_line() -> None:
    plain = vnreport.extract(SENTENCE)
    assert plain.published is None and plain.url is None
    r = vnreport.extract(SENTENCE, published="2013-10-21", url="https://stttt.hatinh.gov.vn/a.html")
    assert r.published == dt.datetime(2013, 10, 21)
    assert r.url == "https://stttt.hatinh.gov.vn/a.html"
    # The page date anchors years the text leaves out ("Sáng 7/12").
    assert [d.date_start for d in r.dates if d.text == "7/12"] == [dt.date(2013, 12, 7)]
    for value in (dt.date(2013, 10, 21), dt.datetime(2013, 10, 21), "2013-10-21T00:00:00"):
        assert vnreport.extract(SENTENCE, published=value).published == dt.datetime(2013, 10, 21)
    assert vnreport.extract(SENTENCE, published="2013-10-21T16:57:00+07:00").published.hour == 16


def test_the_texts_own_date_line_wins_over_metadata() -> None:
    text = "Hội nghị giao ban\nThứ hai, 25/01/2010 16:27\n\n" + SENTENCE
    r = vnreport.extract(text, published="2013-10-21")
    assert r.published == dt.datetime(2010, 1, 25, 16, 27)


@pytest.mark.parametrize("bad", ["21/10/2013", "hôm qua", "2013-13-45"])
def test_a_published_that_is_not_iso_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        vnreport.extract(SENTENCE, published=bad)
    with pytest.raises(TypeError):
        vnreport.extract(SENTENCE, published=20131021)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vnreport.extract(SENTENCE, url=b"https://x")  # type: ignore[arg-type]


def test_pipeline_takes_metadata_too() -> None:
    nlp = vnreport.Pipeline(disable=["metrics"])
    r = nlp(SENTENCE, published="2011-07-19", url="u")
    assert (r.published, r.url, r.metrics) == (dt.datetime(2011, 7, 19), "u", [])


# ---------------------------------------------------------------------- encodings
def tcvn3_letters(text: str) -> str:
    """The text as TCVN3 can hold it: no code for toned capitals (they are drawn from the
    lower-case codes with an upper-case font), so those come back lower-case."""
    table = set(_tcvn3_table().values())
    return "".join(c if ord(c) < 128 or c in table else c.lower() for c in text)


def to_tcvn3(text: str) -> bytes:
    inverse = {ch: b for b, ch in _tcvn3_table().items()}
    return bytes(inverse[c] if ord(c) >= 128 else ord(c) for c in tcvn3_letters(text))


def to_vni(text: str) -> bytes:
    _, seqs = _vni_pattern()
    inverse = {letter: seq for seq, letter in seqs.items()}
    return "".join(inverse.get(c, c) for c in text).encode("cp1252")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letters with hats precomposed, tones combining."""
    out = b""
    for c in text:
        try:
            out += c.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", c)
        tones = "".join(x for x in d if x in "\u0300\u0301\u0303\u0309\u0323")
        out += (unicodedata.normalize("NFC", "".join(x for x in d if x not in tones)) + tones).encode("cp1258")
    return out


def test_tcvn3_and_vni_read_as_windows_1252_look_like_this() -> None:
    # What a user sees when such a file is opened as Latin text: the tests build the real thing.
    assert to_tcvn3("Sở thông tin và truyền thông").decode("cp1252") == "Së th«ng tin vµ truyÒn th«ng"
    assert to_vni("Sở Thông tin và Truyền thông").decode("cp1252") == "Sôû Thoâng tin vaø Truyeàn thoâng"


@pytest.mark.parametrize(
    ("name", "encode", "encoding", "converted"),
    [
        ("utf-8", lambda t: t.encode("utf-8"), "utf-8", False),
        ("utf-8 with BOM", lambda t: t.encode("utf-8-sig"), "utf-8", False),
        ("utf-16 with BOM", lambda t: t.encode("utf-16"), "utf-16", False),
        ("utf-16-le without BOM", lambda t: t.encode("utf-16-le"), "utf_16_le", False),
        ("windows-1258", to_cp1258, "cp1258", False),
        ("TCVN3 (ABC)", to_tcvn3, "tcvn3", True),
        ("VNI", to_vni, "vni", True),
        ("TCVN3 pasted into a UTF-8 file", lambda t: to_tcvn3(t).decode("cp1252").encode(), "tcvn3", True),
        ("VNI pasted into a UTF-8 file", lambda t: to_vni(t).decode("cp1252").encode(), "vni", True),
    ],
)
def test_encodings_are_detected_and_decoded(name: str, encode: object, encoding: str, converted: bool) -> None:
    data = encode(SENTENCE)  # type: ignore[operator]
    decoded = detect(data)
    assert decoded.encoding == encoding, name
    assert decoded.converted is converted
    expected = tcvn3_letters(SENTENCE) if "TCVN3" in name else SENTENCE
    assert unicodedata.normalize("NFC", decoded.text) == expected


def test_a_whole_report_in_tcvn3_gives_the_same_entities_and_carries_its_text(tmp_path: Path) -> None:
    text = SAMPLE
    # VNI keeps capitals: the whole report round-trips.
    (tmp_path / "vni.txt").write_bytes(to_vni(text))
    (rec,) = extract_records([str(tmp_path / "vni.txt")])
    want = vnreport.extract(text)
    assert rec["text"] == text
    assert [o["name"] for o in rec["officials"]] == [o.name for o in want.officials]
    assert [d["id"] for d in rec["legal_documents"]] == [d.id for d in want.legal_documents]
    assert all(rec["text"][m["start"] : m["end"]] == m["text"] for m in rec["metrics"])
    # A plain UTF-8 file is the user's own text: no copy in the record.
    (tmp_path / "u.txt").write_text(text, encoding="utf-8")
    assert extract_records([str(tmp_path / "u.txt")]).__next__()["text"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Die Straße führt über die Brücke.",  # German, UTF-8: not a misread legacy text
        "Giá cà phê © 2024 Công ty ABC",  # Vietnamese with a copyright sign
        "café crème brûlée naïve résumé",
        "Ông Nguyễn Văn A",
    ],
)
def test_real_unicode_is_never_converted(text: str) -> None:
    assert unmangle(text) is None
    assert detect(text.encode("utf-8")).text == text


def test_forced_encoding_and_its_errors() -> None:
    assert decode_as(to_tcvn3("hà tĩnh"), "ABC").text == "hà tĩnh"
    assert decode_as(to_vni("Hà Tĩnh"), "vni-windows").text == "Hà Tĩnh"
    assert decode_report("Hà".encode(), "x.txt", encoding="latin-1").text == "HÃ\xa0"
    assert "not valid utf-8 (byte 0xe0" in (decode_report(b"H\xe0 n\xf4i", "x.txt", encoding="utf-8").error or "")
    with pytest.raises(ValueError, match=r"unknown encoding 'klingon'.*tcvn3 / vni"):
        decode_as(b"x", "klingon")


def test_tcvn3_table_is_the_vn3_letter_set() -> None:
    letters = {c for c in _tcvn3_table().values() if c.isalpha() and ord(c) > 0x7F}
    vietnamese = "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    assert set(vietnamese) | set("ĂÂÊÔƠƯĐ") <= letters
    assert _decode_tcvn3(b"\xb5\xb8\xb6\xb7\xb9") == "àáảãạ"


def test_cli_encoding_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(to_tcvn3(SENTENCE))
    r = run("extract", "a.txt", "--encoding", "tcvn3", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (rec,) = json.loads(r.stdout)
    assert rec["text"] == tcvn3_letters(SENTENCE) and rec["legal_documents"][0]["id"] == "43/2011/NĐ-CP"
    bad = run("extract", "a.txt", "--encoding", "klingon", cwd=tmp_path)
    assert bad.returncode == 2 and "unknown encoding 'klingon'" in bad.stderr


# ---------------------------------------------------------------------- corpus files
def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


ROWS = [
    {"url": "https://a.gov.vn/1", "published": "2013-10-21", "content": SENTENCE},
    {"url": "https://a.gov.vn/2", "published": "2024-05-01T08:30:00+07:00", "content": SAMPLE},
    {"url": "https://a.gov.vn/3", "content": "Hà Nội: 12 tỷ đồng cho 3 dự án."},
]


def test_jsonl_rows_become_inputs_in_order(tmp_path: Path) -> None:
    p = write_jsonl(tmp_path / "c.jsonl", ROWS)
    docs = list(read_corpus(str(p), "content", id_field="url"))
    assert [d.doc_id for d in docs] == [r["url"] for r in ROWS]
    assert [d.published for d in docs] == ["2013-10-21", "2024-05-01T08:30:00+07:00", None]
    assert [d.url for d in docs] == [r["url"] for r in ROWS]
    # Without an id column the id is FILE:LINE; renamed metadata columns and none at all.
    (doc,) = itertools.islice(read_corpus(str(p), "content", meta_fields="url=published"), 1)
    assert doc.doc_id == f"{p}:1" and doc.url == "2013-10-21" and doc.published is None
    assert next(read_corpus(str(p), "content", meta_fields="")).published is None


def test_row_errors_are_records_like_file_errors(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(
        json.dumps({"id": "ok", "text": SENTENCE}, ensure_ascii=False)
        + "\n{broken json\n"
        + json.dumps({"id": "empty", "text": "  "})
        + "\n"
        + json.dumps({"id": "notext", "body": "x"})
        + "\n"
        + json.dumps(["a", "list"])
        + "\n\n"
        + json.dumps({"id": "baddate", "text": SENTENCE, "published": "21/10/2013"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    docs = list(read_corpus(str(p), id_field="id"))
    assert [d.doc_id for d in docs] == ["ok", f"{p}:2", "empty", "notext", f"{p}:5", "baddate"]
    errors = [d.error for d in docs]
    assert errors[0] is None
    assert f"{p}:2: not a JSON record" in errors[1]
    assert f"{p}:3: field 'text' holds no text" == errors[2]
    assert f"{p}:4: no field 'text' (fields: id, body)" == errors[3]
    assert "not a JSON object but list" in errors[4]
    assert "published '21/10/2013' is not an ISO 8601 date" in errors[5]
    assert [d.error for d in read_corpus(str(tmp_path / "missing.jsonl"))] == [
        f"{tmp_path / 'missing.jsonl'}: no such file"
    ]


def test_csv_and_parquet_corpora(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame(ROWS)
    frame.to_csv(tmp_path / "c.csv", index=False)
    frame.to_parquet(tmp_path / "c.parquet", index=False)
    jsonl = list(read_corpus(str(write_jsonl(tmp_path / "c.jsonl", ROWS)), "content", id_field="url"))
    for name in ("c.csv", "c.parquet"):
        docs = list(read_corpus(str(tmp_path / name), "content", id_field="url"))
        assert [(d.doc_id, d.text, d.url) for d in docs] == [(d.doc_id, d.text, d.url) for d in jsonl], name
        assert [d.published for d in docs][:2] == [d.published for d in jsonl][:2]
    (err,) = read_corpus(str(tmp_path / "c.parquet"), "body")
    assert "no column 'body'" in (err.error or "")


def test_parse_meta_fields() -> None:
    assert CorpusFields.parse_meta("published,url") == {"published": "published", "url": "url"}
    assert CorpusFields.parse_meta("published=date") == {"published": "date"}
    with pytest.raises(CorpusError, match="'title' is not a report field"):
        CorpusFields.parse_meta("title")


def test_a_huge_jsonl_is_read_lazily_in_bounded_memory(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    line = json.dumps({"text": SAMPLE}, ensure_ascii=False) + "\n"
    with p.open("w", encoding="utf-8") as fh:
        for _ in range(40_000_000 // len(line.encode())):
            fh.write(line)
    assert p.stat().st_size > 35_000_000
    tracemalloc.start()
    n = sum(1 for _ in iter_corpus(str(p)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n > 1000
    assert peak < 2_000_000, peak  # a few rows at a time, never the file


def _endless() -> object:
    for i in itertools.count():
        yield InputDoc(f"d{i}", text=SENTENCE)


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_consumes_inputs_lazily(workers: int) -> None:
    # An endless generator of rows: only a bounded window is ever read ahead.
    records = list(itertools.islice(extract_records(_endless(), workers=workers), 5))
    assert [r["doc_id"] for r in records] == ["d0", "d1", "d2", "d3", "d4"]


def test_dask_stream_consumes_inputs_lazily() -> None:
    distributed = pytest.importorskip("distributed")
    from vnreport.io.dask_stream import stream_inputs

    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        records = list(itertools.islice(stream_inputs(_endless(), client=client, partition_size=3), 7))
    assert [r["doc_id"] for r in records] == [f"d{i}" for i in range(7)]


def test_cli_corpus_errors_and_count(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "c.jsonl", [*ROWS, {"url": "x", "content": ""}])
    r = run("extract", "c.jsonl", "--text-field", "content", "--id-field", "url", "-o", "out.jsonl", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[-1] == "vnreport: 1 of 4 input(s) failed"
    assert "c.jsonl:4: field 'content' holds no text" in r.stderr
    recs = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["doc_id"] for x in recs] == ["https://a.gov.vn/1", "https://a.gov.vn/2", "https://a.gov.vn/3", "x"]
    assert recs[0]["published"] == "2013-10-21T00:00:00" and recs[0]["url"] == "https://a.gov.vn/1"
    bad = run("extract", "c.jsonl", "--meta-fields", "title", cwd=tmp_path)
    assert bad.returncode == 2 and "'title' is not a report field" in bad.stderr


def wide_corpus(path: Path) -> int:
    """The 300 wide/ reports as one JSONL corpus, with ids and dates from SOURCES.tsv."""
    root = SHARED / "corpus" / "wide"
    dated = 0
    with (root / "SOURCES.tsv").open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for row in csv.DictReader(src, delimiter="\t"):
            m = re.match(r"(?:c\. )?(\d{4}-\d{2}-\d{2})", row["published"])  # exact dates only
            dated += m is not None
            rec = {"id": row["file"], "url": row["original_url"] or None, "published": m and m.group(1)}
            out.write(json.dumps({**rec, "content": (root / row["file"]).read_text(encoding="utf-8")}) + "\n")
    return dated


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus" / "wide" / "SOURCES.tsv").exists(), reason="needs ../shared")
def test_wide_corpus_through_every_engine(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    dated = wide_corpus(tmp_path / "wide.jsonl")
    base = ["extract", "wide.jsonl", "--text-field", "content", "--id-field", "id"]
    outputs = {}
    for name, extra in {
        "serial": [],
        "workers": ["--workers", "2"],
        "dask": ["--engine", "dask", "--workers", "2"],
    }.items():
        r = run(*base, "-o", f"{name}.jsonl", *extra, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        outputs[name] = (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8")
    assert outputs["serial"] == outputs["workers"] == outputs["dask"]
    recs = [json.loads(x) for x in outputs["serial"].splitlines()]
    assert len(recs) == 300 and [r["doc_id"] for r in recs] == [f"w{i:04d}.txt" for i in range(1, 301)]
    assert sum(r["published"] is not None for r in recs) == dated > 150
    by_id = {r["doc_id"]: r for r in recs}
    assert by_id["w0001.txt"]["published"] == "2013-10-21T00:00:00"
    assert by_id["w0001.txt"]["url"].startswith("http://www.baomoi.com/")
    # The same report read as a file gives the same entities (the date only adds years).
    alone = vnreport.extract((SHARED / "corpus/wide/w0002.txt").read_text(encoding="utf-8"), doc_id="w0002.txt")
    assert [o["name"] for o in by_id["w0002.txt"]["officials"]] == [o.name for o in alone.officials]


def test_read_input_html_suffix_makes_a_page(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text("<html><body><p>Hà Nội</p></body></html>", encoding="utf-8")
    doc = read_input(str(tmp_path / "p.html"))
    assert doc.format == "html" and "<p>" in (doc.text or "")
    assert read_input(str(tmp_path / "p.html"), input_format="text").format == "text"
