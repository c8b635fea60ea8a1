"""Word segmentation and sentence splitting (``vnreport.segment``, ``vnreport.sentences``; module ``vnreport.text.segmentation``): exact offsets, protected
items, backend fidelity, robustness to normalisation variants and to hostile input."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnreport.models import Token
from vnreport.text.normalize import normalize_string

seg = importlib.import_module("vnreport.text.segmentation")
segment = seg.segment
sentences = importlib.import_module("vnreport.text.sentences").sentences

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))
BACKENDS = ["pyvi", "underthesea"]

# Seed paragraphs (from data/samples/000_1373bb373550ba72.txt), old tone style ("hóa", "ủy").
SEED = (
    "Tin hoạt động Sở TT&TT Hậu Giang\n\n"
    "(Mic.gov.vn) - Sở TT&TT Hậu Giang vừa tổ chức Hội nghị giao ban báo chí và sơ kết ngành "
    "Thông tin và Truyền thông 6 tháng đầu năm 2011 và Hội nghị triển khai Nghị định "
    "43/2011/NĐ-CP của Thủ tướng Chính phủ quy định về việc cung cấp thông tin và dịch vụ công "
    "trực tuyến trên trang thông tin điện tử hoặc cổng thông tin điện tử của cơ quan Nhà nước, "
    "giai đoạn 2011 – 2015.\n\n"
    "Ngày 19/7/2011, Sở Thông tin và Truyền thông Hậu Giang phối hợp cùng Ban Tuyên giáo Tỉnh ủy "
    "Hậu Giang tổ chức Hội nghị. Đồng chí Võ Minh Tâm – UVTV Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh "
    "ủy đến dự. Tham dự có Phòng Văn hóa và Thông tin, TP. Vị Thanh; doanh thu đạt 47,9%, tăng "
    "270.000 thuê bao, tổng 1.234,5 tỷ đồng, thực hiện Chỉ thị 897/CT-TTg và Nghị quyết 57-NQ/TW "
    "về thủy lợi, hóa chất…\n"
)


def check(text: str, tokens: list[Token]) -> None:
    """Tokens are ordered, disjoint, non-empty, exact, trimmed, and cover every non-space char."""
    owner = [0] * len(text)
    prev_end = 0
    for t in tokens:
        assert prev_end <= t.start < t.end <= len(text), (t, prev_end)
        assert text[t.start : t.end] == t.text
        assert not t.text[0].isspace() and not t.text[-1].isspace(), t
        for i in range(t.start, t.end):
            owner[i] += 1
        prev_end = t.end
    lost = [(i, text[i]) for i, c in enumerate(text) if not c.isspace() and owner[i] != 1]
    assert not lost, lost[:10]


def texts(text: str, backend: str = "pyvi") -> list[str]:
    toks = segment(text, backend)
    check(text, toks)
    return [t.text for t in toks]


def single(text: str, item: str, backend: str) -> Token:
    """The one token that is exactly ``item`` (which must occur once in ``text``)."""
    toks = segment(text, backend)
    check(text, toks)
    start = text.index(item)
    hits = [t for t in toks if t.start == start and t.end == start + len(item)]
    assert hits, (item, [t.text for t in toks])
    return hits[0]


# ----------------------------------------------------------------------------- protected families
LEGAL = [
    "43/2011/NĐ-CP",
    "897/CT-TTg",
    "57-NQ/TW",
    "01/2011/TT-BTTTT",
    "1605/QĐ-TTg",
    "36a/NQ-CP",
    "67/2006/QH11",
    "06-CT/TU",
    "8:2010/BTTTT",
    "9001:2008",
    "1135/STTTT-BCVT",
]
DATES = ["19/7/2011", "20-7-2018", "20.7.2018", "03/02/1930", "7/2011", "7/12", "9:30"]
NUMBERS = ["47,9", "270.000", "1.234,5", "3.382", "2011", "6", "05", "60.542.000"]
ABBREVIATIONS = [
    "TT&TT",
    "QLVB&ĐH",
    "GD&ĐT",
    "TP.",
    "UBND",
    "HĐND",
    "CNTT",
    "UVTV",
    "PGS.TS.",
    "TS.",
    "ThS.",
    "TP.HCM",
    "KT-XH",
    "NĐ-CP",
    "HIV/AIDS",
    "v.v.",
]
LINKS = [
    "Mic.gov.vn",
    "www.mic.gov.vn",
    "baohaugiang.com.vn",
    "http://mic.gov.vn/Pages/tin.aspx?id=12",
    "https://www.hagiang.gov.vn/",
    "vanphong@mic.gov.vn",
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("item", LEGAL)
def test_legal_symbols_are_one_token(item: str, backend: str) -> None:
    for text in (f"Thực hiện văn bản số {item} ngày 13/6/2011 của Chính phủ", f"(theo {item})", f"số {item}."):
        assert single(text, item, backend).kind == "symbol"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("item", DATES)
def test_dates_are_one_symbol_token(item: str, backend: str) -> None:
    for text in (f"Ngày {item}, Sở Thông tin và Truyền thông tổ chức", f"({item})", f"lúc {item}."):
        assert single(text, item, backend).kind == "symbol"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("item", NUMBERS)
def test_numbers_are_one_token(item: str, backend: str) -> None:
    for text in (f"doanh thu đạt {item} tỷ đồng", f"tăng {item}%", f"đạt {item}.", f"({item})"):
        assert single(text, item, backend).kind == "number"


@pytest.mark.parametrize("backend", BACKENDS)
def test_percentage_is_number_then_percent_sign(backend: str) -> None:
    toks = segment("tăng 47,9% so với năm 2010", backend)
    assert [(t.text, t.kind) for t in toks[1:3]] == [("47,9", "number"), ("%", "punct")]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("item", ABBREVIATIONS)
def test_abbreviations_are_one_token(item: str, backend: str) -> None:
    for text in (f"Sở {item} Hậu Giang", f"({item})", f"của {item}, Sở Nội vụ"):
        assert single(text, item, backend).kind == "abbreviation"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("item", LINKS)
def test_urls_emails_domains_are_one_token(item: str, backend: str) -> None:
    for text in (f"({item}) - Sở TT&TT", f"Xem {item}.", f"tại {item}, ngày"):
        assert single(text, item, backend).kind == "other"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("giai đoạn 2011-2015", ["giai đoạn", "2011", "-", "2015"]),  # a range, not a symbol
        ("TIN TỨC", ["TIN TỨC"]),  # all-caps Vietnamese words are words
        ("Năm 2011.Sở", ["Năm", "2011", ".", "Sở"]),
        ("Nghị định 43/2011/NĐ-CP-", ["Nghị định", "43/2011/NĐ-CP", "-"]),
        ("mạng 4G, cúm H5N1, COVID-19", ["mạng", "4G", ",", "cúm", "H5N1", ",", "COVID-19"]),
    ],
)
def test_boundaries(text: str, expected: list[str], backend: str) -> None:
    assert texts(text, backend) == expected


def test_kinds() -> None:
    toks = segment("Sở TT&TT: 47,9% (19/7/2011), Mic.gov.vn, 43/2011/NĐ-CP + 4G")
    assert [t.kind for t in toks] == [
        "word",
        "abbreviation",
        "punct",
        "number",
        "punct",
        "punct",
        "symbol",
        "punct",
        "punct",
        "other",
        "punct",
        "symbol",
        "other",
        "other",
    ]
    assert {t.kind for t in segment("TIN TỨC UBND")} == {"word", "abbreviation"}


# ----------------------------------------------------------------------------- words
WORDS = "Sở Thông tin và Truyền thông tổ chức Hội nghị triển khai Nghị định của Chính phủ"


@pytest.mark.parametrize("backend", BACKENDS)
def test_multi_syllable_words_are_joined(backend: str) -> None:
    got = texts(WORDS, backend)
    for word in ("Thông tin", "Truyền thông", "Hội nghị", "Nghị định", "Chính phủ", "tổ chức", "triển khai"):
        assert word in got, (word, got)
    assert all(t.kind == "word" for t in segment(WORDS, backend))


@pytest.mark.parametrize("backend", BACKENDS)
def test_words_never_join_across_lines_or_protected_items(backend: str) -> None:
    got = texts("Hội\nnghị Thông\r\ntin Hội TT&TT nghị", backend)
    assert got == ["Hội", "nghị", "Thông", "tin", "Hội", "TT&TT", "nghị"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_inner_white_space_is_kept_verbatim(backend: str) -> None:
    text = "Sở Thông\u00a0tin và Truyền  thông"
    got = texts(text, backend)
    assert "Thông\u00a0tin" in got and "Truyền  thông" in got


def test_pyvi_labels_are_pyvi_own() -> None:
    """On plain prose our units are pyvi's syllables, so the words must be pyvi's own."""
    from pyvi.ViTokenizer import ViTokenizer

    text = SEED.split("\n\n")[2].split(" TP.")[0]  # no numbers, symbols or abbreviations before here
    text = text.replace("19/7/2011, ", "").replace("UVTV ", "")
    assert texts(text) == [w.replace("_", " ") for w in ViTokenizer.tokenize(text).split()]


def test_fast_features_equal_pyvis() -> None:
    from pyvi.ViTokenizer import ViTokenizer

    features = seg._fast_features(ViTokenizer.bi_grams, ViTokenizer.tri_grams)
    for path in SAMPLES:
        _, syllables = ViTokenizer.sylabelize(path.read_text(encoding="utf-8"))
        assert features(syllables) == ViTokenizer.sent2features(syllables, False)
    assert seg._pyvi()[0].__qualname__.startswith("_fast_features")  # the self-check passed


# ----------------------------------------------------------------------------- offsets, variants
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_samples_offsets_and_coverage(path: Path, backend: str) -> None:
    text = path.read_text(encoding="utf-8")
    toks = segment(text, backend)
    check(text, toks)
    assert sum(" " in t.text for t in toks) > 50  # multi-syllable words were found


def _new_tone_style(text: str) -> str:
    return text.replace("hóa", "hoá").replace("ủy", "uỷ").replace("thủy", "thuỷ")


VARIANTS = {
    "NFD": lambda t: unicodedata.normalize("NFD", t),
    "new_tones": _new_tone_style,
    "NBSP": lambda t: t.replace(" ", "\u00a0"),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "tabs_and_runs": lambda t: t.replace(" ", " \t "),
    "zero_width": lambda t: t.replace("Hội", "H\u200bội").replace("Nghị", "\ufeffNghị"),
    "entities": lambda t: t.replace("&", "&amp;").replace(" - ", " &#8211; "),
}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_variants_give_the_same_tokens(variant: str, backend: str) -> None:
    text = VARIANTS[variant](SEED)
    assert text != SEED
    base = [(normalize_string(t.text), t.kind) for t in segment(SEED, backend)]
    toks = segment(text, backend)
    check(text, toks)
    assert [(normalize_string(t.text), t.kind) for t in toks] == base


def test_nfd_sample_same_tokens() -> None:
    text = SAMPLES[2].read_text(encoding="utf-8")  # new tone style ("Văn hoá", "Tỉnh uỷ")
    variant = unicodedata.normalize("NFD", text).replace("\n", "\r\n")
    toks = segment(variant)
    check(variant, toks)
    assert [normalize_string(t.text) for t in toks] == [normalize_string(t.text) for t in segment(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a&nbsp;b", ["a", "&nbsp;", "b"]),  # an entity that became a space stays visible
        ("Hội\u200b, Sở", ["Hội\u200b", ",", "Sở"]),
        ("\u200b", ["\u200b"]),  # a dropped zero-width char sticks to its token
        ("\ufeffSở", ["\ufeffSở"]),
        ("x \u0301\u0323 y", ["x", "\u0301\u0323", "y"]),  # stray marks that NFC reorders
        ("Ông \ud800Văn An", ["Ông", "\ud800", "Văn An"]),  # lone surrogate: crfsuite must not see it
        ("", []),
        (" \n\t\r\n ", []),
    ],
)
def test_odd_characters(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


# ----------------------------------------------------------------------------- property test
_VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_PIECES = (
    list(_VI_LETTERS + "0123456789.,;:!?()-/&%…\"'+@_")
    + [" ", " ", " ", "\n", "\r\n", "\u00a0", "\t", "\u200b"]
    + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"]
    + [
        "Hội nghị ",
        "Thông tin ",
        "TT&TT",
        "43/2011/NĐ-CP",
        "19/7/2011",
        "1.000.",
        "Mic.gov.vn",
        "TP. ",
        "&amp;",
        "hoá ",
        "UBND ",
        "47,9%",
        "...",
        "http://a.vn/b",
    ]
)
hostile = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_property_pyvi(text: str) -> None:
    check(text, segment(text, "pyvi"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_property_underthesea(text: str) -> None:
    check(text, segment(text, "underthesea"))


@settings(max_examples=150, deadline=None)
@given(hostile)
def test_property_sentences(text: str) -> None:
    spans = sentences(text)
    prev = 0
    for s in spans:
        assert prev <= s.start < s.end and text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and "\n" not in normalize_string(s.text)
        prev = s.end


# ----------------------------------------------------------------------------- backend failures
@pytest.mark.parametrize(
    "answer",
    [
        lambda run: [w.upper() + "x" for w in run.split()],  # rewritten spellings
        lambda run: [run + " extra"],  # more text than given
        lambda run: [],  # nothing
        lambda run: ["Hội_nghị"] * 50,  # wrong words
        lambda run: 1 / 0,  # a crash
    ],
)
def test_unalignable_backend_answers_fall_back_to_syllables(answer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seg, "_underthesea_tokens", answer)
    got = texts(WORDS, "underthesea")
    assert got == WORDS.split()


def test_alignment_stops_at_first_mismatch_and_keeps_earlier_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seg, "_underthesea_tokens", lambda run: ["Sở", "Thông tin", "và", "Truyền thong"])
    got = texts(WORDS, "underthesea")
    assert got[:4] == ["Sở", "Thông tin", "và", "Truyền"]
    assert got[4:] == WORDS.split()[5:]


def test_align_accepts_underscores_and_text_underscores() -> None:
    assert seg._align("Hội nghị a_b c", ["Hội_nghị", "a_b", "c"]) == [(0, 8), (9, 12), (13, 14)]
    assert seg._align("Hội  nghị", ["Hội nghị"]) == [(0, 9)]


def test_pyvi_public_tokenize_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pyvi without the CRF internals is used through ``tokenize`` and re-aligned."""
    monkeypatch.setattr(seg, "_pyvi", lambda: None)
    got = texts(WORDS + " 43/2011/NĐ-CP, a_b", "pyvi")
    assert "Thông tin" in got and "Hội nghị" in got and "43/2011/NĐ-CP" in got and "a_b" in got


def test_unknown_backend() -> None:
    with pytest.raises(ValueError, match="backend"):
        segment("Hội nghị", "spacy")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- sentences
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(Mic.gov.vn) - Sở TT&TT Hậu Giang tổ chức Hội nghị. Tham dự có ông A.",
            ["(Mic.gov.vn) - Sở TT&TT Hậu Giang tổ chức Hội nghị.", "Tham dự có ông A."],
        ),
        (
            "Hội nghị tại TP. Hồ Chí Minh. TS. Nguyễn Văn A và PGS.TS. Trần Văn B dự.",
            ["Hội nghị tại TP. Hồ Chí Minh.", "TS. Nguyễn Văn A và PGS.TS. Trần Văn B dự."],
        ),
        (
            "Có 3.382 hộ, đạt 47,9%. 6 tháng đầu năm tăng 1.234,5 tỷ đồng.",
            ["Có 3.382 hộ, đạt 47,9%.", "6 tháng đầu năm tăng 1.234,5 tỷ đồng."],
        ),
        (
            "Các ngày lễ (30/4/1975 – 30/4/2011)… tập trung tuyên truyền. Tốt.",
            ["Các ngày lễ (30/4/1975 – 30/4/2011)… tập trung tuyên truyền.", "Tốt."],
        ),
        (
            "các lĩnh vực như báo chí, xuất bản... được tăng cường",
            ["các lĩnh vực như báo chí, xuất bản... được tăng cường"],
        ),
        (
            "đảm bảo an sinh xã hội… Trong công tác quản lý, Hậu Giang…Về lĩnh vực Báo chí",
            ["đảm bảo an sinh xã hội…", "Trong công tác quản lý, Hậu Giang…", "Về lĩnh vực Báo chí"],
        ),
        (
            "Tiêu đề không có dấu chấm\nĐoạn một. Đoạn hai!\r\n\r\nVì sao? Không rõ",
            ["Tiêu đề không có dấu chấm", "Đoạn một.", "Đoạn hai!", "Vì sao?", "Không rõ"],
        ),
        ('Ông nói: "Tốt lắm." Sau đó v.v. Tham dự', ['Ông nói: "Tốt lắm."', "Sau đó v.v.", "Tham dự"]),
        ("1. Kết quả đạt được. II. Nhiệm vụ năm 2012", ["1. Kết quả đạt được.", "II. Nhiệm vụ năm 2012"]),
        ("Tổng kết năm 2011. đây là chữ thường", ["Tổng kết năm 2011. đây là chữ thường"]),
        ("Văn hoá\u00a0tốt.\u00a0Sở Văn hoá", ["Văn hoá\u00a0tốt.", "Sở Văn hoá"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    spans = sentences(text)
    assert [s.text for s in spans] == expected
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_sentences_trimmed_even_when_nfc_reorders_marks_after_a_space() -> None:
    assert [s.text for s in sentences("A.\n \u0301\u0323 b")] == ["A.", "\u0301\u0323 b"]


def test_sentences_nfd_offsets() -> None:
    text = unicodedata.normalize("NFD", SEED).replace("\n", "\r\n")
    spans = sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert [normalize_string(s.text) for s in spans] == [normalize_string(s.text) for s in sentences(SEED)]
    assert len(spans) == 5


def test_sentences_of_samples_keep_traps_whole() -> None:
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        for s in sentences(text):
            assert text[s.start : s.end] == s.text
            assert not s.text.endswith(("TP.", "TS.", "(Mic.")), s.text


# ----------------------------------------------------------------------------- linear time
@pytest.mark.parametrize(
    "piece",
    ["1.000.", ". ", "a.", "1/", "1-", "1:", "A-", "TT&", "a@", "…", "?!", "TP.", "v.v", "1-A", "Hội nghị "],
)
def test_hostile_repetitions_are_linear(piece: str) -> None:
    """A catastrophic pattern would be quadratic: 10× the text must cost ~10× the time."""

    def cost(n: int) -> float:
        text = piece * n
        t0 = time.process_time()
        seg._units(normalize_string(text))
        sentences(text)
        return time.process_time() - t0

    small = min(cost(3_000) for _ in range(3))
    large = cost(30_000)
    assert large < 40 * small + 0.25, (small, large)  # quadratic: ~100× (minutes, in fact)


def test_issue_6_inputs_finish() -> None:
    text = "1.000." * 200_000
    t0 = time.process_time()
    toks = segment(text)
    spans = sentences(text)
    assert time.process_time() - t0 < 10
    assert "".join(t.text for t in toks) == text and len(spans) == 1
    line = " ".join(SEED.split()) + " "
    big = line * (5_000_000 // len(line))  # 5 MB on one line
    t0 = time.process_time()
    assert len(sentences(big)) > 10_000
    seg._units(big[:1_000_000])
    assert time.process_time() - t0 < 20


# ----------------------------------------------------------------------------- speed, laziness, API
def test_speed_close_to_pyvi_tokenize() -> None:
    """Tokens (offsets, kinds, protection) cost about what pyvi's own tokenize costs."""
    from pyvi.ViTokenizer import ViTokenizer

    docs = [p.read_text(encoding="utf-8") for p in SAMPLES]
    segment(docs[0])
    ours = theirs = 0.0
    for doc in docs:
        a, b = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            ViTokenizer.tokenize(doc)
            a.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            segment(doc)
            b.append(time.perf_counter() - t0)
        theirs += min(a)
        ours += min(b)
    assert ours < 1.5 * theirs, (ours, theirs)


def test_import_is_lazy_and_functions_stay_functions() -> None:
    code = (
        "import sys, vnreport\n"
        "assert not {'pyvi', 'underthesea', 'vnreport.text.segmentation'} & set(sys.modules), 'eager import'\n"
        "import vnreport.text.segmentation\n"
        "toks = vnreport.segment('Sở Thông tin và Truyền thông')\n"
        "assert [t.text for t in toks] == ['Sở', 'Thông tin', 'và', 'Truyền thông'], toks\n"
        "assert vnreport.sentences('A. B')[1].text == 'B'\n"
        "assert 'underthesea' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_package_wrapper_returns_tokens() -> None:
    import vnreport

    toks = vnreport.segment("Sở TT&TT Hậu Giang", backend="underthesea")
    assert [(t.text, t.kind) for t in toks] == [("Sở", "word"), ("TT&TT", "abbreviation"), ("Hậu Giang", "word")]


def test_a_killed_process_leaves_no_pyvi_model_file_behind(tmp_path: Path) -> None:
    """pyvi's CRF is unpickled into a temporary model file; it is deleted as soon as the tagger
    has read it, so a worker killed mid-run leaves nothing in the temp folder."""
    code = (
        "import os, signal, vnreport\n"
        "vnreport.extract('Sở Thông tin và Truyền thông tỉnh Hậu Giang', tokens=True)\n"
        "print(sorted(os.listdir(os.environ['TMPDIR'])), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == -9, r.stderr
    assert r.stdout.strip() == "[]"
    assert list(tmp_path.iterdir()) == []
