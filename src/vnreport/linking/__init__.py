"""Cross-report linking: the same official, agency or decree across a corpus of reports.

    >>> corpus = vnreport.link(reports)      # Reports, or records of `vnreport extract -o x.jsonl`
    >>> corpus.officials[0].positions        # posts with first/last report dates
    >>> corpus.timeline()                    # who held which post, since when
    >>> corpus.to_frame().legal_documents    # which documents are cited, by how many reports

It is a streaming reduce: ``Linker().add(report)`` … ``.result()`` consumes reports once and
keeps a few facts of each; partial linkers merge (``Linker.merged([...])``), so a Dask bag of
records reduces with ``bag.reduction(Linker.from_records, Linker.merged)``. Failed records
(``{"error": ...}``) are skipped and counted.

The model of identity
---------------------
**Officials.** Two mentions can only be one person if their names are equal once normalised
(spelling, case, spaces). Within a name, a mention's *anchors* decide: the organisations of
its posts (central bodies as named, local ones with their province), the national bodies an
office implies ("Thủ tướng" sits in the Government and the Politburo; a Politburo member in
the Central Committee: table ``office_bodies``), and the province of a post in a province's
or district's state or Party bodies (not of schools, hospitals or newspapers, nor of
communes). Mentions sharing an anchor are one person, and so, transitively, are chains of
them: that is how "Phó Chủ tịch UBND tỉnh X" (2015), "Chủ tịch UBND tỉnh X" (2020) and "Bí
thư Tỉnh ủy X" (2025) become one career. Mentions of one name that share no anchor are
*namesakes* and stay apart: the 2025 minister of science and the 2005 rector of a private
university named Nguyễn Mạnh Hùng have no body or province in common. A report's own
province is never an anchor on its own (a minister is reported from every province he
visits). A mention without an anchor (only "Giám đốc", or no post at all) joins the one
anchored person of its name it fits: on the same title ladder ("Phó Chủ tịch" → "Chủ tịch";
a bare "Chủ tịch" fits "Chủ tịch Quốc hội"), seen within ten years of it, and, for a person
of local posts, in a report of one of that person's provinces; when several fit, those seen
in the report's province are preferred; when none or several remain, it stays apart. Time
thus separates only what the organisations cannot.

**Ids** are made from content, never from arrival order: ``slug(name)-hash(name, principal
anchor)``, where the principal anchor is the one most of the person's mentions share (ties:
the first in sort order; a person known only from bare titles: the commonest title ladder;
from no post at all: the first report's doc_id), e.g. ``pham-anh-tuan-e7647013``. Anchors of
namesakes never overlap, so neither do their ids. The same reports give the same ids in any
order and however they were split between linkers; more reports change an id only when they
change that anchor (by merging two people, or by moving a person's centre of gravity).

**Agencies** are one entity per canonical name (a local body whose name pins no province is
qualified by its report's province); id ``slug(name)-hash(that key)``. **Legal documents** are one
entity per canonical id (``116/2020/NĐ-CP``); a short citation ("Nghị định 116") joins the one
full document of the corpus with its type and number (and year, issuer if given), else stays
a short entity "Nghị định 116".

Dates are the reports' (``published``, else ``event_date``): ``first_seen``/``last_seen`` say
when the corpus shows a post, not when a term began. A report without a date still links.
"""

from __future__ import annotations

from .linker import Corpus, Linker, link
from .models import LinkedAgency, LinkedLegalDocument, LinkedOfficial, OfficialPost, TimelineRow

__all__ = [
    "Corpus",
    "LinkedAgency",
    "LinkedLegalDocument",
    "LinkedOfficial",
    "Linker",
    "OfficialPost",
    "TimelineRow",
    "link",
]
