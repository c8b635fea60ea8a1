"""Cited legal and administrative documents → ``doc.found["legal_documents"]`` (and standards →
``doc.found["standards"]``).

The stages, each its own module:

1. standards (:mod:`.standards`: ``ISO 9001:2008``, ``TCVN 6909:2001``), claimed first so their
   numbers are not read as documents;
2. citations (:mod:`.citations`): document numbers (read by :mod:`.symbols`), each with the type
   word before it ("Nghị định số", "Luật Giáo dục đại học số", "văn bản (số"), and documents
   cited by a bare number after a type word ("Chỉ thị số 16", "các Nghị quyết số 08 và 49");
3. attachment (:mod:`.attachment`): each citation's signing date, trích yếu and named issuer;
4. grouping (:mod:`.grouping`): short citations ("Nghị định 43", "116/NĐ-CP") join the fully
   numbered document they abbreviate;
5. assembly (here): one :class:`LegalDocument` per group, its issuer from :mod:`.issuers`.

Type and issuer tables are the ``doc_types`` and ``issuers`` gazetteers (:mod:`.tables`).
"""

from __future__ import annotations

import re

from ...lexicon import gazetteers as gz
from ...models import LegalDocument
from ...text.document import Doc
from ..base import Recognizer, register
from .attachment import CitationContext, attach, signing_days
from .citations import Citation, bare_citations, find_type_words, numbered_citations
from .grouping import group_citations
from .issuers import issuer
from .standards import find_standards
from .tables import LegalLexicon, build_lexicon


@register("legal")
class LegalRecognizer(Recognizer):
    label = "legal_documents"

    def __init__(self) -> None:
        self._lexicon: LegalLexicon | None = None

    def setup(self, gazetteers: gz.Gazetteers) -> None:
        self._lexicon = gazetteers.derived(build_lexicon)

    def find(self, doc: Doc) -> list[LegalDocument]:
        lex = self._lexicon or gz.Gazetteers.bundled().derived(build_lexicon)
        doc.found["standards"] = find_standards(lex, doc)
        words = find_type_words(lex, doc.lower)
        cites = numbered_citations(lex, doc, words)
        cites += bare_citations(lex, doc, cites, words)
        cites.sort(key=lambda c: c.start)
        ctx = CitationContext(doc, cites, signing_days(doc))
        cites = share_listed_issuer(doc, [attach(ctx, i, c) for i, c in enumerate(cites)])
        docs = [_document(lex, ctx, g) for g in group_citations(cites)]
        docs.sort(key=lambda d: d.mentions[0].start)
        for s, e in sorted((c.start, c.end) for c in cites):  # in order: Doc.claim inserts sorted
            doc.claim(s, e, "legal")
        return docs


#: What stands between two citations of one list: a comma, "và", a semicolon, maybe the
#: first one's date ("Nghị quyết 01 ngày 1/1/2020, 02 và 35 của Chính phủ").
_LIST_GAP = re.compile(r"\s*+(?:ngày\s++\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\s*+)?(?:,\s*+và|,|;|và)\s*+")


def share_listed_issuer(doc: Doc, cites: list[Citation]) -> list[Citation]:
    """Citations listed before one issuer share it: in "Nghị quyết 01, 02 và 35 của Chính
    phủ" all three are the Government's, though "của Chính phủ" follows only the last."""
    out = list(cites)
    for i in range(len(out) - 2, -1, -1):
        c, nxt = out[i], out[i + 1]
        if c.who is None and nxt.who is not None and _LIST_GAP.fullmatch(doc.lower, c.end, nxt.start):
            out[i] = c.with_details(c.signed_on, c.title, nxt.who)
    return out


def _completeness(c: Citation) -> tuple[bool, bool, bool, int]:
    """Order citations of one document: a year, an issuer and a type in the number beat a short form."""
    sym = c.symbol
    assert sym is not None
    return sym.year is not None, sym.issuer_code is not None, sym.type_abbr is not None, -c.start


def _document(lex: LegalLexicon, ctx: CitationContext, group: list[Citation]) -> LegalDocument:
    """One document from the citations of it (sorted by start)."""
    doc = ctx.doc
    with_symbol = [c for c in group if c.symbol is not None]
    main = max(with_symbol, key=_completeness) if with_symbol else group[0]
    typed = max(group, key=lambda c: (c.type_rank, -c.start))
    sym = main.symbol
    signed = next((c.signed_on for c in group if c.signed_on), None)
    titled = next((c for c in group if c.title), None)
    who = next((c.who for c in group if c.who), None)
    year = sym.year if sym and sym.year else (signed.year if signed else None)
    return LegalDocument(
        id=main.id,
        doc_type=typed.doc_type,
        number=main.number,
        year=year,
        issuer_code=sym.issuer_code if sym else None,
        issuer=issuer(lex, ctx, sym, who),
        signed_on=signed,
        title=doc.orig_offsets(*titled.title)[2] if titled and titled.title else None,
        mentions=[doc.span(c.start, c.end) for c in group],
    )
