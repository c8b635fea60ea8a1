"""Per-document state of one ``find()`` call: the text, the matcher's hits by start, the date.

Made fresh for every document (the recogniser itself keeps nothing per document), and handed
to every stage, which reads the hits at a position by their type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...lexicon.orgnames import OrgHit
from ...text.document import Doc
from .vocabulary import AgencyVocabulary

_NO_HITS: list[tuple[int, OrgHit]] = []


@dataclass(slots=True)
class DocumentScan:
    doc: Doc
    text: str
    vocab: AgencyVocabulary
    #: start offset → ``(end, hit)`` for every whole-word match starting there
    hits: dict[int, list[tuple[int, OrgHit]]]
    when: dt.date | None
    #: where the top-level scan may resume after a start that read no organisation
    skip_to: int = -1
    #: the communes written in the document, by unit type (read once, on first use)
    communes: dict[str, set[str]] | None = None

    @classmethod
    def of(cls, doc: Doc, vocab: AgencyVocabulary) -> DocumentScan:
        return cls(doc, doc.text, vocab, vocab.lex.matcher.by_start(doc.lower), doc.context.report_date())

    def at(self, pos: int) -> list[tuple[int, OrgHit]]:
        """The ``(end, hit)`` pairs of the matches starting at ``pos`` (in end order)."""
        return self.hits.get(pos, _NO_HITS)

    def types_at(self, pos: int) -> set[type]:
        """The types of hits starting at ``pos``."""
        return {type(h) for _, h in self.hits.get(pos, _NO_HITS)}

    def longest(self, pos: int, *types: type) -> int:
        """The end of the longest hit of one of ``types`` at ``pos`` (-1 if none)."""
        best = -1
        for e, h in self.hits.get(pos, _NO_HITS):
            if e > best and isinstance(h, types):
                best = e
        return best
