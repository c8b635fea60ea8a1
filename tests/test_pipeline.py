"""The extraction contract: typed Report, exact original offsets, same entities for any spelling."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnreport
from vnreport import ExtractionError, Pipeline, Report
from vnreport.recognizers import PatternRecognizer, Recognizer, TextRecognizer
from vnreport.text.normalize import normalize_string

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "samples").glob("*.txt"))
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in SAMPLES}

_OLD_TO_NEW = re.compile(r"(?<![qQ])([òóỏõọÒÓỎÕỌ])([aeAE])(?!\w)|([ùúủũụÙÚỦŨỤ])([yY])(?!\w)")


def new_style_tones(text: str) -> str:
    """'hóa' → 'hoá', 'ủy' → 'uỷ': the other tone-mark convention, same length."""

    def move(m: re.Match[str]) -> str:
        first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        d = unicodedata.normalize("NFD", first)
        return d[0] + unicodedata.normalize("NFC", second + d[1:])

    return _OLD_TO_NEW.sub(move, text)


def assert_offsets(report: Report, text: str) -> None:
    for label, span in report.spans():
        assert text[span.start : span.end] == span.text, (label, span)
    for span in report.boilerplate + (report.tokens or []):
        assert text[span.start : span.end] == span.text, span


def entity_keys(report: Report) -> list[tuple[str, str]]:
    return sorted((label, normalize_string(s.text)) for label, s in report.spans())


def test_new_style_helper_really_changes_text() -> None:
    assert new_style_tones("Văn hóa Ủy ban quý") == "Văn hoá Uỷ ban quý"


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_sample_offsets_exact(name: str) -> None:
    text = TEXTS[name]
    report = vnreport.extract(text)
    assert_offsets(report, text)
    assert report.text_length == len(text)


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("variant", ["NFD", "new-style tones", "CRLF+NBSP"])
def test_spelling_variants_give_the_same_entities(name: str, variant: str) -> None:
    text = TEXTS[name]
    if variant == "NFD":
        other = unicodedata.normalize("NFD", text)
    elif variant == "new-style tones":
        other = new_style_tones(text)
        assert other != text or "hóa" not in text
    else:
        other = text.replace("\n", "\r\n").replace(", ", ",\u00a0")
    base, alt = vnreport.extract(text), vnreport.extract(other)
    assert_offsets(alt, other)
    assert entity_keys(alt) == entity_keys(base)
    assert [o.name for o in alt.officials] == [o.name for o in base.officials]
    assert [a.name for a in alt.agencies] == [a.name for a in base.agencies]
    assert [(d.id, d.signed_on) for d in alt.legal_documents] == [(d.id, d.signed_on) for d in base.legal_documents]
    assert [(m.value, m.unit) for m in alt.metrics] == [(m.value, m.unit) for m in base.metrics]
    assert [normalize_string(a) for a in alt.authors] == [normalize_string(a) for a in base.authors]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_json_round_trip(name: str) -> None:
    report = vnreport.extract(TEXTS[name], doc_id=name)
    data = report.model_dump(mode="json")
    again = Report.model_validate(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again == report
    assert again.doc_id == name


def test_scorer_fields_present() -> None:
    data = vnreport.extract(TEXTS[SAMPLES[0].name]).model_dump(mode="json")
    for key in ("legal_documents", "officials", "agencies", "metrics", "authors", "province"):
        assert key in data


def test_deterministic() -> None:
    text = "\n\n".join(TEXTS.values())
    a = vnreport.extract(text).model_dump(mode="json")
    b = Pipeline()(text).model_dump(mode="json")
    assert a == b


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\u200b", "a"])
def test_trivial_inputs_give_a_valid_report(text: str) -> None:
    report = vnreport.extract(text)
    assert report.text_length == len(text)
    assert_offsets(report, text)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (None, "takes the report text as a str, got NoneType"),
        (b"Ngh\xe1\xbb\x8b \xc4\x91\xe1\xbb\x8bnh", "not bytes: decode it first"),
        (123, "got int"),
        (["a"], "got list"),
    ],
)
def test_wrong_types_are_clear_errors(bad: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        vnreport.extract(bad)  # type: ignore[arg-type]


def test_pattern_recognizer_lands_in_entities_with_exact_offsets() -> None:
    text = "Hà Nam ghi nhận 2 ca Covid-19;\u00a0Bắc Giang có dịch cúm gia cầm."
    nlp = Pipeline(extra_recognizers=[PatternRecognizer("DISEASE", [r"covid-19", r"cúm gia cầm"])])
    report = nlp(text)
    assert [(e.label, e.text) for e in report.entities] == [("DISEASE", "Covid-19"), ("DISEASE", "cúm gia cầm")]
    assert_offsets(report, text)


def test_text_recognizer_maps_normalised_offsets_back() -> None:
    class Hoa(TextRecognizer):
        name = "hoa"
        label = "HOA"

        def find_spans(self, text: str):
            i = text.find("hóa")
            return [(i, i + 3, {"note": "x"})] if i >= 0 else []

    text = unicodedata.normalize("NFD", "văn hoá xã hội")
    report = Pipeline(extra_recognizers=[Hoa()])(text)
    (ent,) = report.entities
    assert text[ent.start : ent.end] == ent.text and normalize_string(ent.text) == "hóa"
    assert ent.attrs == {"note": "x"}


def test_failing_recognizer_names_itself_and_document() -> None:
    class Broken(Recognizer):
        name = "broken"
        label = "BROKEN"

        def find(self, doc):
            raise ValueError("boom")

    with pytest.raises(ExtractionError, match=r"recogniser 'broken' failed in document 'd1' \(.*ValueError: boom\)"):
        Pipeline(extra_recognizers=[Broken()])("text", doc_id="d1")


def test_bad_configuration_is_rejected_early() -> None:
    with pytest.raises(ValueError, match="unknown recogniser"):
        Pipeline(disable=["nope"])
    with pytest.raises(TypeError, match="must subclass"):
        Pipeline(extra_recognizers=[object()])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="at least one pattern"):
        PatternRecognizer("X", [])


def test_disable_skips_a_recogniser() -> None:
    text = "Báo phát hành 72 kỳ với gần 270.000 tờ."
    assert [(m.value, m.unit) for m in vnreport.extract(text).metrics] == [(72, "kỳ"), (270000, "tờ")]
    nlp = Pipeline(disable=["metrics"])
    assert "metrics" not in nlp.names
    assert nlp(text).metrics == []


_FRAGMENTS = [s for t in TEXTS.values() for s in re.split(r"(?<=[.,;:\n])", t) if s.strip()][:400]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=30)), max_size=12), st.sampled_from(["NFC", "NFD"])
)
def test_property_offsets_hold_for_mixed_text(parts: list[str], form: str) -> None:
    text = unicodedata.normalize(form, "".join(parts))
    report = vnreport.extract(text)
    assert_offsets(report, text)
    again = Report.model_validate(report.model_dump(mode="json"))
    assert again == report


def test_json_text_of_a_report_with_lone_surrogates() -> None:
    text = "\ud800 \u2028Nghị định 43/2011/NĐ-CP của Chính phủ. 2 ca \udcff"  # lone, not a pair
    report = vnreport.extract(text)
    data = json.loads(report.model_dump_json())
    assert data["legal_documents"][0]["id"] == "43/2011/NĐ-CP"
    assert Report.model_validate(data).model_dump(mode="json") == report.model_dump(mode="json")
    clean = vnreport.extract("Nghị định 43/2011/NĐ-CP")
    assert json.loads(clean.model_dump_json(indent=1)) == clean.model_dump(mode="json")


def test_a_table_no_recogniser_reads_is_refused(tmp_path: Path) -> None:
    stray = tmp_path / "programmes.tsv"
    stray.write_text("name\tshort\nCải cách hành chính\tCCHC\n", encoding="utf-8")
    with pytest.raises(
        vnreport.GazetteerError, match=r"programmes.tsv: no recogniser of this pipeline reads .*'programmes'"
    ):
        vnreport.Pipeline(gazetteers=[stray])

    class Programmes(PatternRecognizer):
        tables = ("programmes",)

    nlp = vnreport.Pipeline(gazetteers=[stray], extra_recognizers=[Programmes("PROGRAMME", ["x"])])
    assert nlp.gazetteers.rows("programmes")[0]["short"] == "CCHC"
