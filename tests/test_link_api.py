"""The linker as a streaming reduce: stable ids whatever the order, partial linkers, records and
Reports alike, failed records, dates, the timeline; end to end from report texts."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import random
from pathlib import Path

import pytest

import vnreport
from test_link_builders import agency, official, post, report, so, tinh_uy, ubnd, year
from vnreport import Report
from vnreport.linking import Corpus, Linker

SHARED = Path("/work/shared/corpus")

TEXTS = {
    "news/r008.txt": "Gặp mặt Quân - Dân - Chính tiêu biểu tỉnh Bình Định\n\nSáng 30/3/2025, tại TP Quy Nhơn, UBND tỉnh "
    "Bình Định tổ chức gặp mặt. Tham dự buổi gặp mặt có đồng chí Phạm Anh Tuấn – Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
    "news/r010.txt": "Chủ tịch UBND tỉnh làm việc với huyện Vân Canh\n\n(BĐ) - Chiều 22.4.2025, Chủ tịch UBND tỉnh Bình Định "
    "Phạm Anh Tuấn có buổi làm việc với huyện Vân Canh về tình hình phát triển KT-XH quý I.",
    "news/r025.txt": "Thủ tướng chủ trì phiên họp Chính phủ\n\nNgày 31/5/2025, Bộ trưởng Bộ Khoa học và Công nghệ Nguyễn "
    "Mạnh Hùng báo cáo tại phiên họp về Nghị định 116/2020/NĐ-CP.",
    "news/r098.txt": "Trường đại học dân lập tuyển sinh\n\nÔng Nguyễn Mạnh Hùng, Hiệu trưởng Trường ĐHDL Hồng Bàng (TP.HCM), "
    "cho biết năm 2005 trường tuyển 3.000 sinh viên theo Nghị định 116.",
}


def _corpus_reports() -> list[Report]:
    """A small corpus of hand-made reports with careers, namesakes, documents and agencies."""
    bo = agency("Bộ Tài chính", kind="Bộ")
    return [
        report(
            "a",
            official("Phạm Anh Tuấn", post("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định")),
            agencies=(ubnd("Bình Định"),),
            published=year(2025, 3, 30),
        ),
        report(
            "b",
            official("Phạm Anh Tuấn", post("Phó Bí thư", "Tỉnh ủy Bình Định")),
            agencies=(tinh_uy("Bình Định"),),
            event_date=year(2024, 1, 2),
        ),
        report(
            "c",
            official("Phạm Anh Tuấn", post("Giám đốc", "Sở Tài chính tỉnh Gia Lai")),
            agencies=(so("Tài chính", "Gia Lai"),),
        ),
        report(
            "d", official("Đinh Tiến Dũng", post("Bộ trưởng", "Bộ Tài chính")), agencies=(bo,), published=year(2016)
        ),
        report("e", official("Đinh Tiến Dũng", post("Bộ trưởng")), official("Phạm Anh Tuấn"), province="Bình Định"),
        {"doc_id": "f", "error": "f: not valid UTF-8"},
    ]


def _ids(corpus: Corpus) -> list[tuple[str, list[str]]]:
    return [(e.id, e.doc_ids) for e in (*corpus.officials, *corpus.agencies, *corpus.legal_documents)]


def test_ids_are_the_same_whatever_the_input_order() -> None:
    items = _corpus_reports()
    expected = _ids(vnreport.link(items))
    rng = random.Random(7)
    for _ in range(10):
        rng.shuffle(items)
        assert _ids(vnreport.link(items)) == expected


def test_ids_come_from_content_so_records_and_reports_agree() -> None:
    items = _corpus_reports()
    records = [x if isinstance(x, dict) else {"error": None, **x.model_dump(mode="json")} for x in items]
    assert _ids(vnreport.link(records)) == _ids(vnreport.link(items))
    (first, *_) = vnreport.link(items).find("Đinh Tiến Dũng")
    assert first.id.startswith("dinh-tien-dung-") and len(first.id) == len("dinh-tien-dung-") + 8


def test_namesakes_get_distinct_ids_and_a_report_without_doc_id_gets_one_from_content() -> None:
    corpus = vnreport.link(_corpus_reports())
    tuans = corpus.find("Phạm Anh Tuấn")
    assert len(tuans) == 2 and len({t.id for t in tuans}) == 2
    anonymous = report("x", official("Lê Văn Tám", post("Bộ trưởng"))).model_copy(update={"doc_id": None})
    ids = [vnreport.link([anonymous]).officials[0].doc_ids, vnreport.link([anonymous]).officials[0].doc_ids]
    assert ids[0] == ids[1] and ids[0][0].startswith("doc-")


def test_partial_linkers_merge_into_the_same_result() -> None:
    items = _corpus_reports()
    parts = [Linker.from_records(items[i::3]) for i in range(3)]
    merged = Linker.merged(pickle.loads(pickle.dumps(p)) for p in parts)  # as Dask ships them
    whole = Linker().update(items)
    assert _ids(merged.result()) == _ids(whole.result())
    assert (merged.n_reports, merged.n_failed) == (5, 1)
    chained = Linker().update(items[:2]).merge(Linker().update(items[2:]))
    assert _ids(chained.result()) == _ids(whole.result())


def test_linkers_of_different_gazetteers_do_not_merge() -> None:
    other = vnreport.Gazetteers.load({"office_bodies": [{"office": "Chủ tịch", "of": "title", "bodies": "Quốc hội"}]})
    with pytest.raises(ValueError, match="different gazetteers"):
        Linker().merge(Linker(other))


def test_a_linker_consumes_an_iterable_once() -> None:
    consumed = []

    def stream():
        for item in _corpus_reports():
            consumed.append(item)
            yield item

    corpus = vnreport.link(stream())
    assert len(consumed) == 6 and (corpus.n_reports, corpus.n_failed, corpus.failed) == (5, 1, ["f"])


def test_anything_but_reports_and_records_is_refused() -> None:
    with pytest.raises(TypeError, match="Reports or record dicts"):
        vnreport.link(["news/r001.txt"])  # type: ignore[list-item]


def test_dates_come_from_published_else_event_date_and_undated_reports_still_link() -> None:
    corpus = vnreport.link(_corpus_reports())
    binh_dinh = next(o for o in corpus.find("Phạm Anh Tuấn") if "a" in o.doc_ids)
    assert binh_dinh.doc_ids == ["a", "b", "e"]  # "e": a bare mention in a Bình Định report
    assert (binh_dinh.first_seen, binh_dinh.last_seen) == (year(2024, 1, 2), year(2025, 3, 30))
    gia_lai = next(o for o in corpus.find("Phạm Anh Tuấn") if "c" in o.doc_ids)
    assert (gia_lai.first_seen, gia_lai.last_seen) == (None, None)


def test_the_timeline_has_one_row_per_official_and_post() -> None:
    corpus = vnreport.link(_corpus_reports())
    rows = [(r.name, r.title, r.organization, r.first_seen, r.last_seen, r.doc_ids) for r in corpus.timeline()]
    assert (
        "Phạm Anh Tuấn",
        "Chủ tịch",
        "Ủy ban nhân dân tỉnh Bình Định",
        year(2025, 3, 30),
        year(2025, 3, 30),
        ["a"],
    ) in rows
    assert ("Phạm Anh Tuấn", "Phó Bí thư", "Tỉnh ủy Bình Định", year(2024, 1, 2), year(2024, 1, 2), ["b"]) in rows
    assert ("Đinh Tiến Dũng", "Bộ trưởng", None, None, None, ["e"]) in rows
    dung = corpus.find("Đinh Tiến Dũng")[0].id
    assert {r.official_id for r in corpus.timeline(official=dung)} == {dung}
    assert len(corpus.timeline()) == sum(len(o.positions) for o in corpus.officials)


def test_lookups_by_id_and_by_report() -> None:
    corpus = vnreport.link(_corpus_reports())
    for o in corpus.officials:
        assert corpus.get(o.id) is o
    assert {e.name for e in corpus.in_report("e")} >= {"Đinh Tiến Dũng", "Phạm Anh Tuấn"}
    assert corpus.get("nobody") is None and corpus.in_report("nowhere") == []


def test_vnreport_link_is_the_function_and_linking_the_package() -> None:
    import vnreport.linking.cli  # importing the subpackage does not rebind vnreport.link
    from vnreport.linking import Linker

    assert callable(vnreport.link) and vnreport.link.__module__ == "vnreport"
    assert vnreport.linking.Linker is Linker


# --------------------------------------------------------------------- end to end
def test_extracted_texts_link_end_to_end() -> None:
    reports = [vnreport.extract(text, doc_id=doc_id) for doc_id, text in TEXTS.items()]
    corpus = vnreport.link(reports)
    (tuan,) = corpus.find("Phạm Anh Tuấn")
    assert tuan.doc_ids == ["news/r008.txt", "news/r010.txt"] and tuan.last_seen == dt.date(2025, 4, 22)
    assert sorted(o.doc_ids for o in corpus.find("Nguyễn Mạnh Hùng")) == [["news/r025.txt"], ["news/r098.txt"]]
    (nd116,) = [d for d in corpus.legal_documents if d.id == "116/2020/NĐ-CP"]
    assert nd116.doc_ids == ["news/r025.txt", "news/r098.txt"]  # the short "Nghị định 116" resolved


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs the shared corpus")
def test_the_shared_news_corpus() -> None:
    """The issue's own examples, over the shared news corpus."""
    nlp = vnreport.default_pipeline()
    paths = sorted((SHARED / "news").glob("*.txt"))
    records = [nlp(p.read_text(encoding="utf-8"), doc_id=f"news/{p.name}") for p in paths]
    corpus = vnreport.link(records)
    tuan = [o for o in corpus.find("Phạm Anh Tuấn") if any("Bình Định" in (p.organization or "") for p in o.positions)]
    assert len(tuan) == 1 and {"news/r008.txt", "news/r010.txt", "news/r015.txt", "news/r016.txt"} <= set(
        tuan[0].doc_ids
    )
    hung = corpus.find("Nguyễn Mạnh Hùng")
    assert {"news/r025.txt"} in [set(o.doc_ids) for o in hung] and {"news/r098.txt"} in [set(o.doc_ids) for o in hung]
    shuffled = list(records)
    random.Random(1).shuffle(shuffled)
    assert _ids(vnreport.link(shuffled)) == _ids(corpus)
    as_json = [json.loads(json.dumps({"error": None, **r.model_dump(mode="json")})) for r in records]
    assert _ids(vnreport.link(as_json)) == _ids(corpus)


def test_a_dask_bag_of_records_reduces_to_the_same_corpus() -> None:
    db = pytest.importorskip("dask.bag")
    items = [x if isinstance(x, dict) else {"error": None, **x.model_dump(mode="json")} for x in _corpus_reports()]
    bag = db.from_sequence(items, npartitions=3)
    linker = bag.reduction(Linker.from_records, Linker.merged).compute(scheduler="sync")
    assert _ids(linker.result()) == _ids(vnreport.link(items))


def test_hand_made_records_need_only_the_fields_linking_reads() -> None:
    records = [
        {
            "doc_id": "a",
            "province": "Bình Định",
            "officials": [{"name": "Phạm Anh Tuấn", "positions": [{"title": "Chủ tịch"}]}],
        },
        {"doc_id": "b", "province": {"name": "Bình Định"}, "published": "2025-04-22T08:00:00+07:00", "officials": None},
        {
            "doc_id": "c",
            "event_date": "not a date",
            "officials": [{"name": "Phạm Anh Tuấn", "positions": [{"text": "chủ tịch"}]}],
        },
    ]
    corpus = vnreport.link(records)
    (tuan,) = corpus.officials
    assert tuan.doc_ids == ["a", "c"] and tuan.report_provinces == ["Bình Định"] and tuan.first_seen is None
    assert [(p.title, p.doc_ids) for p in tuan.positions] == [("Chủ tịch", ["a", "c"])]  # title: from the text
