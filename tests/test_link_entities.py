"""Linked legal documents (short citations resolved when unique) and agencies (by canonical name)."""

from __future__ import annotations

import pytest

import vnreport
from test_link_builders import agency, report, year
from vnreport import LegalDocument, Report, Span


def doc(
    ident: str, doc_type: str, number: str, year_: int | None = None, code: str | None = None, text: str = ""
) -> LegalDocument:
    cited = text or f"{doc_type} {ident}"
    return LegalDocument(
        id=ident,
        doc_type=doc_type,
        number=number,
        year=year_,
        issuer_code=code,
        mentions=[Span(start=0, end=len(cited), text=cited)],
    )


def full(ident: str, doc_type: str = "Nghị định") -> LegalDocument:
    number, y, code = ident.split("/")
    return doc(ident, doc_type, number, int(y), code, text=f"{doc_type} số {ident}")


def short(number: str, doc_type: str = "Nghị định", year_: int | None = None) -> LegalDocument:
    return doc(number, doc_type, number, year_, None, text=f"{doc_type} {number}")


def cites(doc_id: str, *docs: LegalDocument, province: str | None = None, y: int | None = None) -> Report:
    r = report(doc_id, province=province, published=year(y) if y else None)
    return r.model_copy(update={"legal_documents": list(docs)})


def documents(reports: list[Report]) -> dict[str, list[str]]:
    return {d.id: d.doc_ids for d in vnreport.link(reports).legal_documents}


def test_a_short_citation_joins_the_one_full_document_it_fits() -> None:
    reports = [cites("a", full("116/2020/NĐ-CP"), y=2021), cites("b", short("116"), province="Bình Định", y=2022)]
    (nd,) = vnreport.link(reports).legal_documents
    assert (nd.id, nd.doc_ids, nd.short_forms) == ("116/2020/NĐ-CP", ["a", "b"], ["Nghị định 116"])
    assert (nd.year, nd.issuer_code, nd.first_seen, nd.last_seen) == (2020, "NĐ-CP", year(2021), year(2022))
    assert nd.aliases == ["Nghị định 116", "Nghị định số 116/2020/NĐ-CP"] and nd.report_provinces == ["Bình Định"]


@pytest.mark.parametrize(
    ("fulls", "cited", "expected"),
    [
        # two decrees 116: no guess, the short citations stay one entity of their own
        ([full("116/2020/NĐ-CP"), full("116/2018/NĐ-CP")], short("116"), "Nghị định 116"),
        # another type with the same number does not fit
        ([full("116/2020/TT-BTC", "Thông tư")], short("116"), "Nghị định 116"),
        # the year of the short citation must agree
        (
            [full("112/2001/QĐ-TTg", "Quyết định"), full("112/2004/QĐ-UB", "Quyết định")],
            short("112", "Quyết định", 2001),
            "112/2001/QĐ-TTg",
        ),
        ([full("112/2004/QĐ-UB", "Quyết định")], short("112", "Quyết định", 2001), "Quyết định 112 (2001)"),
        # leading zeros do not make another number
        ([full("05/2016/CT-TTg", "Chỉ thị")], short("5", "Chỉ thị"), "05/2016/CT-TTg"),
    ],
)
def test_short_citations_are_resolved_only_when_unique(fulls: list, cited: LegalDocument, expected: str) -> None:
    reports = [cites(f"f{i}", d) for i, d in enumerate(fulls)] + [cites("s1", cited), cites("s2", cited)]
    found = documents(reports)
    assert found[expected][-2:] == ["s1", "s2"]
    assert sum("s1" in ids for ids in found.values()) == 1


def test_documents_cited_by_many_reports_count_each_report_once() -> None:
    reports = [cites(f"r{i}", full("43/2011/NĐ-CP"), full("43/2011/NĐ-CP")) for i in range(3)]
    (nd,) = vnreport.link(reports).legal_documents
    assert nd.doc_ids == ["r0", "r1", "r2"] and nd.n_mentions == 6


# --------------------------------------------------------------------- agencies
def test_agencies_link_by_canonical_name_with_their_surface_forms() -> None:
    def with_forms(doc_id: str, *forms: str) -> Report:
        a = agency("Sở Thông tin và Truyền thông tỉnh Hậu Giang", level="province", province="Hậu Giang", kind="Sở")
        a = a.model_copy(update={"mentions": [Span(start=0, end=len(f), text=f) for f in forms]})
        return report(doc_id, agencies=(a,), published=year(2011))

    (so,) = vnreport.link(
        [with_forms("a", "Sở TT&TT", "Sở Thông tin và Truyền thông"), with_forms("b", "Sở TT&TT")]
    ).agencies
    assert (so.name, so.doc_ids, so.aliases) == (
        "Sở Thông tin và Truyền thông tỉnh Hậu Giang",
        ["a", "b"],
        ["Sở TT&TT", "Sở Thông tin và Truyền thông"],
    )
    assert (so.kind, so.level, so.province, so.first_seen) == ("Sở", "province", "Hậu Giang", year(2011))


def test_a_local_body_without_a_province_is_its_reports_province() -> None:
    ngoai_vu = agency("Sở Ngoại vụ", level="province", kind="Sở")
    reports = [
        report(d, agencies=(ngoai_vu,), province=p)
        for d, p in (("a", "Thừa Thiên Huế"), ("b", "Thừa Thiên Huế"), ("c", "Hà Nội"))
    ]
    found = sorted((a.doc_ids, a.id) for a in vnreport.link(reports).agencies)
    assert [ids for ids, _ in found] == [["a", "b"], ["c"]] and found[0][1] != found[1][1]
    # a central body is one body wherever it is reported from
    bo = agency("Bộ Công an", kind="Bộ")
    assert [
        a.doc_ids
        for a in vnreport.link([report("a", agencies=(bo,), province="Huế"), report("b", agencies=(bo,))]).agencies
    ] == [["a", "b"]]


def test_agency_ids_are_content_derived() -> None:
    bo = agency("Bộ Công an", kind="Bộ")
    (a,) = vnreport.link([report("x", agencies=(bo,))]).agencies
    (b,) = vnreport.link([report("y", agencies=(bo,)), report("z", agencies=(bo,))]).agencies
    assert a.id == b.id and a.id.startswith("bo-cong-an-")
