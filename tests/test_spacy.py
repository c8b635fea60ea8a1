"""The spaCy component: entry point, doc.ents / doc.spans / doc._.vnreport, multiprocessing, displaCy."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import vnreport
from vnreport import Agency, Official, Position, Report, Span
from vnreport.recognizers import PatternRecognizer, register
from vnreport.spacy_component import DISPLACY_OPTIONS, LABEL_COLORS, annotate, render

SAMPLES = vnreport.samples()
TEXT = next(iter(SAMPLES.values()))  # 000_…: Hậu Giang, Nghị định 43/2011/NĐ-CP, Ban Tuyên giáo Tỉnh ủy


@register("test_decree")
class DecreeRecognizer(PatternRecognizer):
    """A registered recogniser, so the component's config can name it (and its own table)."""

    tables = ("user_notes",)

    def __init__(self, label: str = "DECREE") -> None:
        super().__init__(label, [r"Nghị (?:định|quyết) (?:số )?\d+/(?:\d{4}/)?N[ĐQ]-CP"])


@register("test_party_org")
class PartyOrgRecognizer(PatternRecognizer):
    """Overlaps the next one: 'Ban Tuyên giáo Tỉnh ủy Hậu Giang' contains 'Tỉnh ủy Hậu Giang'."""

    def __init__(self) -> None:
        super().__init__("PARTY_ORG", [r"Ban Tuyên giáo Tỉnh ủy Hậu Giang"])


@register("test_committee")
class CommitteeRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__("COMMITTEE", [r"Tỉnh ủy Hậu Giang"])


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("vi")
    nlp.add_pipe("vnreport", config={"recognizers": ["test_decree", "test_party_org", "test_committee"]})
    return nlp


def test_entry_point_works_without_importing_vnreport() -> None:
    """After `pip install vnreport`, spaCy finds the factory by itself (the entry point)."""
    code = (
        "import sys, spacy\n"
        "assert 'vnreport' not in sys.modules\n"
        "nlp = spacy.blank('vi')\n"
        "nlp.add_pipe('vnreport', config={'disable': ['metrics']})\n"
        f"doc = nlp({TEXT[:600]!r})\n"
        "r = doc._.vnreport\n"
        "print(type(r).__module__, type(r).__name__, r.text_length, nlp.pipe_names)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["vnreport.models", "Report", str(len(TEXT[:600])), "['vnreport']"]


def test_doc_carries_the_report_and_spans(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    report = doc._.vnreport
    assert isinstance(report, Report)
    assert report == vnreport.Pipeline(
        extra_recognizers=[DecreeRecognizer(), PartyOrgRecognizer(), CommitteeRecognizer()]
    )(TEXT)
    decrees = [s for s in doc.spans["vnreport"] if s.label_ == "DECREE"]
    assert [s.text for s in decrees][:1] == ["Nghị định 43/2011/NĐ-CP"]
    # Every span of the report is covered by a spaCy span with its label (offsets expanded to tokens).
    spans = {(s.label_, s.start_char, s.end_char) for s in doc.spans["vnreport"]}
    for label, s in report.spans():
        assert any(lab == label and a <= s.start and s.end <= b for lab, a, b in spans), (label, s)


def test_ents_do_not_overlap_but_spans_keep_both(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    spans = list(doc.spans["vnreport"])
    party = [s for s in spans if s.label_ == "PARTY_ORG"]
    inner = [
        s
        for s in spans
        if s.label_ == "COMMITTEE" and any(p.start <= s.start and s.end <= p.end and len(s) < len(p) for p in party)
    ]
    assert party and inner, "the nested committee span must stay in doc.spans"
    ents = list(doc.ents)
    for a, b in itertools.pairwise(ents):
        assert a.end <= b.start
    chosen = {(e.start, e.end, e.label_) for e in ents}
    assert not any((s.start, s.end, s.label_) in chosen for s in inner)
    # filter_spans: a span left out of doc.ents overlaps an entity at least as long.
    for s in spans:
        if s.label_ != "POSITION" and (s.start, s.end, s.label_) not in chosen:
            assert any(e.start < s.end and s.start < e.end and len(e) >= len(s) for e in ents), s


def _handmade(text: str) -> Report:
    """An official whose position contains an agency, as the recognisers will report it."""
    name = "Võ Minh Tâm"
    pos = "Trưởng Ban Tuyên giáo Tỉnh ủy"
    ns = text.index(name)
    ps = text.index(pos, ns)
    ag = text.index("Ban Tuyên giáo Tỉnh ủy", ps)
    return Report(
        text_length=len(text),
        officials=[
            Official(
                name=name,
                positions=[Position(text=pos, start=ps, end=ps + len(pos))],
                mentions=[Span(start=ns, end=ns + len(name), text=name)],
            )
        ],
        agencies=[
            Agency(
                name="Ban Tuyên giáo Tỉnh ủy Hậu Giang", mentions=[Span(start=ag, end=ag + 22, text=text[ag : ag + 22])]
            )
        ],
    )


def test_annotate_agency_inside_position() -> None:
    nlp = spacy.blank("vi")
    doc = annotate(nlp.make_doc(TEXT), _handmade(TEXT))
    spans = {s.label_: s for s in doc.spans["vnreport"]}
    assert set(spans) == {"OFFICIAL", "POSITION", "AGENCY"}
    assert (
        spans["POSITION"].start_char
        <= spans["AGENCY"].start_char
        < spans["AGENCY"].end_char
        <= spans["POSITION"].end_char
    )
    assert spans["AGENCY"].kb_id_ == "Ban Tuyên giáo Tỉnh ủy Hậu Giang"
    assert spans["OFFICIAL"].kb_id_ == "Võ Minh Tâm"
    # POSITION is a role, not an entity: ents hold the person and the agency.
    assert sorted(e.label_ for e in doc.ents) == ["AGENCY", "OFFICIAL"]


def test_labels_can_be_renamed_and_existing_ents_kept() -> None:
    nlp = spacy.blank("vi")
    doc = nlp.make_doc(TEXT)
    name_at = TEXT.index("Võ Minh Tâm")
    doc.ents = [doc.char_span(name_at, name_at + 11, label="NER_PER", alignment_mode="expand")]
    annotate(doc, _handmade(TEXT), labels={"OFFICIAL": "PERSON"})
    assert [e.label_ for e in doc.ents] == ["NER_PER", "AGENCY"]  # the earlier NER wins its tokens
    assert "PERSON" in {s.label_ for s in doc.spans["vnreport"]}
    annotate(doc, _handmade(TEXT), labels={"OFFICIAL": "PERSON"}, overwrite_ents=True)
    assert [e.label_ for e in doc.ents] == ["PERSON", "AGENCY"]


def test_char_spans_expand_to_token_boundaries() -> None:
    nlp = spacy.blank("vi")
    doc = nlp.make_doc("Ông Võ Minh Tâm dự họp.")
    # 'inh Tâ' cuts through words: the span grows to whole tokens instead of being dropped.
    report = Report(officials=[Official(name="x", mentions=[Span(start=9, end=15, text="inh Tâ")])])
    annotate(doc, report)
    (ent,) = doc.ents
    assert ent.start_char <= 9 and ent.end_char >= 15 and "Minh" in ent.text


def test_report_from_another_text_is_refused() -> None:
    doc = spacy.blank("vi").make_doc("ngắn")
    with pytest.raises(ValueError, match="outside the Doc"):
        annotate(doc, _handmade(TEXT))


def test_report_survives_multiprocessing_and_serialisation(nlp: spacy.language.Language) -> None:
    texts = list(SAMPLES.values())
    serial = [d._.vnreport for d in nlp.pipe(texts)]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [d._.vnreport for d in docs] == serial
    assert [len(d.spans["vnreport"]) for d in docs] == [len(r.spans()) for r in serial]
    assert any(len(d.ents) for d in docs)
    # Doc bytes and DocBin (how spaCy ships docs between processes and to disk) keep it too.
    back = Doc(nlp.vocab).from_bytes(docs[0].to_bytes())
    assert back._.vnreport == serial[0]
    db = DocBin(store_user_data=True, docs=docs)
    again = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    assert [d._.vnreport for d in again] == serial


def test_config_roundtrip_to_disk(tmp_path: Path) -> None:
    nlp = spacy.blank("vi")
    nlp.add_pipe(
        "vnreport",
        config={
            "recognizers": [{"name": "test_decree", "label": "NGHI_DINH"}],
            "gazetteers": [{"user_notes": [{"note": "a row from the config"}]}],
            "disable": ["metrics"],
        },
    )
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    comp = loaded.get_pipe("vnreport")
    assert "metrics" not in comp.pipeline.names
    assert comp.pipeline.gazetteers.rows("user_notes")[0]["note"] == "a row from the config"
    doc = loaded(TEXT)
    assert "NGHI_DINH" in {s.label_ for s in doc.spans["vnreport"]}


def test_bad_config_fails_at_add_pipe() -> None:
    nlp = spacy.blank("vi")
    with pytest.raises(ValueError, match="unknown recogniser"):
        nlp.add_pipe("vnreport", config={"disable": ["no_such_thing"]})
    with pytest.raises(KeyError, match="no recogniser registered"):
        nlp.add_pipe("vnreport", name="vn2", config={"recognizers": ["no_such_recogniser"]})


def test_add_recognizer_in_code_and_pickle(nlp: spacy.language.Language) -> None:
    import pickle

    local = spacy.blank("vi")
    comp = local.add_pipe("vnreport")
    comp.add_recognizer(PatternRecognizer("PROGRAM", [r"chương trình mục tiêu quốc gia"]))
    clone = pickle.loads(pickle.dumps(local))
    doc = clone(TEXT)
    assert "PROGRAM" in {s.label_ for s in doc.spans["vnreport"]}


def test_render_has_colours_and_labels(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    html = render(doc, jupyter=False)
    assert "DECREE" in html and "Nghị định 43/2011/NĐ-CP" in html
    span_html = render(doc, style="span", jupyter=False)
    assert "PARTY_ORG" in span_html and "COMMITTEE" in span_html  # overlapping ones both drawn
    # A Report plus its text renders without a Vietnamese pipeline.
    html2 = render(_handmade(TEXT), TEXT, jupyter=False)
    assert LABEL_COLORS["OFFICIAL"] in html2 and LABEL_COLORS["AGENCY"] in html2
    assert set(DISPLACY_OPTIONS["colors"]) >= {"OFFICIAL", "AGENCY", "LEGAL_DOC", "METRIC", "DATE", "LOC"}
    with pytest.raises(TypeError, match="pass the text"):
        render(_handmade(TEXT))


def test_real_output_on_samples_is_consistent(nlp: spacy.language.Language) -> None:
    """Whatever the built-in recognisers find (they are growing), the Doc layers agree with it."""
    for doc in nlp.pipe(SAMPLES.values()):
        report = doc._.vnreport
        assert report.text_length == len(doc.text)
        span_keys = {(s.start, s.end, s.label_) for s in doc.spans["vnreport"]}
        assert all((e.start, e.end, e.label_) in span_keys for e in doc.ents)
        for label, s in report.spans():
            assert any(
                lab == label and a.start_char <= s.start and s.end <= a.end_char
                for a in doc.spans["vnreport"]
                for lab in [a.label_]
            ), (label, s)
        json.loads(report.model_dump_json())
